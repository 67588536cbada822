package org.quaject.compiler.link;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quaject.binutils.ToolchainException;
import org.quaject.elf.Section;
import org.quaject.elf.Symbol;

/**
 * Several relocatable objects (ELF32, big-endian) as one, each section kept
 * apart, in order: the static instances' objects, which the linker reads far
 * faster as one file than as thousands (GNU ld spends most of a link of many
 * small objects on opening, closing and setting up each one).
 *
 * <p>The sections of every object follow one another under their own names
 * (several may share a name, as the instances' {@code .debug_line} do, and
 * the linker concatenates them as it would from separate files). The symbol
 * table holds every object's local symbols, then every object's global ones,
 * one entry for each undefined name; relocations are renumbered to match
 * (System V ABI, "Object Files": section header, symbol table and relocation
 * entry layouts).
 */
final class ObjectMerge {
    // Sizes and offsets of the Elf32 structures (System V ABI, "Data Representation").
    private static final int ELF_HEADER = 0x34;
    private static final int SECTION_HEADER = 40;
    private static final int SYMBOL = 16;
    private static final int RELA = 12;
    private static final int SHN_LORESERVE = 0xff00;
    /** Sections in one merged object at most, its three tables and the null section included. */
    private static final int MAX_SECTIONS = SHN_LORESERVE - 1;

    private ObjectMerge() {
    }

    /**
     * The objects holding all of {@code objects}, which must be big-endian
     * ELF32 relocatables, in order: as few as the section numbering allows.
     * Section indexes from 0xff00 up are reserved (extended numbering, which
     * this does not write), so an object holds fewer sections than that.
     */
    static List<byte[]> merge(List<byte[]> objects) {
        List<byte[]> merged = new ArrayList<>();
        List<Input> group = new ArrayList<>();
        int sections = 0;
        for (byte[] object : objects) {
            Input input = new Input(object);
            if (!group.isEmpty() && sections + input.sectionCount > MAX_SECTIONS) {
                merged.add(mergeGroup(group));
                group.clear();
                sections = 0;
            }
            group.add(input);
            sections += input.sectionCount;
        }
        if (!group.isEmpty()) {
            merged.add(mergeGroup(group));
        }
        return merged;
    }

    private static byte[] mergeGroup(List<Input> inputs) {
        Output out = new Output(inputs.get(0).bytes);
        // Sections first, so that every symbol's and relocation's section has its new index.
        for (Input input : inputs) {
            for (int s = 1; s < input.sectionCount; s++) {
                if (!input.isTable(s)) {
                    input.newIndex[s] = out.addSection(input, s);
                }
            }
        }
        int symtab = out.reserveSection();
        int strtab = out.reserveSection();
        int shstrtab = out.reserveSection();
        SymbolTable symbols = new SymbolTable();
        for (Input input : inputs) {
            input.addSymbols(symbols, true);
        }
        int firstGlobal = symbols.count();
        for (Input input : inputs) {
            input.addSymbols(symbols, false);
        }
        for (Input input : inputs) {
            for (int s = 1; s < input.sectionCount; s++) {
                if (input.field(s, 4) == Section.SHT_RELA) {
                    out.relocations(input, s, symtab);
                }
            }
        }
        int symtabName = out.sectionNames.add(".symtab");
        int strtabName = out.sectionNames.add(".strtab");
        int shstrtabName = out.sectionNames.add(".shstrtab");
        out.setTable(symtab, symtabName, Section.SHT_SYMTAB, symbols.entries.toByteArray(), 4, SYMBOL);
        out.link(symtab, strtab, firstGlobal);
        out.setTable(strtab, strtabName, Section.SHT_STRTAB, symbols.names.bytes(), 1, 0);
        out.setTable(shstrtab, shstrtabName, Section.SHT_STRTAB, out.sectionNames.bytes(), 1, 0);
        return out.finish(shstrtab);
    }

    /** One object being merged: its bytes and where its sections go. */
    private static final class Input {
        final byte[] bytes;
        final ByteBuffer in;
        final int headers;
        final int sectionCount;
        final int sectionNames;
        final int[] newIndex;
        int symtab = -1;
        int[] newSymbol = new int[0];

        Input(byte[] bytes) {
            this.bytes = bytes;
            this.in = ByteBuffer.wrap(bytes);
            if (bytes.length < ELF_HEADER || in.getInt(0) != 0x7f454c46 || bytes[4] != 1 || bytes[5] != 2
                    || in.getShort(0x10) != 1) {
                throw new ToolchainException("internal error: an instance object is not a big-endian ELF32"
                        + " relocatable");
            }
            headers = in.getInt(0x20);
            sectionCount = Short.toUnsignedInt(in.getShort(0x30));
            sectionNames = Short.toUnsignedInt(in.getShort(0x32));
            newIndex = new int[sectionCount];
            for (int s = 1; s < sectionCount; s++) {
                if (field(s, 4) == Section.SHT_SYMTAB) {
                    symtab = s;
                }
            }
        }

        int field(int section, int offset) {
            return in.getInt(headers + section * SECTION_HEADER + offset);
        }

        String name(int section) {
            return string(field(sectionNames, 16) + field(section, 0));
        }

        /** The symbol table, its strings and the section names, which the merged object has one each of. */
        boolean isTable(int section) {
            return section == symtab || section == sectionNames || symtab >= 0 && section == field(symtab, 24);
        }

