package org.quaject.compiler.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.diag.SourceFile;

/**
 * The m68k assembly between the braces of a callentry, default, main or test,
 * kept exactly as written, with where it starts in its file so that every line can
 * be traced back to the source.
 */
public record AssemblyBody(String text, SourceFile file, int startOffset) {

    /** {@code @name}, as holes are written in a quaject's bodies. */
    private static final Pattern HOLE = Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)()");

    /** {@code @instance} or {@code @instance.member}, as holes are written in the kernel's bodies. */
    private static final Pattern QUALIFIED_HOLE =
            Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?");

    /**
     * Every hole written in the body, in order. Anything after the hole, such as a
     * size suffix in {@code @count.w}, is left to the assembler.
     *
     * @param qualified whether holes name an instance and a member (kernel bodies)
     *                  or just a name (quaject bodies)
     */
    public List<HoleRef> holes(boolean qualified) {
        List<HoleRef> holes = new ArrayList<>();
        Matcher m = (qualified ? QUALIFIED_HOLE : HOLE).matcher(text);
        while (m.find()) {
            holes.add(new HoleRef(m.group(1), emptyToNull(m.group(2)), positionOf(m.start()), m.start(), m.end()));
        }
        return holes;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The source position of a character of the body. */
    public Position positionOf(int offset) {
        return file.positionOf(startOffset + offset);
    }

    /** The position of the body's first character, just after its opening brace. */
    public Position start() {
        return positionOf(0);
    }
}
