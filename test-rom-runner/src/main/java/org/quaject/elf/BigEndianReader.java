package org.quaject.elf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bounds-checked big-endian access to the bytes of an ELF file. Every offset
 * and length comes from the file itself, so none is trusted: each access that
 * would fall outside the file becomes an {@link ElfFormatException} naming
 * the structure being read, and lengths are checked before anything is
 * allocated for them.
 */
final class BigEndianReader {
    private final byte[] bytes;

    BigEndianReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int length() {
        return bytes.length;
    }

    /** Fails unless {@code [offset, offset + length)} lies inside the file. */
    void requireRange(long offset, long length, String what) throws ElfFormatException {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new ElfFormatException(String.format(
                    "%s (offset 0x%x, %d bytes) lies outside the file (%d bytes)",
                    what, offset, length, bytes.length));
        }
    }

    int u8(long offset, String what) throws ElfFormatException {
        requireRange(offset, 1, what);
        return bytes[(int) offset] & 0xff;
    }

    int u16(long offset, String what) throws ElfFormatException {
        requireRange(offset, 2, what);
        int at = (int) offset;
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }

    long u32(long offset, String what) throws ElfFormatException {
        requireRange(offset, 4, what);
        int at = (int) offset;
        return (long) (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16
                | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
    }

    /** A two's-complement field of 1, 2 or 4 bytes, sign-extended. */
    long signed(long offset, int width, String what) throws ElfFormatException {
        return switch (width) {
            case 1 -> (byte) u8(offset, what);
            case 2 -> (short) u16(offset, what);
            case 4 -> (int) u32(offset, what);
            default -> throw new IllegalArgumentException("no signed field of width " + width);
        };
    }

    byte[] copy(long offset, long length, String what) throws ElfFormatException {
        requireRange(offset, length, what);
        return Arrays.copyOfRange(bytes, (int) offset, (int) (offset + length));
    }

    /**
     * The NUL-terminated string starting at {@code offset}; the terminator
     * must come before {@code limit}, the end of the string table it belongs to.
     */
    String cString(long offset, long limit, String what) throws ElfFormatException {
        requireRange(offset, 0, what);
        for (long at = offset; at < Math.min(limit, bytes.length); at++) {
            if (bytes[(int) at] == 0) {
                return new String(bytes, (int) offset, (int) (at - offset), StandardCharsets.UTF_8);
            }
        }
        throw new ElfFormatException(String.format(
                "%s at offset 0x%x has no terminating NUL inside its string table", what, offset));
    }
}