        /** Adds this object's local or global symbols, remembering each one's new index. */
        void addSymbols(SymbolTable table, boolean locals) {
            if (symtab < 0) {
                return;
            }
            int strings = field(field(symtab, 24), 16);
            int at = field(symtab, 16);
            int count = field(symtab, 20) / SYMBOL;
            if (newSymbol.length == 0) {
                newSymbol = new int[count];
            }
            for (int i = 1; i < count; i++) {
                int entry = at + i * SYMBOL;
                boolean local = (in.get(entry + 12) >> 4 & 0xf) == Symbol.STB_LOCAL;
                if (local != locals) {
                    continue;
                }
                int section = Short.toUnsignedInt(in.getShort(entry + 14));
                int remapped = section == 0 || section >= SHN_LORESERVE ? section : newIndex[section];
                newSymbol[i] = table.add(string(strings + in.getInt(entry)), in.getInt(entry + 4),
                        in.getInt(entry + 8), in.get(entry + 12), in.get(entry + 13), remapped);
            }
        }

        String string(int offset) {
            return StringTable.read(bytes, offset);
        }
    }

    /** The merged symbol table and its strings; undefined symbols are entered once per name. */
    private static final class SymbolTable {
        final ByteArrayOutputStream entries = new ByteArrayOutputStream();
        final StringTable names = new StringTable();
        final Map<String, Integer> undefined = new HashMap<>();
        private int count;

        SymbolTable() {
            entries.writeBytes(new byte[SYMBOL]);
            count = 1;
        }

        int count() {
            return count;
        }

        int add(String name, int value, int size, byte info, byte other, int section) {
            boolean global = (info >> 4 & 0xf) != Symbol.STB_LOCAL;
            if (global && section == 0 && undefined.containsKey(name)) {
                return undefined.get(name);
            }
            ByteBuffer entry = ByteBuffer.allocate(SYMBOL);
            entry.putInt(names.add(name)).putInt(value).putInt(size).put(info).put(other).putShort((short) section);
            entries.writeBytes(entry.array());
            if (global && section == 0) {
                undefined.put(name, count);
            }
            return count++;
        }
    }

    /** The merged object being written: section contents first, the section headers last. */
    private static final class Output {
        private byte[] file = new byte[1 << 16];
        private int length;
        private final List<ByteBuffer> headers = new ArrayList<>();
        final StringTable sectionNames = new StringTable();

        Output(byte[] firstObject) {
            // The ELF header of the first object, its table fields set in finish().
            append(firstObject, 0, ELF_HEADER, 1);
            headers.add(ByteBuffer.allocate(SECTION_HEADER));
        }

        /** Copies a section's header and contents; returns its index in the merged object. */
        int addSection(Input input, int section) {
            int type = input.field(section, 4);
            int alignment = input.field(section, 32);
            int offset = type == Section.SHT_NOBITS ? align(alignment)
                    : append(input.bytes, input.field(section, 16), input.field(section, 20), alignment);
            ByteBuffer header = ByteBuffer.allocate(SECTION_HEADER);
            header.put(input.bytes, input.headers + section * SECTION_HEADER, SECTION_HEADER);
            header.putInt(0, sectionNames.add(input.name(section)));
            header.putInt(16, offset);
            headers.add(header);
            return headers.size() - 1;
        }

        /** A header to be filled in later; returns its index. */
        int reserveSection() {
            headers.add(ByteBuffer.allocate(SECTION_HEADER));
            return headers.size() - 1;
        }

        /** Renumbers the copied relocation section's entries, target and symbol table. */
        void relocations(Input input, int section, int symtab) {
            ByteBuffer header = headers.get(input.newIndex[section]);
            ByteBuffer entries = ByteBuffer.wrap(file);
            int at = header.getInt(16);
            for (int entry = at; entry < at + header.getInt(20); entry += RELA) {
                int info = entries.getInt(entry + 4);
                entries.putInt(entry + 4, input.newSymbol[info >>> 8] << 8 | info & 0xff);
            }
            header.putInt(24, symtab);
            header.putInt(28, input.newIndex[input.field(section, 28)]);
        }

        void setTable(int index, int name, int type, byte[] contents, int alignment, int entrySize) {
            int offset = append(contents, 0, contents.length, alignment);
            headers.get(index).putInt(0, name).putInt(4, type).putInt(16, offset)
                    .putInt(20, contents.length).putInt(32, alignment).putInt(36, entrySize);
        }

        void link(int section, int linked, int info) {
            headers.get(section).putInt(24, linked).putInt(28, info);
        }

        byte[] finish(int shstrtab) {
            int at = align(4);
            for (ByteBuffer header : headers) {
                append(header.array(), 0, SECTION_HEADER, 1);
            }
            ByteBuffer elf = ByteBuffer.wrap(file, 0, length);
            elf.putInt(0x20, at);
            elf.putShort(0x30, (short) headers.size());
            elf.putShort(0x32, (short) shstrtab);
            return Arrays.copyOf(file, length);
        }

        private int append(byte[] bytes, int from, int count, int alignment) {
            int offset = align(alignment);
            ensure(count);
            System.arraycopy(bytes, from, file, length, count);
            length += count;
            return offset;
        }

        /** Pads the file to {@code alignment} (0 or 1: none) and returns its length. */
        private int align(int alignment) {
            int padded = alignment > 1 ? (length + alignment - 1) / alignment * alignment : length;
            ensure(padded - length);
            length = padded;
            return length;
        }

        private void ensure(int more) {
            if (length + more > file.length) {
                file = Arrays.copyOf(file, Math.max(file.length * 2, length + more));
            }
        }
    }
}
