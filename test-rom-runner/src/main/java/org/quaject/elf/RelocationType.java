package org.quaject.elf;

/**
 * The m68k relocation types: codes from the System V ABI Motorola 68000
 * Processor Supplement ("Relocation Types") with the GNU extensions, as
 * numbered in binutils' include/elf/m68k.h. Width and PC-relativity are those
 * of the field each type patches, as in the howto table of binutils'
 * bfd/elf32-m68k.c.
 */
public enum RelocationType {
    R_68K_NONE(0),
    R_68K_32(1, 4, false),
    R_68K_16(2, 2, false),
    R_68K_8(3, 1, false),
    R_68K_PC32(4, 4, true),
    R_68K_PC16(5, 2, true),
    R_68K_PC8(6, 1, true),
    /** PC-relative address of the symbol's GOT entry. */
    R_68K_GOT32(7, 4, true),
    R_68K_GOT16(8, 2, true),
    R_68K_GOT8(9, 1, true),
    /** Offset of the symbol's GOT entry from the start of the GOT. */
    R_68K_GOT32O(10, 4, false),
    R_68K_GOT16O(11, 2, false),
    R_68K_GOT8O(12, 1, false),
    /** PC-relative address of the symbol's PLT entry. */
    R_68K_PLT32(13, 4, true),
    R_68K_PLT16(14, 2, true),
    R_68K_PLT8(15, 1, true),
    /** Offset of the symbol's PLT entry from the start of the PLT. */
    R_68K_PLT32O(16, 4, false),
    R_68K_PLT16O(17, 2, false),
    R_68K_PLT8O(18, 1, false),
    /** Dynamic linking: copy the symbol's data; patches no field. */
    R_68K_COPY(19),
    R_68K_GLOB_DAT(20, 4, false),
    R_68K_JMP_SLOT(21, 4, false),
    R_68K_RELATIVE(22, 4, false),
    /** GNU extension recording C++ vtable inheritance; patches no field. */
    R_68K_GNU_VTINHERIT(23),
    /** GNU extension recording C++ vtable member use; patches no field. */
    R_68K_GNU_VTENTRY(24),
    R_68K_TLS_GD32(25, 4, false),
    R_68K_TLS_GD16(26, 2, false),
    R_68K_TLS_GD8(27, 1, false),
    R_68K_TLS_LDM32(28, 4, false),
    R_68K_TLS_LDM16(29, 2, false),
    R_68K_TLS_LDM8(30, 1, false),
    R_68K_TLS_LDO32(31, 4, false),
    R_68K_TLS_LDO16(32, 2, false),
    R_68K_TLS_LDO8(33, 1, false),
    R_68K_TLS_IE32(34, 4, false),
    R_68K_TLS_IE16(35, 2, false),
    R_68K_TLS_IE8(36, 1, false),
    R_68K_TLS_LE32(37, 4, false),
    R_68K_TLS_LE16(38, 2, false),
    R_68K_TLS_LE8(39, 1, false),
    R_68K_TLS_DTPMOD32(40, 4, false),
    R_68K_TLS_DTPREL32(41, 4, false),
    R_68K_TLS_TPREL32(42, 4, false);

    private static final RelocationType[] BY_CODE = values();

    private final int code;
    private final int width;
    private final boolean pcRelative;

    /** A type that patches no field. */
    RelocationType(int code) {
        this(code, 0, false);
    }

    RelocationType(int code, int width, boolean pcRelative) {
        this.code = code;
        this.width = width;
        this.pcRelative = pcRelative;
    }

    /** The number stored in ELF32_R_TYPE(r_info). */
    public int code() {
        return code;
    }

    /** Width in bytes of the patched field; 0 for types that patch none. */
    public int width() {
        return width;
    }

    /** Whether the value written is relative to the field's own address. */
    public boolean pcRelative() {
        return pcRelative;
    }

    public static RelocationType fromCode(int code) throws ElfFormatException {
        // The constants are declared in code order from 0 with no gaps.
        if (code < 0 || code >= BY_CODE.length) {
            throw new ElfFormatException("unknown m68k relocation type " + code);
        }
        return BY_CODE[code];
    }
}
