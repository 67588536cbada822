package org.quaject.compiler.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one {@code .qj} file and the name it is reported under.
 *
 * @param displayName how diagnostics name the file (the path as the user gave it,
 *                    or {@code lib/NAME.qj} for a file of the bundled library)
 * @param text        the whole file
 */
public record SourceFile(String displayName, String text) {

    /** The line and column of a character offset in the text. */
    public Position positionOf(int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(this, line, column);
    }

    /** The text of a 1-based line, without its line terminator; empty past the end. */
    public String line(int line) {
        List<String> lines = lines();
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }

    /** The 1-based column of the first non-blank character of a line (1 for a blank line). */
    public int firstColumnOf(int line) {
        String text = line(line);
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return 1;
    }

    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(stripCarriageReturn(text.substring(start, i)));
                start = i + 1;
            }
        }
        lines.add(stripCarriageReturn(text.substring(start)));
        return lines;
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
