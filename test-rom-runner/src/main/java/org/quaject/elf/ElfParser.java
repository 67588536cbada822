package org.quaject.elf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the bytes of an ELF file into an {@link ElfFile}, checking every
 * header, table and string reference against the file so that malformed
 * input ends in an {@link ElfFormatException}. Layouts and numbers are those
 * of the System V ABI (generic part, chapter 4 "Object Files") and its
 * Motorola 68000 Processor Supplement.
 */
final class ElfParser {
    // Sizes of the Elf32 structures, System V ABI "Data Representation".
    private static final int ELF_HEADER_SIZE = 52;
    private static final int SECTION_HEADER_SIZE = 40;
    private static final int PROGRAM_HEADER_SIZE = 32;
    private static final int SYMBOL_SIZE = 16;
    private static final int RELA_SIZE = 12;
    private static final int REL_SIZE = 8;

    // e_ident bytes, System V ABI "ELF Identification".
    private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final int EI_CLASS = 4;
    private static final int EI_DATA = 5;
    private static final int EI_VERSION = 6;
    private static final int ELFCLASS32 = 1;
    private static final int ELFDATA2MSB = 2;
    private static final int EV_CURRENT = 1;

    /** e_phnum value meaning "more program headers than fit", System V ABI "Program Header". */
    private static final int PN_XNUM = 0xffff;

    private final byte[] bytes;
    private final BigEndianReader in;

    ElfParser(byte[] bytes) {
        this.bytes = bytes;
        this.in = new BigEndianReader(bytes);
    }

    ElfFile parse() throws ElfFormatException {
        checkIdentification();
        int type = in.u16(16, "e_type");
        int machine = in.u16(18, "e_machine");
        if (machine != ElfFile.EM_68K) {
            throw new ElfFormatException("ELF machine is " + machine + ", expected "
                    + ElfFile.EM_68K + " (EM_68K, Motorola 68000 family)");
        }
        long entry = in.u32(24, "e_entry");
        List<Section> sections = readSections();
        Map<Integer, List<Symbol>> symbolTables = readSymbolTables(sections);
        List<Symbol> symbols = sections.stream()
                .filter(s -> s.type() == Section.SHT_SYMTAB)
                .findFirst()
                .map(s -> symbolTables.get(s.index()))
                .map(table -> table.subList(1, table.size()))
                .orElse(List.of());
        return new ElfFile(bytes, type, entry, sections, readSegments(), symbols,
                readRelocations(type, sections, symbolTables));
    }

