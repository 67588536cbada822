package org.quaject.compiler.diag;

import java.util.Arrays;
import java.util.Objects;

/**
 * The text of one {@code .qj} file and the name it is reported under. Where
 * each line starts is found once, so that a position costs a binary search
 * however large the file (a kernel of thousands of quajects asks for tens of
 * thousands of them).
 */
public final class SourceFile {

    private final String displayName;
    private final String text;
    private int[] lineStarts;

    /**
     * @param displayName how diagnostics name the file (the path as the user gave it,
     *                    or {@code lib/NAME.qj} for a file of the bundled library)
     * @param text        the whole file
     */
    public SourceFile(String displayName, String text) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.text = Objects.requireNonNull(text, "text");
    }

    public String displayName() {
        return displayName;
    }

    public String text() {
        return text;
    }

    /** The line and column of a character offset in the text (offsets past the end count as the end). */
    public Position positionOf(int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int[] starts = lineStarts();
        int index = Arrays.binarySearch(starts, at);
        int line = index >= 0 ? index : -index - 2;
        return new Position(this, line + 1, at - starts[line] + 1);
    }

    /** The text of a 1-based line, without its line terminator; empty past the end. */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        int end = line < starts.length ? starts[line] - 1 : text.length();
        String content = text.substring(starts[line - 1], end);
        return content.endsWith("\r") ? content.substring(0, content.length() - 1) : content;
    }

    /** The 1-based column of the first non-blank character of a line (1 for a blank line). */
    public int firstColumnOf(int line) {
        String content = line(line);
        for (int i = 0; i < content.length(); i++) {
            if (!Character.isWhitespace(content.charAt(i))) {
                return i + 1;
            }
        }
        return 1;
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            lineStarts = Arrays.copyOf(starts, count);
        }
        return lineStarts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFile that && displayName.equals(that.displayName) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(displayName, text);
    }

    @Override
    public String toString() {
        return "SourceFile[" + displayName + "]";
    }
}
