package org.quaject.runner.board;

import java.util.Arrays;
import java.util.Objects;
import org.quaject.runner.device.GuestMemory;
import org.quaject.runner.device.VirtioChain;

/**
 * The guest's address space as a virtio device reaches it (QEMU's
 * {@code vdev->dma_as}): RAM from address 0, and everything else read as
 * zeros with writes dropped, which is what QEMU's memory core makes of the
 * board's unassigned addresses. QEMU would reach a device's registers where
 * the address falls in one of the board's device windows; the runner does
 * not (a driver that hands a device-register address to a virtio device is
 * broken either way).
 *
 * <p>Multi-byte ring and header fields are little-endian once the driver has
 * negotiated VIRTIO_F_VERSION_1, and big-endian, the board's CPU order, until
 * then: QEMU's {@code virtio_access_is_big_endian} on a big-endian target.
 *
 * <p>It also holds QEMU's one bounce buffer ({@code address_space_map}): a
 * descriptor buffer outside RAM is served through it, at most
 * {@value #BOUNCE_BYTES} bytes of it, and only while no other mapping holds
 * it. Writes through {@code memory} discard translated code of the bytes
 * they change ({@link GuestMemory}).
 */
final class VirtioMemory implements VirtioChain.Memory {
    /** QEMU's bounce buffer for a buffer outside RAM: one target page. */
    static final int BOUNCE_BYTES = 4096;

    private final GuestMemory memory;
    private boolean bounceInUse;

    VirtioMemory(GuestMemory memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /** The bytes of RAM, from address 0. */
    long ramSize() {
        return memory.size();
    }

    /** Whether {@code address} (unsigned) is in RAM. */
    boolean inRam(long address) {
        return Long.compareUnsigned(address, memory.size()) < 0;
    }

    /**
     * Whether {@code [address, address + length)} begins in RAM and ends past
     * it, or the other way round: QEMU cannot cache such a ring
     * ({@code address_space_cache_init} returns less than asked for).
     */
    boolean straddlesRamEnd(long address, long length) {
        if (length <= 0) {
            return false;
        }
        long last = address + length - 1;
        boolean wraps = Long.compareUnsigned(last, address) < 0;
        return wraps || inRam(address) != inRam(last);
    }

    /** Takes the bounce buffer; false if something else holds it. */
    boolean takeBounce() {
        if (bounceInUse) {
            return false;
        }
        bounceInUse = true;
        return true;
    }

    void releaseBounce() {
        bounceInUse = false;
    }

    /** Copies {@code length} bytes from {@code address}; bytes outside RAM read as zeros. */
    @Override
    public void read(long address, byte[] into, int offset, int length) {
        long ram = ramPart(address, length);
        if (ram > 0) {
            memory.read(address, into, offset, (int) ram);
        }
        Arrays.fill(into, offset + (int) Math.max(ram, 0), offset + length, (byte) 0);
    }

    /** Copies {@code length} bytes to {@code address}; bytes outside RAM are dropped. */
    @Override
    public void write(long address, byte[] from, int offset, int length) {
        long ram = ramPart(address, length);
        if (ram > 0) {
            memory.write(address, from, offset, (int) ram);
        }
    }

    int read16(long address, boolean bigEndian) {
        return (int) readField(address, Short.BYTES, bigEndian);
    }

    int read32(long address, boolean bigEndian) {
        return (int) readField(address, Integer.BYTES, bigEndian);
    }

    long read64(long address, boolean bigEndian) {
        return readField(address, Long.BYTES, bigEndian);
    }

    void write8(long address, int value) {
        write(address, new byte[] {(byte) value}, 0, 1);
    }

    void write16(long address, int value, boolean bigEndian) {
        writeField(address, Short.BYTES, value, bigEndian);
    }

    void write32(long address, int value, boolean bigEndian) {
        writeField(address, Integer.BYTES, value, bigEndian);
    }

    /** A field of {@code size} bytes in the given byte order, from bytes already read. */
    static long field(byte[] bytes, int offset, int size, boolean bigEndian) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            int b = bytes[offset + (bigEndian ? i : size - 1 - i)] & 0xff;
            value = (value << Byte.SIZE) | b;
        }
        return value;
    }

    /** Stores a field of {@code size} bytes in the given byte order. */
    static void putField(byte[] bytes, int offset, int size, long value, boolean bigEndian) {
        for (int i = 0; i < size; i++) {
            int shift = Byte.SIZE * (bigEndian ? size - 1 - i : i);
            bytes[offset + i] = (byte) (value >>> shift);
        }
    }

    private long readField(long address, int size, boolean bigEndian) {
        byte[] bytes = new byte[size];
        read(address, bytes, 0, size);
        return field(bytes, 0, size, bigEndian);
    }

    private void writeField(long address, int size, long value, boolean bigEndian) {
        byte[] bytes = new byte[size];
        putField(bytes, 0, size, value, bigEndian);
        write(address, bytes, 0, size);
    }

    /** How many of the {@code length} bytes from {@code address} are RAM: a prefix, since RAM starts at 0. */
    private long ramPart(long address, int length) {
        if (!inRam(address)) {
            return 0;
        }
        return Math.min(length, memory.size() - address);
    }
}
