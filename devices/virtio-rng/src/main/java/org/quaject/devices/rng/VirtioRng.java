package org.quaject.devices.rng;

import java.util.SplittableRandom;
import org.quaject.runner.device.VirtioChain;
import org.quaject.runner.device.VirtioContext;
import org.quaject.runner.device.VirtioDevice;
import org.quaject.runner.device.VirtioQueue;

/**
 * A virtio entropy device (VIRTIO 1.x, section 5.4) as QEMU 7.2's
 * hw/virtio/virtio-rng.c serves {@code -device virtio-rng-device}: device ID
 * 4, no config space, no features of its own (those QEMU's transport and
 * virtio core offer every device: RING_INDIRECT_DESC, RING_EVENT_IDX,
 * VERSION_1 and RING_RESET, as for the board's virtio-blk), one queue,
 * {@code requestq}, of 8 entries until the driver sets another size. The
 * driver makes device-writable buffers available; the device fills them
 * with random bytes and puts each chain on the used ring with the number of
 * bytes written, which is the whole writable length.
 *
 * <p><b>The bytes</b> come from a {@link SplittableRandom} seeded with
 * {@link #DEFAULT_SEED} and the transport's address, so that a run is the
 * same run every time: the same image gets the same bytes. They are not fit
 * for cryptography; they are for tests. QEMU's come from the host's random
 * source (its rng-builtin backend): a test that runs on both engines checks
 * properties of the bytes, never the bytes.
 *
 * <p><b>Time.</b> QEMU asks its backend for as many bytes as the available
 * buffers hold when the driver notifies the queue (or sets DRIVER_OK), and
 * fills them a little later, from its main loop. The runner fills them when
 * the driver writes QueueNotify, so they are there when that write returns;
 * a driver that waits for the used ring, polling or by interrupt, sees the
 * same on both. A chain with no writable buffer is given back with 0 bytes
 * written; QEMU leaves such a chain available until other chains ask for
 * bytes.
 */
public final class VirtioRng implements VirtioDevice {
    /** VIRTIO 1.x, 5.4.1: the entropy device. */
    public static final int DEVICE_ID = 4;
    /** QEMU's virtio_add_queue(vdev, 8, ...). */
    public static final int QUEUE_SIZE = 8;
    /** The seed of the device at transport address 0; a device's seed is this XOR its transport's address. */
    public static final long DEFAULT_SEED = 0x7669_7274_696f_726eL;

    /** RING_INDIRECT_DESC (28), RING_EVENT_IDX (29), VERSION_1 (32), RING_RESET (40): what QEMU offers every device. */
    static final long FEATURES = 1L << 28 | 1L << 29 | 1L << 32 | 1L << 40;

    /** Bytes generated at a time. */
    private static final int CHUNK = 4096;

    private final long seed;
    private SplittableRandom random;
    private long bytesGiven;

    /** A device whose bytes are the stream of {@code seed}. */
    public VirtioRng(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The random bytes handed to the driver so far. */
    public long bytesGiven() {
        return bytesGiven;
    }

    @Override
    public String name() {
        return "virtio-rng";
    }

    @Override
    public int deviceId() {
        return DEVICE_ID;
    }

    @Override
    public long features() {
        return FEATURES;
    }

    @Override
    public int queueSize(int index) {
        return QUEUE_SIZE;
    }

    /** Fills every available chain's writable buffers with random bytes, then interrupts the driver once. */
    @Override
    public void queueNotified(VirtioContext transport, int index) {
        VirtioQueue queue = transport.queue(index);
        boolean pushed = false;
        for (VirtioChain chain = queue.pop(); chain != null; chain = queue.pop()) {
            long length = chain.writableLength();
            byte[] bytes = new byte[(int) Math.min(length, CHUNK)];
            for (long done = 0; done < length; done += bytes.length) {
                int piece = (int) Math.min(bytes.length, length - done);
                fill(bytes, piece);
                chain.write(done, bytes, 0, piece);
            }
            bytesGiven += length;
            queue.push(chain, length);
            pushed = true;
        }
        if (pushed) {
            queue.notifyDriver();
        }
    }

    @Override
    public void statusWritten(int status, long negotiated) {
        // Nothing to do: the device acts on notifications.
    }

    /** A reset does not rewind the stream: the bytes after it are new ones, as a real source's are. */
    @Override
    public void reset() {
        // No state of the device's own but the stream.
    }

    /** Starts the stream again from the seed, for tests. */
    void rewind() {
        random = new SplittableRandom(seed);
    }

    private void fill(byte[] bytes, int length) {
        for (int i = 0; i < length; i += Long.BYTES) {
            long value = random.nextLong();
            for (int j = 0; j < Long.BYTES && i + j < length; j++) {
                bytes[i + j] = (byte) (value >>> (Byte.SIZE * j));
            }
        }
    }
}
