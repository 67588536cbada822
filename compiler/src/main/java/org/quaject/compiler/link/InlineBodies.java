package org.quaject.compiler.link;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quaject.binutils.Toolchain;
import org.quaject.binutils.ToolchainException;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.diag.SourceFile;
import org.quaject.compiler.generate.Symbols;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.HoleRef;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Relocation;
import org.quaject.elf.Section;
import org.quaject.elf.Symbol;

/**
 * The inline callentries of a class, read from its template assembled with each
 * of them in a section of its own: how long each body is, and whether a copy of
 * it can run anywhere. The synthesizer moves a copy by fixing the holes the
 * hole table lists (32-bit ones: a copy may land anywhere in RAM); a reference
 * the assembler resolved PC-relative to something outside the body has no hole,
 * and would be wrong in a copy. Assembled apart, each such reference is a
 * relocation against another section, which is reported at its line.
 */
public final class InlineBodies {

    /** The width a hole of a copied body must have, when the copy changes it. */
    private static final int MOVABLE_WIDTH = 4;

    private InlineBodies() {
    }

    /**
     * @param isolated the object assembled from {@code QuajectTemplateGenerator.generateIsolated}
     * @return each inline callentry's body length in bytes, its final {@code rts} included
     */
    public static Map<String, Integer> read(Path isolated, QuajectClass quaject, Toolchain toolchain,
                                            Diagnostics diagnostics) {
        ElfFile elf = TemplateObject.readAssembled(isolated);
        Map<String, Integer> lengths = new LinkedHashMap<>();
        for (Callentry entry : quaject.callentries()) {
            if (!entry.inline()) {
                continue;
            }
            String sectionName = Symbols.inlineBodySection(entry.name().text());
            Section section = elf.section(sectionName).orElseThrow(
                    () -> new ToolchainException("the isolated template has no section " + sectionName));
            lengths.put(entry.name().text(), (int) section.size());
            for (Relocation relocation : elf.relocations(section)) {
                problem(relocation, section).ifPresent(problem -> diagnostics.error(
                        position(isolated, section, relocation, entry, quaject, toolchain),
                        "inline callentry %s %s", entry.name(), problem));
            }
        }
        return lengths;
    }

    /** What is wrong with a reference from an inline body, if anything, as the rest of a sentence. */
    private static Optional<String> problem(Relocation relocation, Section body) {
        Symbol symbol = relocation.symbol();
        if (!symbol.isUndefined() && symbol.sectionIndex() != body.index()) {
            return Optional.of("refers to " + describe(symbol) + " outside its body without a hole, which an "
                    + "inlined copy could not reach; make it a hole or move it into the body");
        }
        int bits = relocation.type().width() * 8;
        boolean moves = relocation.type().pcRelative() || !symbol.isUndefined();
        if (!moves || relocation.type().width() == MOVABLE_WIDTH) {
            return Optional.empty();
        }
        return Optional.of(relocation.type().pcRelative()
                ? "has a " + bits + "-bit PC-relative hole, which an inlined copy elsewhere in RAM could not "
                        + "reach through; use an absolute address or a 32-bit displacement"
                : "has a " + bits + "-bit address of a place in its own body, which could not hold where an "
                        + "inlined copy is; use a 32-bit one");
    }

    private static String describe(Symbol symbol) {
        String name = symbol.name();
        if (name.isEmpty() || symbol.type() == Symbol.STT_SECTION) {
            return "a place";
        }
        for (Map.Entry<String, String> label : Map.of(Symbols.entryLabel(""), "callentry ",
                Symbols.defaultLabel(""), "the default body of ", Symbols.fieldLabel(""), "field ").entrySet()) {
            if (name.startsWith(label.getKey())) {
                return label.getValue() + name.substring(label.getKey().length());
            }
        }
        return "label " + name;
    }

    /**
     * The .qj line of a reference, from the object's line table; on it, the
     * hole the reference is (when it is one), else where the statement starts.
     */
    private static Position position(Path object, Section section, Relocation relocation, Callentry entry,
                                     QuajectClass quaject, Toolchain toolchain) {
        SourceFile file = quaject.name().position().file();
        Toolchain.Result result = toolchain.run("addr2line", List.of("-e", object.toString(), "-j", section.name(),
                Long.toHexString(relocation.offset())), object.getParent());
        String located = result.stdout().strip();
        int colon = located.lastIndexOf(':');
        int line;
        try {
            line = Integer.parseInt(located.substring(colon + 1).replaceAll("\\D.*", ""));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return entry.name().position();
        }
        String holeName = relocation.symbol().name().startsWith(Symbols.HOLE_PREFIX)
                ? relocation.symbol().name().substring(Symbols.HOLE_PREFIX.length()) : null;
        return entry.body().holes(false).stream()
                .filter(hole -> hole.position().line() == line && hole.name().equals(holeName))
                .map(HoleRef::position)
                .findFirst()
                .orElse(new Position(file, line, file.firstColumnOf(line)));
    }
}
