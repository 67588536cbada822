package org.quaject.compiler.link;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Relocation;
import org.quaject.elf.Section;
import org.quaject.elf.Symbol;

/** An object file as lines to compare: what two objects must agree on to link alike. */
final class ObjectDescription {
    /** A symbol naming the file it comes from, which ld -r adds for each input (System V ABI, "Symbol Table"). */
    private static final int STT_FILE = 4;

    private ObjectDescription() {
    }

    /**
     * Every section with its bytes (tables aside) and relocations, in order,
     * and every symbol but the file names, sorted.
     */
    static List<String> of(ElfFile elf) {
        List<String> lines = new ArrayList<>();
        for (Section section : elf.sections()) {
            boolean table = section.type() == Section.SHT_SYMTAB || section.type() == Section.SHT_STRTAB
                    || section.type() == Section.SHT_RELA;
            lines.add("section " + section.name() + " type " + section.type() + " size "
                    + (table ? "" : section.size() + " " + HexFormat.of().formatHex(elf.contents(section))));
            if (section.type() != Section.SHT_RELA) {
                for (Relocation r : elf.relocations(section)) {
                    lines.add("  reloc " + r.offset() + " " + r.type() + " " + r.symbol().name() + " " + r.addend());
                }
            }
        }
        Set<String> symbols = new TreeSet<>();
        for (Symbol symbol : elf.symbols()) {
            if (symbol.type() == STT_FILE) {
                continue;
            }
            String in = symbol.sectionIndex() > 0 && symbol.sectionIndex() < elf.sections().size()
                    ? elf.sections().get(symbol.sectionIndex()).name() : Integer.toString(symbol.sectionIndex());
            symbols.add("symbol " + symbol.name() + " " + symbol.value() + " " + symbol.type() + " "
                    + symbol.binding() + " in " + in);
        }
        lines.addAll(symbols);
        return lines;
    }
}
