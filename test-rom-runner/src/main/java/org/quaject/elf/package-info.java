/**
 * Reading 32-bit big-endian ELF files for the Motorola 68000 family: sections,
 * segments, symbols and m68k relocations. The compiler finds the holes of its
 * code templates through the relocations of assembled objects; the runner
 * loads images. Malformed input is always reported as
 * {@link org.quaject.elf.ElfFormatException}.
 */
package org.quaject.elf;
