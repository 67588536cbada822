package org.quaject.compiler.generate;

import java.util.ArrayList;
import java.util.List;
import org.quaject.compiler.model.AssemblyBody;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Field;
import org.quaject.compiler.model.Initializer;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Slot;
import org.stringtemplate.v4.STGroup;

/**
 * Generates the template of a quaject class: one section holding the code of its
 * callentries and default bodies, then its data fields. Each hole is left as an
 * undefined symbol, so that the assembled object records where every hole is.
 */
public final class QuajectTemplateGenerator {

    private final STGroup group = Templates.group("quaject");

    /** A callentry or default body in the template. */
    public record Code(String label, String description, String body) {
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
        List<Code> code = new ArrayList<>();
        for (Callentry entry : quaject.callentries()) {
            code.add(new Code(Symbols.entryLabel(entry.name().text()),
                    "callentry " + entry.name() + entry.signature().shape(), body(entry.body())));
        }
        for (Slot slot : quaject.slots()) {
            slot.defaultBody().ifPresent(body -> code.add(new Code(Symbols.defaultLabel(slot.name().text()),
                    "default of " + slot.kind().keyword() + " " + slot.name(), body(body))));
        }
        List<Data> data = quaject.fields().stream().map(QuajectTemplateGenerator::data).toList();
        String fileName = fileName(quaject, ".s");
        String text = Templates.render(group, "template",
                "kind", quaject.kindName(),
                "name", quaject.name().text(),
                "source", quaject.name().position().file().displayName(),
                "section", Symbols.templateSection(quaject.name().text()),
                "code", code,
                "fields", data);
        return AsmText.resync(text, fileName);
    }

    /**
     * The name of a file about a class's template in the work directory. The
     * prefix keeps it apart from the compiler's own files (kernel.s, tables.s)
     * whatever the class is called.
     */
    public static String fileName(QuajectClass quaject, String extension) {
        return "quaject-" + quaject.name().text() + extension;
    }

    private static String body(AssemblyBody body) {
        return AsmText.body(body, false, hole -> Symbols.hole(hole.name()));
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
