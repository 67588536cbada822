package org.quaject.compiler.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quaject.compiler.model.AssemblyBody;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Constant;
import org.quaject.compiler.model.Field;
import org.quaject.compiler.model.HoleRef;
import org.quaject.compiler.model.Initializer;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Slot;
import org.stringtemplate.v4.STGroup;

/**
 * Generates the template of a quaject class: one section holding the code of its
 * callentries and default bodies, then its data fields. Each hole is left as an
 * undefined symbol, so that the assembled object records where every hole is.
 * A hole that names another class ({@code @Other.create}) is that class's
 * symbol, which the linker resolves like any other.
 */
public final class QuajectTemplateGenerator {

    private final STGroup group = Templates.group("quaject");
    private final Program program;

    public QuajectTemplateGenerator(Program program) {
        this.program = program;
    }

    /**
     * A callentry or default body in the template; {@code section} is set when
     * the blocks go to different sections (see {@link #generateIsolated}).
     */
    public record Code(String label, String description, String body, String section) {
    }

    /**
     * A data field. Exactly one of {@code value} (a scalar's initial value or the
     * symbol of the parameter that initializes it) and {@code text} (a string) is set,
     * or neither for zeroed storage; {@code padding} zero bytes follow (null for none).
     * Each field is aligned to its element size.
     */
    public record Data(String label, String name, int alignment, String directive, String value, String text,
                       Long padding) {
    }

    /** The assembly source of a class's template. */
    public String generate(QuajectClass quaject) {
        return generate(quaject, false);
    }

    /**
     * The template's source with each inline callentry in a section of its own
     * ({@link Symbols#inlineBodySection}): assembled, every reference from such a
     * body to anything outside it is a relocation, which is how the compiler
     * finds the references an inlined copy could not keep.
     */
    public String generateIsolated(QuajectClass quaject) {
        return generate(quaject, true);
    }

    private String generate(QuajectClass quaject, boolean isolated) {
        String section = Symbols.templateSection(quaject.name().text());
        List<Code> code = new ArrayList<>();
        for (Callentry entry : quaject.callentries()) {
            String entrySection = entry.inline() ? Symbols.inlineBodySection(entry.name().text()) : section;
            code.add(new Code(Symbols.entryLabel(entry.name().text()),
                    entry.kindName() + " " + entry.name() + entry.signature().shape(), body(entry.body(), quaject),
                    isolated ? entrySection : null));
        }
        for (Slot slot : quaject.slots()) {
            slot.defaultBody().ifPresent(body -> code.add(new Code(Symbols.defaultLabel(slot.name().text()),
                    "default of " + slot.kind().keyword() + " " + slot.name(), body(body, quaject),
                    isolated ? section : null)));
        }
        List<Data> data = quaject.fields().stream().map(QuajectTemplateGenerator::data).toList();
        String fileName = fileName(quaject, isolated ? ISOLATED_SUFFIX + ".s" : ".s");
        String text = Templates.render(group, "template",
                "kind", quaject.kindName(),
                "name", quaject.name().text(),
                "source", quaject.name().position().file().displayName(),
                "section", section,
                "isolated", isolated,
                "code", code,
                "fields", data);
        return AsmText.resync(text, fileName);
    }

    /** What tells the files of {@link #generateIsolated} from the template's own. */
    public static final String ISOLATED_SUFFIX = "-isolated";

    /**
     * The name of a file about a class's template in the work directory. The
     * prefix keeps it apart from the compiler's own files (kernel.s, tables.s)
     * whatever the class is called.
     */
    public static String fileName(QuajectClass quaject, String extension) {
        return Symbols.workFileName("quaject-", quaject.name().text(), extension);
    }

    /**
     * A body with its holes as symbols, and each call through a slot with
     * inline room as a call site of that room (the qj_inline_site macro).
     */
    private String body(AssemblyBody body, QuajectClass quaject) {
        List<AsmText.Edit> edits = new ArrayList<>();
        for (HoleRef hole : quaject.holesOf(body)) {
            if (!quaject.ownsHoleName(hole.name())) {
                edits.add(new AsmText.Edit(hole.start(), hole.end(), Symbols.classHole(hole, program)));
                continue;
            }
            Optional<Long> room = quaject.slot(hole.name()).flatMap(Slot::inlineRoom).map(Constant::value);
            Optional<AssemblyBody.Statement> call = room.flatMap(r -> body.callThrough(hole));
            if (call.isPresent()) {
                edits.add(new AsmText.Edit(call.get().mnemonicStart(), hole.end(), String.format(
                        "qj_inline_site %s, %s, %d", call.get().mnemonic(), Symbols.hole(hole.name()), room.get())));
            } else {
                edits.add(new AsmText.Edit(hole.start(), hole.end(), Symbols.hole(hole.name())));
            }
        }
        return AsmText.body(body, edits);
    }

    private static Data data(Field field) {
        String label = Symbols.fieldLabel(field.name().text());
        String name = field.name().text();
        long elements = field.count().map(c -> c.value()).orElse(1L);
        long bytes = elements * field.type().bytes();
        Initializer init = field.initializer().orElse(null);
        if (init instanceof Initializer.Text text) {
            long length = field.count().isPresent() ? bytes : text.bytes().length + 1;
            return new Data(label, name, field.type().bytes(), null, null, AsmText.quote(text.bytes()), padding(length - text.bytes().length - 1));
        }
        if (init instanceof Initializer.Value value) {
            return new Data(label, name, field.type().bytes(), field.type().directive(), Long.toString(value.constant().value()), null, null);
        }
        if (init instanceof Initializer.ParamValue param) {
            return new Data(label, name, field.type().bytes(), field.type().directive(), Symbols.hole(param.param().text()), null, null);
        }
        return new Data(label, name, field.type().bytes(), null, null, null, padding(bytes));
    }

    private static Long padding(long bytes) {
        return bytes > 0 ? bytes : null;
    }
}
