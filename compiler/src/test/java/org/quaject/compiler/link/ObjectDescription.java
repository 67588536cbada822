package org.quaject.compiler.link;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.quaject.compiler.testing.QjSources;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Relocation;
import org.quaject.elf.Section;
import org.quaject.elf.Symbol;

/**
 * An object file as lines to compare: what two objects must agree on to link
 * alike; and the template object the link tests copy.
 */
final class ObjectDescription {
    /** A symbol naming the file it comes from, which ld -r adds for each input (System V ABI, "Symbol Table"). */
    private static final int STT_FILE = 4;

    private ObjectDescription() {
    }

    /** The assembled template of a small class with a field, a parameter, a callout and a callentry. */
    static Path counterTemplate(QjSources sources) throws Exception {
        sources.build("""
                quaject Counter(start: long = 0, step: word = 1) {
                    var count: long = start
                    callout overflow() default {
                        rts
                    }
                    callentry inc() -> d0.l {
                        add.l   #@step,@count
                        bcc.s   1f
                        jsr     @overflow
                1:      move.l  @count,d0
                        rts
                    }
                }
                kernel k {
                    instance c: Counter(start = 5)
                }
                """);
        try (Stream<Path> files = Files.walk(sources.dir())) {
            return files.filter(p -> p.getFileName().toString().equals("quaject-Counter.o")).findFirst()
                    .orElseThrow();
        }
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
