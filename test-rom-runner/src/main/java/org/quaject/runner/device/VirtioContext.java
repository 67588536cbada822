package org.quaject.runner.device;

/**
 * The transport as a {@link VirtioDevice} sees it while it handles a
 * notification: its queues, the byte order the driver chose, and how to
 * report a broken request.
 */
public interface VirtioContext {
    /** Queue {@code index} of the device, 0 to {@link VirtioDevice#queueCount()} less one. */
    VirtioQueue queue(int index);

    /** The features the driver and the device agreed on at FEATURES_OK. */
    long negotiated();

    /**
     * The byte order of ring fields, request headers and config fields:
     * big-endian (the CPU's) until VIRTIO_F_VERSION_1 is negotiated, as QEMU
     * has it on a big-endian target; little-endian after.
     */
    boolean bigEndian();

    /**
     * QEMU's {@code virtio_error}: the driver broke the rules. The message is
     * reported with the run's result; the device stops (DEVICE_NEEDS_RESET,
     * notifications ignored) until the driver resets it.
     */
    void fail(String message);

    /** A problem worth reporting that is not the driver's fault (a host file failed); the device goes on. */
    void note(String message);
}
