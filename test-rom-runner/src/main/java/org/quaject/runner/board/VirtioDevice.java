package org.quaject.runner.board;

/**
 * A device behind a {@link VirtioTransport}: what QEMU's
 * {@code VirtioDeviceClass} gives its transport (device ID, features, config
 * space, queues, and the hooks the virtio core calls).
 */
interface VirtioDevice {
    /** For messages: "virtio-blk". */
    String name();

    /** What DeviceID reads (VIRTIO 1.x, 5). */
    int deviceId();

    /** The feature bits DeviceFeatures offers, 64 of them. */
    long features();

    /** The bytes of config space; reads past them give all ones, writes past them are ignored. */
    int configLength();

    /** Fills {@code config} with the config space, its fields in the byte order given (QEMU's get_config). */
    void readConfig(byte[] config, boolean bigEndian);

    /** The driver wrote config space, now {@code config} (QEMU's set_config). */
    void writeConfig(byte[] config);

    /** The device's queues: queue 0 to this less one exist. */
    int queueCount();

    /** The entries of queue {@code index} until the driver sets QueueNum. */
    int queueSize(int index);

    /** The driver notified queue {@code index}, which has a descriptor table (QEMU's handle_output). */
    void queueNotified(VirtioTransport transport, int index);

    /** Before the transport stores a new status, with the features negotiated (QEMU's set_status). */
    void statusWritten(int status, long negotiated);

    /** The driver reset the device (QEMU's reset). */
    void reset();
}
