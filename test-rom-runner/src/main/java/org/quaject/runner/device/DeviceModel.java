package org.quaject.runner.device;

/**
 * What a {@link DeviceProvider} creates: a {@link Device}, registers of its
 * own at a fixed place on the board, or a {@link VirtioDevice}, which sits
 * behind one of the board's virtio-mmio transports.
 */
public sealed interface DeviceModel permits Device, VirtioDevice {
    /** For messages: "goldfish-tty", "virtio-rng", ... */
    String name();
}
