package org.quaject.compiler.link;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.quaject.binutils.ToolchainException;
import org.quaject.elf.Section;
import org.quaject.elf.Symbol;

/**
 * An instance's object file, written from its class's assembled template
 * (ELF32, big-endian, relocatable) as {@code objcopy --rename-section
 * --redefine-sym --strip-symbol --add-symbol} would write it, but in this
 * process: one tool run per instance made the link time grow with every
 * instance.
 *
 * <p>The copy keeps every section's bytes where they are and appends new
 * string tables and a new symbol table; the section headers stay in place with
 * their names, offsets and sizes updated, and the relocations are renumbered
 * for the symbols left out (System V ABI, "Object Files": section header,
 * symbol table and relocation entry layouts).
 */
final class TemplateCopy {
    // Sizes of the Elf32 structures (System V ABI, "Data Representation").
    private static final int SECTION_HEADER = 40;
    private static final int SYMBOL = 16;
    private static final int RELA = 12;
    private static final String RELA_PREFIX = ".rela";

    private TemplateCopy() {
    }

    /**
     * @param template        the template object's bytes
     * @param sectionRenames  section names to change (their relocation sections follow)
     * @param symbolRenames   symbol names to change
     * @param stripped        local symbols to leave out; no relocation may refer to them
     * @param sectionStarts   global symbols to define at the start of sections, by the sections' template names
     */
    static byte[] copy(byte[] template, Map<String, String> sectionRenames, Map<String, String> symbolRenames,
                       Set<String> stripped, Map<String, String> sectionStarts) {
        ByteBuffer in = ByteBuffer.wrap(template);
        if (template.length < 0x34 || in.getInt(0) != 0x7f454c46 || template[4] != 1 || template[5] != 2
                || in.getShort(0x10) != 1) {
            throw new ToolchainException("internal error: a template object is not a big-endian ELF32 relocatable");
        }
        int headers = in.getInt(0x20);
        int count = Short.toUnsignedInt(in.getShort(0x30));
        int names = Short.toUnsignedInt(in.getShort(0x32));
        ByteBuffer out = ByteBuffer.allocate(template.length);
        out.put(template);
        Appended tail = new Appended(template.length);

        StringTable sectionNames = new StringTable();
        Map<String, Integer> starts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = string(in, field(in, headers, names, 16), field(in, headers, i, 0));
            out.putInt(at(headers, i, 0), sectionNames.add(renamedSection(name, sectionRenames)));
            if (sectionStarts.containsKey(name)) {
                starts.put(sectionStarts.get(name), i);
            }
        }
        if (starts.size() != sectionStarts.size()) {
            throw new ToolchainException("internal error: a template object lacks a section " + sectionStarts.keySet());
        }
        moveTo(out, headers, names, tail.add(sectionNames.bytes(), 1), sectionNames.size());

        for (int symtab = 0; symtab < count; symtab++) {
            if (field(in, headers, symtab, 4) == Section.SHT_SYMTAB) {
                copySymbols(in, out, tail, headers, count, symtab, symbolRenames, stripped, starts);
            }
        }
        byte[] appended = tail.bytes();
        byte[] result = new byte[template.length + appended.length];
        System.arraycopy(out.array(), 0, result, 0, template.length);
        System.arraycopy(appended, 0, result, template.length, appended.length);
        return result;
    }

    /**
     * Writes the symbol table and its string table anew, with the section
     * start symbols added after the rest (globals follow the locals), and
     * renumbers the relocations that use it.
     */
    private static void copySymbols(ByteBuffer in, ByteBuffer out, Appended tail, int headers, int count, int symtab,
                                    Map<String, String> renames, Set<String> stripped, Map<String, Integer> starts) {
        int strtab = field(in, headers, symtab, 24);
        if (strtab == Short.toUnsignedInt(in.getShort(0x32))) {
            throw new ToolchainException("internal error: a template object shares its symbol and section names");
        }
        int stringsAt = field(in, headers, strtab, 16);
        int symbolsAt = field(in, headers, symtab, 16);
        int symbols = field(in, headers, symtab, 20) / SYMBOL;
        int firstGlobal = field(in, headers, symtab, 28);
        StringTable strings = new StringTable();
        ByteBuffer kept = ByteBuffer.allocate((symbols + starts.size()) * SYMBOL);
        int[] newIndex = new int[symbols];
        int keptLocals = 0;
        for (int i = 0; i < symbols; i++) {
            int entry = symbolsAt + i * SYMBOL;
            String name = string(in, stringsAt, in.getInt(entry));
            boolean local = (in.get(entry + 12) >> 4 & 0xf) == Symbol.STB_LOCAL;
            if (local && stripped.contains(name)) {
                newIndex[i] = -1;
                continue;
            }
            newIndex[i] = kept.position() / SYMBOL;
            keptLocals += i < firstGlobal ? 1 : 0;
            kept.putInt(name.isEmpty() ? 0 : strings.add(renames.getOrDefault(name, name)));
            kept.put(in.array(), entry + 4, SYMBOL - 4);
        }
        starts.forEach((name, section) -> {
            kept.putInt(strings.add(name)).putInt(0).putInt(0);
            kept.put((byte) (Symbol.STB_GLOBAL << 4)).put((byte) 0).putShort((short) (int) section);
        });
        byte[] table = new byte[kept.position()];
        kept.flip().get(table);
        moveTo(out, headers, strtab, tail.add(strings.bytes(), 1), strings.size());
        moveTo(out, headers, symtab, tail.add(table, 4), table.length);
        out.putInt(at(headers, symtab, 28), keptLocals);
        for (int rela = 0; rela < count; rela++) {
            if (field(in, headers, rela, 4) != Section.SHT_RELA || field(in, headers, rela, 24) != symtab) {
                continue;
            }
            int from = field(in, headers, rela, 16);
            for (int at = from; at < from + field(in, headers, rela, 20); at += RELA) {
                int info = in.getInt(at + 4);
                int symbol = newIndex[info >>> 8];
                if (symbol < 0) {
                    throw new ToolchainException("internal error: a relocation refers to a template label left out");
                }
                out.putInt(at + 4, symbol << 8 | info & 0xff);
            }
        }
    }

    private static String renamedSection(String name, Map<String, String> renames) {
        if (renames.containsKey(name)) {
            return renames.get(name);
        }
        if (name.startsWith(RELA_PREFIX) && renames.containsKey(name.substring(RELA_PREFIX.length()))) {
            return RELA_PREFIX + renames.get(name.substring(RELA_PREFIX.length()));
        }
        return name;
    }

    private static void moveTo(ByteBuffer out, int headers, int section, int offset, int size) {
        out.putInt(at(headers, section, 16), offset);
        out.putInt(at(headers, section, 20), size);
    }

    private static int at(int headers, int section, int field) {
        return headers + section * SECTION_HEADER + field;
    }

    private static int field(ByteBuffer in, int headers, int section, int field) {
        return in.getInt(at(headers, section, field));
    }

    /** The string at {@code offset} in the string table at {@code table}. */
    private static String string(ByteBuffer in, int table, int offset) {
        return StringTable.read(in.array(), table + offset);
    }

    /** What is appended after the template's bytes, each part at its alignment. */
    private static final class Appended {
        private final int base;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Appended(int base) {
            this.base = base;
        }

        /** Appends {@code part} and returns its offset in the file. */
        int add(byte[] part, int alignment) {
            while ((base + bytes.size()) % alignment != 0) {
                bytes.write(0);
            }
            int offset = base + bytes.size();
            bytes.writeBytes(part);
            return offset;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
