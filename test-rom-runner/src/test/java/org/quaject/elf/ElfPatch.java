package org.quaject.elf;

import java.nio.ByteBuffer;

/** Writes big-endian fields into a copy of an ELF file, to make malformed variants of real ones. */
final class ElfPatch {
    private final ByteBuffer buffer;

    ElfPatch(byte[] original) {
        buffer = ByteBuffer.wrap(original.clone());
    }

    ElfPatch u8(int offset, int value) {
        buffer.put(offset, (byte) value);
        return this;
    }

    ElfPatch u16(int offset, int value) {
        buffer.putShort(offset, (short) value);
        return this;
    }

    ElfPatch u32(int offset, long value) {
        buffer.putInt(offset, (int) value);
        return this;
    }

    /** Where field {@code fieldOffset} of section header {@code index} lies (Elf32_Shdr layout). */
    int sectionHeaderField(int index, int fieldOffset) {
        return buffer.getInt(32) + index * 40 + fieldOffset;
    }

    byte[] bytes() {
        return buffer.array().clone();
    }
}
