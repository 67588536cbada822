package org.quaject.runner.device;

import java.util.List;

/**
 * A kind of device the runner can put on the board: the service that
 * {@link java.util.ServiceLoader} finds in a plug-in jar
 * ({@code META-INF/services/org.quaject.runner.device.DeviceProvider} lists
 * the implementing classes, which need a public no-argument constructor).
 * {@code qj run|test --device-path JARS --device TYPE} places one device of
 * {@link #type()} on the board for the run, on the runner by
 * {@link #create}, on QEMU by {@link #qemuArguments()}.
 *
 * <p>A provider says nothing about a particular run; the board calls
 * {@link #create} once for each device it places, with that device's
 * {@link DeviceContext}.
 */
public interface DeviceProvider {
    /** The name {@code --device} takes: lower case, like QEMU's device names, e.g. {@code virtio-rng}. */
    String type();

    /** One line for lists of the known types: what the device is. */
    String description();

    /** Where the device goes on the board. */
    Placement placement();

    /**
     * What QEMU's command line needs to have the same device there, e.g.
     * {@code ["-device", "virtio-rng-device"]}; empty when QEMU has no such
     * device, and then only the runner can run with it. For a
     * {@link Placement.NextVirtioTransport} device the arguments must add
     * exactly one virtio-mmio device, so that QEMU, filling its transports
     * from the last down in command-line order, puts it where the runner does.
     */
    List<String> qemuArguments();

    /**
     * A new device, out of reset: a {@link Device} for a {@link Placement.Fixed}
     * placement, a {@link VirtioDevice} for the next virtio transport.
     */
    DeviceModel create(DeviceContext context);
}
