package org.quaject.elf;

/**
 * One section header (Elf32_Shdr, System V ABI "Sections"). Unsigned 32-bit
 * fields are widened to {@code long}; {@code link} and {@code info} keep the
 * raw 32-bit value, whose meaning depends on the section type.
 *
 * @param index     position in the section header table (0 is the null section)
 * @param name      from the section name string table, {@code ""} if there is none
 * @param type      sh_type, e.g. {@link #SHT_PROGBITS}
 * @param flags     sh_flags, e.g. {@link #SHF_ALLOC}
 * @param address   sh_addr: where the section sits in memory, 0 in relocatable files
 * @param offset    sh_offset: where its bytes start in the file
 * @param size      sh_size in bytes (memory size for {@link #SHT_NOBITS})
 * @param link      sh_link, e.g. the string table of a symbol table
 * @param info      sh_info, e.g. the section a relocation section applies to
 * @param entrySize sh_entsize: size of one entry of a table section, else 0
 */
public record Section(int index, String name, int type, long flags, long address, long offset,
                      long size, int link, int info, long entrySize) {

    // sh_type values, System V ABI figure "Section Types, sh_type".
    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_RELA = 4;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_REL = 9;
    public static final int SHT_DYNSYM = 11;

    // sh_flags bits, System V ABI figure "Section Attribute Flags".
    public static final long SHF_WRITE = 0x1;
    public static final long SHF_ALLOC = 0x2;
    public static final long SHF_EXECINSTR = 0x4;

    /** Whether the section occupies memory when the file is loaded. */
    public boolean isAllocated() {
        return (flags & SHF_ALLOC) != 0;
    }

    /** Whether the section occupies no bytes in the file (e.g. {@code .bss}). */
    public boolean isNoBits() {
        return type == SHT_NOBITS;
    }

    /** Whether the file holds bytes for this section. */
    boolean hasFileContents() {
        return type != SHT_NULL && type != SHT_NOBITS;
    }
}
