package org.quaject.runner.device;

/**
 * One split virtqueue of a {@link VirtioDevice}, the device's side of it:
 * take the chains the driver made available, fill their writable buffers,
 * give them back, and interrupt the driver. A malformed chain is a
 * {@code virtio_error} the queue reports itself ({@link VirtioContext#fail}):
 * {@link #pop()} then returns null and the device is broken until reset.
 */
public interface VirtioQueue {
    /** The next available chain, or null: none is there, or it was malformed. */
    VirtioChain pop();

    /**
     * Puts a finished chain on the used ring, saying {@code written} bytes
     * of its writable buffers were written (QEMU's virtqueue_push). Follow it
     * with {@link #notifyDriver()}, after one chain or a batch.
     */
    void push(VirtioChain chain, long written);

    /** Gives a popped chain back unused: nothing reaches the used ring (virtqueue_detach_element). */
    void detach(VirtioChain chain);

    /**
     * Interrupts the driver for what was pushed, unless it asked not to be
     * (VRING_AVAIL_F_NO_INTERRUPT, or with VIRTIO_RING_F_EVENT_IDX its
     * used_event): QEMU's virtio_notify.
     */
    void notifyDriver();

    /** Asks the driver not to notify the queue (false) or to notify it again (true), as QEMU's devices do while they work. */
    void setNotification(boolean enable);

    /** Whether the driver has made nothing available beyond what the device took. */
    boolean isEmpty();
}
