package org.quaject.elf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed 32-bit big-endian ELF file for the Motorola 68000 family: an
 * assembled object ({@code .o}) or a linked image. Everything is read and
 * checked up front, so a file that parses can be queried without further
 * errors; the object is immutable.
 *
 * <p>The compiler reads the relocations of assembled templates to find their
 * holes; the runner reads images to boot them.
 */
public final class ElfFile {
    // e_type values, System V ABI "ELF Header".
    public static final int ET_NONE = 0;
    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_CORE = 4;

    /** e_machine of the Motorola 68000 family, System V ABI "ELF Header". */
    public static final int EM_68K = 4;

    private final byte[] bytes;
    private final int type;
    private final long entry;
    private final List<Section> sections;
    private final List<Segment> segments;
    private final List<Symbol> symbols;
    private final Map<Integer, List<Relocation>> relocationsByTarget;
    /** What {@link #symbol} answers for each name, found in one pass (images hold tens of thousands). */
    private final Map<String, Symbol> symbolsByName = new HashMap<>();

    ElfFile(byte[] bytes, int type, long entry, List<Section> sections, List<Segment> segments,
            List<Symbol> symbols, Map<Integer, List<Relocation>> relocationsByTarget) {
        this.bytes = bytes;
        this.type = type;
        this.entry = entry;
        this.sections = List.copyOf(sections);
        this.segments = List.copyOf(segments);
        this.symbols = List.copyOf(symbols);
        this.relocationsByTarget = Map.copyOf(relocationsByTarget);
        for (Symbol symbol : this.symbols) {
            boolean binds = !symbol.isUndefined() && (symbol.isGlobal() || symbol.isWeak());
            Symbol first = symbolsByName.get(symbol.name());
            boolean firstBinds = first != null && !first.isUndefined() && (first.isGlobal() || first.isWeak());
            if (first == null || binds && !firstBinds) {
                symbolsByName.put(symbol.name(), symbol);
            }
        }
    }

    /** Reads and parses the file at {@code path}; format errors name the file. */
    public static ElfFile read(Path path) throws IOException, ElfFormatException {
        byte[] bytes = Files.readAllBytes(path);
        try {
            return new ElfParser(bytes).parse();
        } catch (ElfFormatException e) {
            throw new ElfFormatException(path + ": " + e.getMessage());
        }
    }

    public static ElfFile parse(byte[] bytes) throws ElfFormatException {
        return new ElfParser(bytes.clone()).parse();
    }

    /** e_type, e.g. {@link #ET_REL} or {@link #ET_EXEC}. */
    public int type() {
        return type;
    }

    /** e_machine; always {@link #EM_68K}, as other machines are rejected. */
    public int machine() {
        return EM_68K;
    }

    /** e_entry: the address execution starts at, 0 if none. */
    public long entry() {
        return entry;
    }

    /** All section headers in file order, so {@code sections().get(i).index() == i}; entry 0 is the null section. */
    public List<Section> sections() {
        return sections;
    }

    /** The first section called {@code name}. */
    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A copy of the section's bytes in the file; empty for {@link Section#SHT_NOBITS} and the null section. */
    public byte[] contents(Section section) {
        requireOwn(section);
        return section.hasFileContents() ? slice(section.offset(), section.size()) : new byte[0];
    }

    /** Program headers in file order; empty for relocatable files. */
    public List<Segment> segments() {
        return segments;
    }

    /** A copy of the segment's bytes in the file ({@code fileSize} of them). */
    public byte[] contents(Segment segment) {
        if (!segments.contains(segment)) {
            throw new IllegalArgumentException("segment " + segment + " does not belong to this file");
        }
        return slice(segment.offset(), segment.fileSize());
    }

    /** The entries of {@code .symtab} without the reserved entry 0; empty if the file has no symbol table. */
    public List<Symbol> symbols() {
        return symbols;
    }

    /**
     * The symbol called {@code name}: its first global or weak definition if
     * there is one (what the linker would bind to), else the first entry of
     * that name.
     */
    public Optional<Symbol> symbol(String name) {
        return Optional.ofNullable(symbolsByName.get(name));
    }

    /**
     * The relocations applying to {@code target}, from every
     * {@link Section#SHT_RELA} and {@link Section#SHT_REL} section whose
     * sh_info names it, sorted by offset.
     */
    public List<Relocation> relocations(Section target) {
        requireOwn(target);
        return relocationsByTarget.getOrDefault(target.index(), List.of());
    }

    private byte[] slice(long offset, long length) {
        // The parser checked every section and segment range against the file.
        return Arrays.copyOfRange(bytes, (int) offset, (int) (offset + length));
    }

    private void requireOwn(Section section) {
        int index = section.index();
        if (index < 0 || index >= sections.size() || !sections.get(index).equals(section)) {
            throw new IllegalArgumentException("section " + section.name() + " does not belong to this file");
        }
    }
}
