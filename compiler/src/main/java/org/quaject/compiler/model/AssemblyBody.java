package org.quaject.compiler.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
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

    /** {@code @name} or {@code @name.member}. */
    private static final Pattern HOLE =
            Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?");

    /**
     * Every hole written in the body, in order.
     *
     * @param qualified whether holes name an instance and a member (kernel bodies)
     *                  or just a name (a quaject's own names; see {@link #holes(Predicate)})
     */
    public List<HoleRef> holes(boolean qualified) {
        return holes(name -> !qualified);
    }

    /**
     * Every hole written in the body, in order, as a quaject's bodies write
     * them: {@code @name} for one of the quaject's own names (those
     * {@code ownName} accepts), anything after it, such as the size suffix in
     * {@code @count.w}, left to the assembler; {@code @name} or
     * {@code @name.member} for any other name (another class, in a quaject's
     * bodies; an instance, in the kernel's).
     */
    public List<HoleRef> holes(Predicate<String> ownName) {
        List<HoleRef> holes = new ArrayList<>();
        Matcher m = HOLE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            boolean own = ownName.test(name);
            int end = own ? m.start() + 1 + name.length() : m.end();
            holes.add(new HoleRef(name, own ? null : emptyToNull(m.group(2)), positionOf(m.start()), m.start(), end));
        }
        return holes;
    }

    /**
     * The body's statements, one per line or per {@code ;}-separated part, with
     * comments and string literals left out: enough to tell which instruction
     * each is, not to read its operands as the assembler does.
     */
    public List<Statement> statements() {
        List<Statement> statements = new ArrayList<>();
        Matcher part = STATEMENT_TEXT.matcher(code());
        while (part.find()) {
            Matcher m = STATEMENT.matcher(part.group());
            if (m.matches() && m.group(1) != null) {
                String operands = m.group(2);
                int blanks = operands.length() - operands.stripLeading().length();
                statements.add(new Statement(m.group(1).toLowerCase(Locale.ROOT), operands.strip(),
                        part.start() + m.start(1), part.start() + m.start(2) + blanks));
            }
        }
        return statements;
    }

    /**
     * The statement that calls or jumps through a hole and does nothing else
     * ({@code jsr @out}, {@code jmp @out}), if the hole is used that way.
     */
    public Optional<Statement> callThrough(HoleRef hole) {
        return statements().stream()
                .filter(s -> s.operandsStart() == hole.start() && s.operands().equals(hole.toString()))
                .filter(s -> s.mnemonic().equals("jsr") || s.mnemonic().equals("jmp"))
                .findFirst();
    }

    /**
     * One statement: {@code mnemonic} as written but in lower case, size suffix
     * included ({@code move.l}), and its operands without the blanks around
     * them; the offsets are where each starts in the body's text.
     */
    public record Statement(String mnemonic, String operands, int mnemonicStart, int operandsStart) {
    }

    /** What lies between line ends and GNU as's statement separator {@code ;}. */
    private static final Pattern STATEMENT_TEXT = Pattern.compile("[^;\\n]+");

    /** The labels that may start a statement: {@code 1:}, {@code name:}. */
    private static final String LABELS = "(?:[ \\t]*[A-Za-z0-9_$.]+:)*[ \\t]*";

    /** Labels, then the mnemonic (directives, which start with '.', are not instructions) and its operands. */
    private static final Pattern STATEMENT = Pattern.compile(LABELS + "(?:([A-Za-z][A-Za-z0-9_.]*)(.*)|.*)");

    /** Whether the body defines a label of this name at the start of one of its statements. */
    public boolean definesLabel(String name) {
        return Pattern.compile("(?m)(?:^|;)" + LABELS + Pattern.quote(name) + ":").matcher(code()).find();
    }

    /** The body with comments and string literals blanked out, offsets unchanged. */
    public String code() {
        StringBuilder out = new StringBuilder(text);
        boolean inString = false;
        boolean inComment = false;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '\n') {
                inString = false;
                inComment = false;
            } else if (inComment) {
                out.setCharAt(i, ' ');
            } else if (inString) {
                out.setCharAt(i, ' ');
                if (c == '\\' && i + 1 < out.length() && out.charAt(i + 1) != '\n') {
                    out.setCharAt(++i, ' ');
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '|') {
                inComment = true;
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
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
