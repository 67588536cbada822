package org.quaject.runner.cpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.quaject.runner.device.GuestMemory;

/**
 * A block of guest RAM that Java owns and the CPU executes from: the same host
 * bytes, with no copying either way. Addresses are guest addresses; values are
 * big-endian, as on the 68030. Guest writes are visible here as soon as the
 * instruction that made them has run, and writes made here are visible to the
 * next guest instruction.
 *
 * <p>Writes from Java also discard any code the CPU translated from the bytes
 * they change, so loading a program over old code, patching code, or a
 * device's DMA behave as on hardware (the CPU would otherwise keep running the
 * old translation).
 *
 * <p>It is the {@link GuestMemory} that devices copy to and from (their DMA).
 *
 * <p>Not thread-safe: use it from the thread that runs the CPU, including from
 * its callbacks. After {@link Cpu#close()} every access throws.
 */
public final class NativeRam implements GuestMemory {
    /**
     * Told of each write made through this object, after it: the CPU drops
     * translated code of guest addresses {@code [address, address + length)}
     * and looks there for code its core must not translate.
     */
    interface WriteListener {
        void written(long address, long length);
    }

    private final long base;
    private final long size;
    private final WriteListener listener;
    private ByteBuffer bytes;

    NativeRam(long base, ByteBuffer bytes, WriteListener listener) {
        this.base = base;
        this.size = bytes.capacity();
        this.bytes = bytes.order(ByteOrder.BIG_ENDIAN);
        this.listener = listener;
    }

    /** The guest address of the first byte. */
    public long base() {
        return base;
    }

    /** The number of bytes. */
    @Override
    public long size() {
        return size;
    }

    /** Whether {@code [address, address + length)} lies inside this block. */
    @Override
    public boolean contains(long address, long length) {
        return length >= 0 && address >= base && address - base <= size - length;
    }

    /** The byte at {@code address}, 0..255. */
    @Override
    public int read8(long address) {
        return Byte.toUnsignedInt(open().get(index(address, 1)));
    }

    /** The big-endian word at {@code address}, 0..65535. */
    @Override
    public int read16(long address) {
        return Short.toUnsignedInt(open().getShort(index(address, 2)));
    }

    /** The big-endian long word at {@code address}. */
    @Override
    public int read32(long address) {
        return open().getInt(index(address, 4));
    }

    /** Stores the low 8 bits of {@code value} at {@code address}. */
    @Override
    public void write8(long address, int value) {
        open().put(index(address, 1), (byte) value);
        listener.written(address, 1);
    }

    /** Stores the low 16 bits of {@code value} big-endian at {@code address}. */
    @Override
    public void write16(long address, int value) {
        open().putShort(index(address, 2), (short) value);
        listener.written(address, 2);
    }

    /** Stores {@code value} big-endian at {@code address}. */
    @Override
    public void write32(long address, int value) {
        open().putInt(index(address, 4), value);
        listener.written(address, 4);
    }

    /** Copies {@code length} guest bytes starting at {@code address} into {@code destination[offset..]}. */
    @Override
    public void read(long address, byte[] destination, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, destination.length);
        open().get(index(address, length), destination, offset, length);
    }

    /** Copies {@code source[offset..offset + length)} into guest memory at {@code address}. */
    @Override
    public void write(long address, byte[] source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, source.length);
        open().put(index(address, length), source, offset, length);
        if (length > 0) {
            listener.written(address, length);
        }
    }

    /** Called by the CPU when it closes, before the host pages go away. */
    void detach() {
        bytes = null;
    }

    private ByteBuffer open() {
        if (bytes == null) {
            throw new IllegalStateException("guest memory used after its CPU was closed");
        }
        return bytes;
    }

    private int index(long address, int length) {
        if (!contains(address, length)) {
            throw new IndexOutOfBoundsException(String.format(
                    "guest bytes 0x%x..+%d are outside RAM 0x%x..+0x%x", address, length, base, size));
        }
        return (int) (address - base);
    }
}
