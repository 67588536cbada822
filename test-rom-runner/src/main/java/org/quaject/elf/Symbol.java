package org.quaject.elf;

/**
 * One symbol table entry (Elf32_Sym, System V ABI "Symbol Table").
 *
 * @param index        position in its symbol table (index 0 is the reserved undefined entry)
 * @param name         from the table's string table
 * @param value        st_value: section offset in relocatable files, address in executables,
 *                     the value itself for absolute symbols
 * @param size         st_size
 * @param type         ELF32_ST_TYPE(st_info), e.g. {@link #STT_FUNC}
 * @param binding      ELF32_ST_BIND(st_info), e.g. {@link #STB_GLOBAL}
 * @param sectionIndex st_shndx: the section the symbol is defined in, or a
 *                     special index such as {@link #SHN_UNDEF} or {@link #SHN_ABS}
 */
public record Symbol(int index, String name, long value, long size, int type, int binding,
                     int sectionIndex) {

    // st_info halves, System V ABI figures "Symbol Binding" and "Symbol Types".
    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;
    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;

    // Special section indexes, System V ABI figure "Special Section Indexes".
    public static final int SHN_UNDEF = 0;
    public static final int SHN_LORESERVE = 0xff00;
    public static final int SHN_ABS = 0xfff1;
    public static final int SHN_COMMON = 0xfff2;
    public static final int SHN_XINDEX = 0xffff;

    /** Referenced here but defined elsewhere (in a template, a hole to be filled). */
    public boolean isUndefined() {
        return sectionIndex == SHN_UNDEF;
    }

    /** A plain number, not an address inside a section; linking does not move it. */
    public boolean isAbsolute() {
        return sectionIndex == SHN_ABS;
    }

    public boolean isLocal() {
        return binding == STB_LOCAL;
    }

    public boolean isGlobal() {
        return binding == STB_GLOBAL;
    }

    public boolean isWeak() {
        return binding == STB_WEAK;
    }
}
