package org.quaject.elf;

/**
 * One relocation entry (Elf32_Rela or Elf32_Rel, System V ABI "Relocation"):
 * the linker must write a value computed from {@code symbol} and
 * {@code addend} into the field of {@code type.width()} bytes at
 * {@code offset}.
 *
 * @param offset r_offset: in a relocatable file the byte offset of the field
 *               inside the section the relocation applies to; in an
 *               executable the field's virtual address
 * @param type   ELF32_R_TYPE(r_info)
 * @param symbol the entry ELF32_R_SYM(r_info) of the symbol table the relocation
 *               section links to; entry 0 (no symbol) is the table's reserved
 *               all-zero entry
 * @param addend r_addend, or for Elf32_Rel the signed value already stored in the field
 */
public record Relocation(long offset, RelocationType type, Symbol symbol, long addend) {
}
