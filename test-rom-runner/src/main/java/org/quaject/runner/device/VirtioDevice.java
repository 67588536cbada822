package org.quaject.runner.device;

/**
 * A device behind one of the board's virtio-mmio transports: what QEMU's
 * {@code VirtioDeviceClass} gives its transport (VIRTIO 1.x, section 4.2).
 * The transport runs the registers, the feature negotiation, the status and
 * the split virtqueues' rings (VIRTIO 1.x, 2.7) as QEMU 7.2 does; the device
 * says what it is, offers its features and config space, and does the
 * requests it takes from its queues ({@link VirtioQueue}) when the driver
 * notifies one.
 */
public non-sealed interface VirtioDevice extends DeviceModel {
    /** What DeviceID reads (VIRTIO 1.x, section 5): 2 a block device, 4 an entropy source, ... */
    int deviceId();

    /**
     * The feature bits DeviceFeatures offers, 64 of them. Offer
     * VIRTIO_F_VERSION_1 (bit 32): without it the driver sees a legacy
     * device, whose rings are big-endian on this board.
     */
    long features();

    /**
     * The bytes of config space; reads past them give all ones, writes past
     * them are ignored. None unless the device says otherwise.
     */
    default int configLength() {
        return 0;
    }

    /** Fills {@code config} with the config space, its fields in the byte order given (QEMU's get_config). */
    default void readConfig(byte[] config, boolean bigEndian) {
        // No config space.
    }

    /** The driver wrote config space, now {@code config} (QEMU's set_config). */
    default void writeConfig(byte[] config) {
        // No config space.
    }

    /** The device's queues: queue 0 to this less one exist; one unless the device says otherwise. */
    default int queueCount() {
        return 1;
    }

    /** The entries of queue {@code index} until the driver sets QueueNum. */
    int queueSize(int index);

    /**
     * The driver notified queue {@code index}, which has a descriptor table
     * (QEMU's handle_output): take the chains available on
     * {@code transport.queue(index)}, do them, and put them on the used ring.
     */
    void queueNotified(VirtioContext transport, int index);

    /** Before the transport stores a new status, with the features negotiated (QEMU's set_status). */
    void statusWritten(int status, long negotiated);

    /** The driver reset the device (QEMU's reset); the transport resets the queues itself. */
    void reset();
}
