package org.quaject.elf;

/**
 * The bytes given to {@link ElfFile} are not a well-formed 32-bit big-endian
 * m68k ELF file, or use a feature this reader does not support. The message
 * says what is wrong and where.
 */
public final class ElfFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ElfFormatException(String message) {
        super(message);
    }
}
