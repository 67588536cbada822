package org.quaject.compiler.link;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.quaject.binutils.ToolchainException;
import org.quaject.compiler.assemble.Assembler;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.generate.QuajectTemplateGenerator;
import org.quaject.compiler.generate.Symbols;
import org.quaject.compiler.generate.Templates;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Constant;
import org.quaject.compiler.model.Param;
import org.quaject.compiler.model.QuajectClass;
import org.stringtemplate.v4.STGroup;

/**
 * What the image carries of every class for the run-time synthesizer
 * (runtime-m68k/synth.s): its template, its hole table, its table of inline
 * callentries and its descriptor, as holes.stg writes them; and its creation
 * stub, as create.stg does.
 */
final class ClassTables {

    /**
     * One class's tables.
     *
     * @param slotDefaults    for each slot in declaration order, its default body's offset in the block, or -1
     * @param parameterWidths for each parameter in declaration order, its width in bytes
     * @param memberOffsets   where each callentry and field lies in the block, and each slot's number
     * @param inlineEntries   each inline callentry: where it starts and how long its body is without its rts
     */
    record ClassTable(String kind, String name, int size, String templateSymbol, String tableSymbol,
                      String inlineSymbol, String descriptorSymbol, int parameters, List<String> slotDefaults,
                      List<Integer> parameterWidths, List<MemberOffset> memberOffsets,
                      List<InlineEntry> inlineEntries, String binaryFile, List<HoleRow> holes) {
    }

    /** A member's offset in its class's blocks, or a slot's number, as an absolute symbol. */
    record MemberOffset(String symbol, String offset, String description) {
    }

    /** An inline callentry: its offset in the block, and the bytes an inlined copy takes. */
    record InlineEntry(String name, String offset, int length) {
    }

    /** One hole table entry, formatted for the assembler; {@code room} is a call site's, else 0. */
    record HoleRow(String offset, int width, int flags, int kind, int room, int index, String value,
                   String description) {
    }

    /** A class's creation stub, as create.stg writes it. */
    record CreationStub(String className, String source, String symbol, String descriptor,
                        List<StubParameter> parameters, int stackBytes) {
    }

    /**
     * A parameter of a creation stub: {@code push} names the create.stg
     * template that puts it on the stack as a long word.
     */
    record StubParameter(String name, String register, String suffix, String push) {
    }

    /** An inlined copy leaves out the body's final rts. */
    private static final int RTS_BYTES = 2;

    private final Assembler assembler;
    private final STGroup tablesGroup = Templates.group("holes");
    private final STGroup stubsGroup = Templates.group("create");

    ClassTables(Assembler assembler) {
        this.assembler = assembler;
    }

    /** Writes and assembles the tables of every class, and the creation stubs, into objects. */
    List<Path> assemble(Collection<TemplateObject> templates, Path work) {
        List<ClassTable> tables = templates.stream().map(template -> table(template, work)).toList();
        List<CreationStub> stubs = templates.stream().map(TemplateObject::quaject)
                .filter(q -> !q.device() && q.params().size() <= QuajectClass.MAX_STUB_PARAMETERS)
                .map(ClassTables::stub).toList();
        return List.of(assemble(work, "tables", Templates.render(tablesGroup, "tables", "classes", tables)),
                assemble(work, "create", Templates.render(stubsGroup, "stubs", "stubs", stubs)));
    }

    private Path assemble(Path work, String name, String text) {
        Path source = work.resolve(name + ".s");
        ImageLinker.write(source, text);
        Path object = work.resolve(name + ".o");
        if (!assembler.assemble(source, object, Map.of(), null, new Diagnostics())) {
            throw new ToolchainException("internal error: the generated " + source.getFileName()
                    + " did not assemble");
        }
        return object;
    }

    private static CreationStub stub(QuajectClass quaject) {
        String name = quaject.name().text();
        List<StubParameter> parameters = new ArrayList<>();
        for (Param param : quaject.params()) {
            String push = switch (param.type()) {
                case BYTE -> "pushByte";
                case WORD -> "pushWord";
                case LONG -> "pushLong";
            };
            parameters.add(new StubParameter(param.name().text(), "d" + parameters.size(), param.type().suffix(), push));
        }
        return new CreationStub(name, quaject.name().position().file().displayName(), Symbols.creationStub(name),
                Symbols.classDescriptor(name), parameters, 4 * parameters.size());
    }

    private static ClassTable table(TemplateObject template, Path work) {
        QuajectClass quaject = template.quaject();
        String name = quaject.name().text();
        Path binary = work.resolve(QuajectTemplateGenerator.fileName(quaject, ".bin"));
        ImageLinker.write(binary, template.bytes());
        List<HoleRow> rows = template.holes().stream().map(hole -> row(hole, quaject)).toList();
        // -1: no default body; the synthesizer points such a slot at the runtime's unlinked-slot panic.
        List<String> slotDefaults = quaject.slots().stream()
                .map(slot -> slot.defaultBody().isPresent()
                        ? InstanceSymbols.hex(template.defaultOffset(slot.name().text())) : "-1")
                .toList();
        List<Integer> parameterWidths = quaject.params().stream().map(p -> p.type().bytes()).toList();
        List<MemberOffset> members = new ArrayList<>();
        quaject.callentries().forEach(e -> members.add(new MemberOffset(
                Symbols.classMemberOffset(name, e.name().text()),
                InstanceSymbols.hex(template.entryOffset(e.name().text())), e.kindName() + " " + e.name())));
        quaject.fields().forEach(f -> members.add(new MemberOffset(
                Symbols.classMemberOffset(name, f.name().text()),
                InstanceSymbols.hex(template.fieldOffset(f.name().text())), "field " + f.name())));
        quaject.slots().forEach(slot -> members.add(new MemberOffset(
                Symbols.classSlotNumber(name, slot.name().text()),
                Integer.toString(quaject.slots().indexOf(slot)), slot.kind().keyword() + " " + slot.name())));
        List<InlineEntry> inline = quaject.callentries().stream().filter(Callentry::inline)
                .map(e -> new InlineEntry(e.name().text(), InstanceSymbols.hex(template.entryOffset(e.name().text())),
                        template.inlineLength(e.name().text()) - RTS_BYTES))
                .toList();
        return new ClassTable(quaject.kindName(), name, template.size(), Symbols.template(name),
                Symbols.holeTable(name), Symbols.inlineTable(name), Symbols.classDescriptor(name),
                quaject.params().size(), slotDefaults, parameterWidths, members, inline,
                binary.getFileName().toString(), rows);
    }

    private static HoleRow row(Hole hole, QuajectClass quaject) {
        String value = hole.kind() == HoleKind.ABSOLUTE
                ? hole.symbol() + (hole.value() == 0 ? "" : (hole.value() > 0 ? "+" : "") + hole.value())
                : Long.toString(hole.value());
        int room = hole.kind() == HoleKind.SLOT
                ? quaject.slots().get(hole.index()).inlineRoom().map(Constant::value).orElse(0L).intValue() : 0;
        return new HoleRow(InstanceSymbols.hex(hole.offset()), hole.width(), hole.pcRelative() ? 1 : 0,
                hole.kind().code(), room, hole.index(), value, hole.description());
    }
}
