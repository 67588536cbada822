package org.quaject.compiler.link;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quaject.binutils.ToolchainException;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.generate.Symbols;
import org.quaject.compiler.model.DeviceRegister;
import org.quaject.compiler.model.Field;
import org.quaject.compiler.model.Member;
import org.quaject.compiler.model.Param;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Slot;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.elf.Relocation;
import org.quaject.elf.Section;
import org.quaject.elf.Symbol;

/**
 * A class's assembled template, read back from its object file: the bytes of the
 * block, where each callentry, default body and field starts, and the hole table,
 * made from the relocations the assembler recorded.
 */
public final class TemplateObject {

    private final QuajectClass quaject;
    private final Path path;
    private final byte[] bytes;
    private final Map<String, Long> labels;
    private final List<Hole> holes;
    private final Map<String, Integer> inlineLengths;

    private TemplateObject(QuajectClass quaject, Path path, byte[] bytes, Map<String, Long> labels, List<Hole> holes,
                           Map<String, Integer> inlineLengths) {
        this.quaject = quaject;
        this.path = path;
        this.bytes = bytes;
        this.labels = labels;
        this.holes = holes;
        this.inlineLengths = inlineLengths;
    }

    /**
     * Reads the object assembled from a class's template. A body that leaves the
     * block (switches section, or refers to another section) is reported.
     *
     * @param inlineLengths each inline callentry's body length, from {@link InlineBodies}
     */
    public static TemplateObject read(Path object, QuajectClass quaject, Map<String, Integer> inlineLengths,
                                      Diagnostics diagnostics) {
        ElfFile elf = readAssembled(object);
        String sectionName = Symbols.templateSection(quaject.name().text());
        Section section = elf.section(sectionName)
                .orElseThrow(() -> new ToolchainException("the assembled template has no section " + sectionName));
        for (Section other : elf.sections()) {
            if (other.isAllocated() && other.size() > 0 && other.index() != section.index()) {
                diagnostics.error(quaject.name().position(),
                        "the bodies of %s %s put code or data in section %s; a quaject's code and data stay in its block",
                        quaject.kindName(), quaject.name(), other.name());
            }
        }
        if (section.size() > QuajectClass.MAX_BLOCK_BYTES) {
            diagnostics.error(quaject.name().position(),
                    "%s %s is %d bytes; a template can be at most %d bytes (hole offsets are 16 bits)",
                    quaject.kindName(), quaject.name(), section.size(), QuajectClass.MAX_BLOCK_BYTES);
        }
        Map<String, Long> labels = new HashMap<>();
        for (Symbol symbol : elf.symbols()) {
            if (symbol.sectionIndex() == section.index() && symbol.name().contains("$")) {
                labels.put(symbol.name(), symbol.value());
            }
        }
        List<Hole> holes = new ArrayList<>();
        for (Relocation relocation : elf.relocations(section)) {
            hole(relocation, section, quaject, labels, diagnostics).ifPresent(holes::add);
        }
        return new TemplateObject(quaject, object, elf.contents(section), Map.copyOf(labels), List.copyOf(holes),
                Map.copyOf(inlineLengths));
    }

    /** An object the assembler wrote from a template; one that cannot be read is a toolchain failure. */
    static ElfFile readAssembled(Path object) {
        try {
            return ElfFile.read(object);
        } catch (IOException | ElfFormatException e) {
            throw new ToolchainException("cannot read the assembled template " + object + ": " + e.getMessage());
        }
    }

    private static Optional<Hole> hole(Relocation relocation, Section section, QuajectClass quaject,
                                       Map<String, Long> labels, Diagnostics diagnostics) {
        Symbol symbol = relocation.symbol();
        int width = relocation.type().width();
        boolean pcRelative = relocation.type().pcRelative();
        long offset = relocation.offset();
        long addend = relocation.addend();
        if (width == 0) {
            diagnostics.error(quaject.name().position(), "%s %s uses a relocation the hole tables cannot hold (%s)",
                    quaject.kindName(), quaject.name(), relocation.type());
            return Optional.empty();
        }
        if (symbol.sectionIndex() == section.index()) {
            return Optional.of(new Hole(offset, width, pcRelative, HoleKind.BLOCK, 0, symbol.value() + addend, null,
                    "internal reference to +0x" + Long.toHexString(symbol.value() + addend)));
        }
        if (!symbol.isUndefined()) {
            diagnostics.error(quaject.name().position(),
                    "a body of %s %s refers to %s in another section; a quaject's code and data stay in its block",
                    quaject.kindName(), quaject.name(), symbol.name().isEmpty() ? "data" : symbol.name());
            return Optional.empty();
        }
        if (!symbol.name().startsWith(Symbols.HOLE_PREFIX)) {
            return Optional.of(new Hole(offset, width, pcRelative, HoleKind.ABSOLUTE, 0, addend, symbol.name(),
                    "symbol " + symbol.name()));
        }
        String name = symbol.name().substring(Symbols.HOLE_PREFIX.length());
        if (name.equals(QuajectClass.SELF)) {
            return Optional.of(new Hole(offset, width, pcRelative, HoleKind.BLOCK, 0, addend, null, "@self"));
        }
        Member member = quaject.member(name).orElseThrow(
                () -> new IllegalStateException("hole @" + name + " passed the checks but names nothing"));
        String description = member.kindName() + " " + name;
        if (member instanceof Param param) {
            return Optional.of(new Hole(offset, width, pcRelative, HoleKind.PARAM,
                    quaject.params().indexOf(param), addend, null, description));
        }
        if (member instanceof Slot slot) {
            String site = slot.inlineRoom().map(room -> ", a call site of " + room.value() + " bytes").orElse("");
            return Optional.of(new Hole(offset, width, pcRelative, HoleKind.SLOT,
                    quaject.slots().indexOf(slot), addend, null, description + site));
        }
        if (member instanceof DeviceRegister register) {
            return Optional.of(new Hole(offset, width, pcRelative, HoleKind.REGISTER, 0,
                    register.offset().value() + addend, null, description));
        }
        String label = member instanceof Field ? Symbols.fieldLabel(name) : Symbols.entryLabel(name);
        return Optional.of(new Hole(offset, width, pcRelative, HoleKind.BLOCK, 0, labels.get(label) + addend,
                null, description));
    }

    /** Where a callentry starts in the block. */
    public long entryOffset(String entry) {
        return labels.get(Symbols.entryLabel(entry));
    }

    /** Where a slot's default body starts in the block. */
    public long defaultOffset(String slot) {
        return labels.get(Symbols.defaultLabel(slot));
    }

    /** How many bytes an inline callentry's body has, its final rts included. */
    public int inlineLength(String entry) {
        return inlineLengths.get(entry);
    }

    /** Where a field starts in the block. */
    public long fieldOffset(String field) {
        return labels.get(Symbols.fieldLabel(field));
    }

    /** The names of the template's own labels: callentries, default bodies, fields. */
    public Set<String> labels() {
        return labels.keySet();
    }

    public QuajectClass quaject() {
        return quaject;
    }

    public Path path() {
        return path;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public List<Hole> holes() {
        return holes;
    }
}
