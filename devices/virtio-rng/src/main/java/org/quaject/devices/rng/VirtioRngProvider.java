package org.quaject.devices.rng;

import java.util.List;
import org.quaject.runner.device.DeviceContext;
import org.quaject.runner.device.DeviceModel;
import org.quaject.runner.device.DeviceProvider;
import org.quaject.runner.device.Placement;

/**
 * The {@code virtio-rng} device type: an entropy source behind the next
 * virtio-mmio transport, QEMU's {@code -device virtio-rng-device}. Listed in
 * {@code META-INF/services/org.quaject.runner.device.DeviceProvider}, so that
 * {@code --device-path virtio-rng.jar} finds it.
 */
public final class VirtioRngProvider implements DeviceProvider {

    /** The type {@code --device} names. */
    public static final String TYPE = "virtio-rng";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "virtio entropy source (device ID 4) on the next virtio-mmio transport; seeded bytes on the runner";
    }

    @Override
    public Placement placement() {
        return Placement.nextVirtioTransport();
    }

    @Override
    public List<String> qemuArguments() {
        return List.of("-device", "virtio-rng-device");
    }

    @Override
    public DeviceModel create(DeviceContext context) {
        return new VirtioRng(VirtioRng.DEFAULT_SEED ^ context.base());
    }
}