    private void checkIdentification() throws ElfFormatException {
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= bytes.length || bytes[i] != MAGIC[i]) {
                throw new ElfFormatException("not an ELF file: it does not start with 0x7f 'E' 'L' 'F'");
            }
        }
        if (bytes.length < ELF_HEADER_SIZE) {
            throw new ElfFormatException("truncated ELF header: the file has " + bytes.length
                    + " bytes, an Elf32 header needs " + ELF_HEADER_SIZE);
        }
        int elfClass = in.u8(EI_CLASS, "EI_CLASS");
        if (elfClass != ELFCLASS32) {
            throw new ElfFormatException("ELF class is " + elfClass + ", expected "
                    + ELFCLASS32 + " (ELFCLASS32): m68k objects are 32-bit");
        }
        int encoding = in.u8(EI_DATA, "EI_DATA");
        if (encoding != ELFDATA2MSB) {
            throw new ElfFormatException("ELF data encoding is " + encoding + ", expected "
                    + ELFDATA2MSB + " (ELFDATA2MSB): m68k objects are big-endian");
        }
        int version = in.u8(EI_VERSION, "EI_VERSION");
        if (version != EV_CURRENT) {
            throw new ElfFormatException("ELF version is " + version + ", expected " + EV_CURRENT + " (EV_CURRENT)");
        }
    }

    private List<Section> readSections() throws ElfFormatException {
        long tableOffset = in.u32(32, "e_shoff");
        int entrySize = in.u16(46, "e_shentsize");
        int count = in.u16(48, "e_shnum");
        int namesIndex = in.u16(50, "e_shstrndx");
        if (count == 0) {
            if (tableOffset != 0) {
                throw new ElfFormatException("extended section numbering (e_shnum 0 with a section header table)"
                        + " is not supported");
            }
            return List.of();
        }
        if (entrySize != SECTION_HEADER_SIZE) {
            throw new ElfFormatException("e_shentsize is " + entrySize + ", expected " + SECTION_HEADER_SIZE);
        }
        in.requireRange(tableOffset, (long) count * SECTION_HEADER_SIZE, "section header table");

        List<Section> unnamed = new ArrayList<>(count);
        long[] nameOffsets = new long[count];
        for (int i = 0; i < count; i++) {
            long at = tableOffset + (long) i * SECTION_HEADER_SIZE;
            nameOffsets[i] = in.u32(at, "sh_name");
            unnamed.add(new Section(i, "", (int) in.u32(at + 4, "sh_type"), in.u32(at + 8, "sh_flags"),
                    in.u32(at + 12, "sh_addr"), in.u32(at + 16, "sh_offset"), in.u32(at + 20, "sh_size"),
                    (int) in.u32(at + 24, "sh_link"), (int) in.u32(at + 28, "sh_info"),
                    in.u32(at + 36, "sh_entsize")));
        }
        for (Section section : unnamed) {
            if (section.hasFileContents()) {
                in.requireRange(section.offset(), section.size(), "contents of section " + section.index());
            }
        }
        if (namesIndex == Symbol.SHN_UNDEF) {
            return unnamed;
        }
        Section names = stringTable(unnamed, namesIndex, "e_shstrndx");
        List<Section> named = new ArrayList<>(count);
        for (Section s : unnamed) {
            String name = string(names, nameOffsets[s.index()], "name of section " + s.index());
            named.add(new Section(s.index(), name, s.type(), s.flags(), s.address(), s.offset(), s.size(),
                    s.link(), s.info(), s.entrySize()));
        }
        return named;
    }

    private List<Segment> readSegments() throws ElfFormatException {
        long tableOffset = in.u32(28, "e_phoff");
        int entrySize = in.u16(42, "e_phentsize");
        int count = in.u16(44, "e_phnum");
        if (count == 0) {
            return List.of();
        }
        if (count == PN_XNUM) {
            throw new ElfFormatException("extended program header numbering (PN_XNUM) is not supported");
        }
        if (entrySize != PROGRAM_HEADER_SIZE) {
            throw new ElfFormatException("e_phentsize is " + entrySize + ", expected " + PROGRAM_HEADER_SIZE);
        }
        in.requireRange(tableOffset, (long) count * PROGRAM_HEADER_SIZE, "program header table");
        List<Segment> segments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = tableOffset + (long) i * PROGRAM_HEADER_SIZE;
            Segment segment = new Segment((int) in.u32(at, "p_type"), in.u32(at + 4, "p_offset"),
                    in.u32(at + 8, "p_vaddr"), in.u32(at + 12, "p_paddr"), in.u32(at + 16, "p_filesz"),
                    in.u32(at + 20, "p_memsz"), (int) in.u32(at + 24, "p_flags"));
            in.requireRange(segment.offset(), segment.fileSize(), "contents of segment " + i);
            if (segment.isLoad() && segment.fileSize() > segment.memorySize()) {
                throw new ElfFormatException("loadable segment " + i + " has p_filesz " + segment.fileSize()
                        + " larger than p_memsz " + segment.memorySize());
            }
            segments.add(segment);
        }
        return segments;
    }

    /** Every SHT_SYMTAB and SHT_DYNSYM section's entries, entry 0 included, by section index. */
    private Map<Integer, List<Symbol>> readSymbolTables(List<Section> sections) throws ElfFormatException {
        Map<Integer, List<Symbol>> tables = new HashMap<>();
        for (Section table : sections) {
            if (table.type() == Section.SHT_SYMTAB || table.type() == Section.SHT_DYNSYM) {
                tables.put(table.index(), readSymbols(sections, table));
            }
        }
        return tables;
    }

    private List<Symbol> readSymbols(List<Section> sections, Section table) throws ElfFormatException {
        String where = "symbol table " + table.name();
        int count = entryCount(table, SYMBOL_SIZE, where);
        if (count == 0) {
            throw new ElfFormatException(where + " lacks its reserved entry 0");
        }
        Section names = stringTable(sections, table.link(), "sh_link of " + where);
        List<Symbol> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = table.offset() + (long) i * SYMBOL_SIZE;
            String entry = "symbol " + i + " of " + where;
            String name = string(names, in.u32(at, "st_name"), "name of " + entry);
            int info = in.u8(at + 12, "st_info");
            int sectionIndex = in.u16(at + 14, "st_shndx");
            if (sectionIndex == Symbol.SHN_XINDEX) {
                throw new ElfFormatException(entry + " uses an extended section index (SHN_XINDEX),"
                        + " which is not supported");
            }
            if (sectionIndex < Symbol.SHN_LORESERVE && sectionIndex >= sections.size()) {
                throw new ElfFormatException(entry + " (" + name + ") is defined in section " + sectionIndex
                        + ", but the file has only " + sections.size() + " sections");
            }
            // ELF32_ST_BIND(i) = i >> 4, ELF32_ST_TYPE(i) = i & 0xf.
            symbols.add(new Symbol(i, name, in.u32(at + 4, "st_value"), in.u32(at + 8, "st_size"),
                    info & 0xf, info >> 4, sectionIndex));
        }
        return symbols;
    }

    /** Relocations by the index of the section they apply to, each list sorted by offset. */
    private Map<Integer, List<Relocation>> readRelocations(int fileType, List<Section> sections,
            Map<Integer, List<Symbol>> symbolTables) throws ElfFormatException {
        Map<Integer, List<Relocation>> byTarget = new HashMap<>();
        for (Section table : sections) {
            boolean explicitAddends = table.type() == Section.SHT_RELA;
            // sh_info 0 marks dynamic relocations, which apply to no one section.
            if ((explicitAddends || table.type() == Section.SHT_REL) && table.info() != 0) {
                Section target = section(sections, table.info(), "sh_info of relocation section " + table.name());
                List<Symbol> symbols = symbolTables.get(table.link());
                if (symbols == null) {
                    throw new ElfFormatException("relocation section " + table.name() + " links to section "
                            + Integer.toUnsignedString(table.link()) + ", which is not a symbol table");
                }
                List<Relocation> relocations = byTarget.computeIfAbsent(target.index(), i -> new ArrayList<>());
                relocations.addAll(readRelocationTable(fileType, table, explicitAddends, target, symbols));
            }
        }
        byTarget.values().forEach(list -> list.sort(Comparator.comparingLong(Relocation::offset)));
        return byTarget;
    }

    private List<Relocation> readRelocationTable(int fileType, Section table, boolean explicitAddends,
            Section target, List<Symbol> symbols) throws ElfFormatException {
        int entrySize = explicitAddends ? RELA_SIZE : REL_SIZE;
        int count = entryCount(table, entrySize, "relocation section " + table.name());
        List<Relocation> relocations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = table.offset() + (long) i * entrySize;
            String where = "relocation " + i + " of " + table.name();
            long offset = in.u32(at, "r_offset");
            long info = in.u32(at + 4, "r_info");
            // ELF32_R_SYM(i) = i >> 8, ELF32_R_TYPE(i) = i & 0xff.
            long symbolIndex = info >>> 8;
            if (symbolIndex >= symbols.size()) {
                throw new ElfFormatException(where + " refers to symbol " + symbolIndex
                        + ", but its symbol table has " + symbols.size() + " entries");
            }
            RelocationType type = relocationType((int) (info & 0xff), where);
            long field = fieldOffset(fileType, offset, type, target, where);
            long addend = explicitAddends
                    ? (int) in.u32(at + 8, "r_addend")
                    : implicitAddend(target, field, type, where);
            relocations.add(new Relocation(offset, type, symbols.get((int) symbolIndex), addend));
        }
        return relocations;
    }

    private static RelocationType relocationType(int code, String where) throws ElfFormatException {
        try {
            return RelocationType.fromCode(code);
        } catch (ElfFormatException e) {
            throw new ElfFormatException(where + ": " + e.getMessage());
        }
    }

    /**
     * Where the patched field starts inside {@code target}. r_offset is a
     * section offset in relocatable files and a virtual address otherwise
     * (System V ABI "Relocation").
     */
    private static long fieldOffset(int fileType, long offset, RelocationType type, Section target, String where)
            throws ElfFormatException {
        long field = fileType == ElfFile.ET_REL ? offset : offset - target.address();
        if (field < 0 || field + type.width() > target.size()) {
            throw new ElfFormatException(String.format("%s patches %d bytes at 0x%x, outside section %s (%d bytes)",
                    where, type.width(), offset, target.name(), target.size()));
        }
        return field;
    }

    /** An Elf32_Rel entry keeps its addend in the field it patches, as a signed value. */
    private long implicitAddend(Section target, long field, RelocationType type, String where)
            throws ElfFormatException {
        if (type.width() == 0) {
            return 0;
        }
        if (!target.hasFileContents()) {
            throw new ElfFormatException(where + " patches section " + target.name() + ", which has no contents");
        }
        return in.signed(target.offset() + field, type.width(), "field patched by " + where);
    }

    private static int entryCount(Section table, int entrySize, String where) throws ElfFormatException {
        if (table.entrySize() != entrySize || table.size() % entrySize != 0) {
            throw new ElfFormatException(String.format("%s has entries of %d bytes and size %d; expected %d-byte entries",
                    where, table.entrySize(), table.size(), entrySize));
        }
        // The section's range lies inside the file, so the count fits an int.
        return (int) (table.size() / entrySize);
    }

    private static Section section(List<Section> sections, int index, String where) throws ElfFormatException {
        if (index < 0 || index >= sections.size()) {
            throw new ElfFormatException(where + " is section " + Integer.toUnsignedString(index)
                    + ", but the file has only " + sections.size() + " sections");
        }
        return sections.get(index);
    }

    private static Section stringTable(List<Section> sections, int index, String where) throws ElfFormatException {
        Section table = section(sections, index, where);
        if (table.type() != Section.SHT_STRTAB) {
            throw new ElfFormatException(where + " is section " + index + ", which is not a string table");
        }
        return table;
    }

    private String string(Section table, long index, String what) throws ElfFormatException {
        if (index >= table.size()) {
            throw new ElfFormatException(String.format("%s: string index %d is outside string table %s (%d bytes)",
                    what, index, table.name().isEmpty() ? "#" + table.index() : table.name(), table.size()));
        }
        return in.cString(table.offset() + index, table.offset() + table.size(), what);
    }
}
