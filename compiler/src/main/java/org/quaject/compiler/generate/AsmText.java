package org.quaject.compiler.generate;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.quaject.compiler.model.AssemblyBody;
import org.quaject.compiler.model.HoleRef;

/**
 * Text-level helpers for generated assembly: holes rewritten into symbols, line
 * markers that make the assembler (and the DWARF line table) speak in .qj lines,
 * and string literals.
 */
public final class AsmText {

    /** A line the templates put after each body; {@link #resync} makes it a real line marker. */
    static final String RESYNC = "#qj-resync";

    private AsmText() {
    }

    /** A piece of a body's text, from {@code start} up to {@code end}, to be written as {@code text}. */
    public record Edit(int start, int end, String text) {
    }

    /**
     * A body as it goes into a generated file: a C-style line marker naming its
     * .qj line, then its text with every hole replaced by its symbol.
     */
    public static String body(AssemblyBody body, boolean qualifiedHoles, Function<HoleRef, String> symbolOf) {
        return body(body, body.holes(qualifiedHoles).stream()
                .map(hole -> new Edit(hole.start(), hole.end(), symbolOf.apply(hole))).toList());
    }

    /** The same with any edits of the text, which must not overlap. */
    public static String body(AssemblyBody body, List<Edit> edits) {
        StringBuilder text = new StringBuilder(body.text());
        edits.stream().sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(edit -> text.replace(edit.start(), edit.end(), edit.text()));
        return lineMarker(body.start().line(), body.file().displayName()) + "\n" + text;
    }

    /** {@code # LINE "FILE"}: the next line is LINE of FILE, for messages and debug info. */
    static String lineMarker(int line, String file) {
        return "# " + line + " \"" + escape(file) + "\"";
    }

    /**
     * Replaces every {@link #RESYNC} line by a marker that points back into the
     * generated file itself, so that generated code after a body is reported
     * where it really is.
     */
    public static String resync(String generated, String generatedFileName) {
        String[] lines = generated.split("\n", -1);
        StringBuilder out = new StringBuilder(generated.length() + 64);
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i].equals(RESYNC) ? lineMarker(i + 2, generatedFileName) : lines[i]);
            if (i + 1 < lines.length) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The contents of a GNU as string literal for these bytes. */
    public static String quote(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append(String.format("\\%03o", c));
            }
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
