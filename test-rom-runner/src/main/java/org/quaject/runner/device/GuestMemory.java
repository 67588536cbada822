package org.quaject.runner.device;

/**
 * Guest RAM as devices see it: the bytes from address 0 to {@link #size()},
 * which devices read and write directly (DMA), bypassing the CPU. Multi-byte
 * values are big-endian, as on the MC68030.
 *
 * <p>The runner implements it over the native memory it maps into the CPU, so
 * a device's write is what the guest reads next. Implementations throw
 * {@link IndexOutOfBoundsException} for bytes outside RAM; devices check
 * {@link #contains} first and report a guest error instead.
 *
 * <p>The 8-, 16- and 32-bit accessors are built on the bulk copies; an
 * implementation may answer them more directly.
 */
public interface GuestMemory {
    /** Bytes of RAM, from address 0. */
    long size();

    /** Copies {@code length} bytes of RAM from {@code address} into {@code into[offset...]}. */
    void read(long address, byte[] into, int offset, int length);

    /** Copies {@code length} bytes from {@code from[offset...]} to RAM at {@code address}. */
    void write(long address, byte[] from, int offset, int length);

    /** Whether the {@code length} bytes from {@code address} are all RAM. */
    default boolean contains(long address, long length) {
        return address >= 0 && length >= 0 && length <= size() && address <= size() - length;
    }

    default int read8(long address) {
        return readBigEndian(address, Byte.BYTES);
    }

    default int read16(long address) {
        return readBigEndian(address, Short.BYTES);
    }

    default int read32(long address) {
        return readBigEndian(address, Integer.BYTES);
    }

    /** Writes the low 8 bits of {@code value}. */
    default void write8(long address, int value) {
        writeBigEndian(address, Byte.BYTES, value);
    }

    /** Writes the low 16 bits of {@code value}. */
    default void write16(long address, int value) {
        writeBigEndian(address, Short.BYTES, value);
    }

    default void write32(long address, int value) {
        writeBigEndian(address, Integer.BYTES, value);
    }

    private int readBigEndian(long address, int size) {
        byte[] bytes = new byte[size];
        read(address, bytes, 0, size);
        int value = 0;
        for (byte b : bytes) {
            value = (value << Byte.SIZE) | (b & 0xff);
        }
        return value;
    }

    private void writeBigEndian(long address, int size, int value) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (Byte.SIZE * (size - 1 - i)));
        }
        write(address, bytes, 0, size);
    }
}
