package org.quaject.runner;

import java.util.List;
import java.util.Objects;
import org.quaject.runner.device.DeviceContext;
import org.quaject.runner.device.DeviceModel;
import org.quaject.runner.device.DeviceProvider;
import org.quaject.runner.device.Placement;

/**
 * One of QEMU's own virtio-mmio devices, for a run on QEMU that names a
 * device type no plug-in provides: {@code --device virtio-rng} on QEMU is
 * {@code -device virtio-rng-device}, at the next virtio-mmio transport. QEMU
 * needs no model, so only {@link QemuEngine} can run with it; the runner
 * needs a plug-in's.
 */
public final class QemuVirtioDevice implements DeviceProvider {
    private final String type;

    /**
     * QEMU's device {@code TYPE-device}.
     *
     * @throws IllegalArgumentException unless the type is a virtio one ({@code virtio-...}): only those
     *         can be added to QEMU's virt board
     */
    public QemuVirtioDevice(String type) {
        this.type = Objects.requireNonNull(type, "type");
        if (!isVirtioType(type)) {
            throw new IllegalArgumentException("QEMU's virt board takes only virtio devices, not " + type);
        }
    }

    /** Whether {@code type} names a virtio device, which QEMU can add to its virt board: {@code virtio-NAME}. */
    public static boolean isVirtioType(String type) {
        return type.matches("virtio-[a-z0-9-]+") && !type.endsWith("-device");
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String description() {
        return "QEMU's " + type + "-device";
    }

    @Override
    public Placement placement() {
        return Placement.nextVirtioTransport();
    }

    @Override
    public List<String> qemuArguments() {
        return List.of("-device", type + "-device");
    }

    @Override
    public DeviceModel create(DeviceContext context) {
        throw new UnsupportedOperationException("the runner has no model of " + type
                + "; give --device-path with a plug-in that provides it");
    }
}
