package org.quaject.runner;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console protocol's status line, {@code # qj-exit: D}: the last line an
 * image writes before it asks virt-ctrl to HALT, carrying its exit status D
 * in decimal. D is a process exit status, so 0 to 255; a line with any other
 * value, or anything else on it, is ordinary output. A trailing carriage
 * return is allowed so that CRLF output works too.
 */
final class StatusLine {
    static final String PREFIX = "# qj-exit: ";

    private static final Pattern LINE = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,3})\r?");
    private static final int MAX_STATUS = 255;

    private StatusLine() {
    }

    /** The exit status a line (without its newline) carries, if it is a status line. */
    static OptionalInt parse(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        int status = Integer.parseInt(matcher.group(1));
        return status <= MAX_STATUS ? OptionalInt.of(status) : OptionalInt.empty();
    }

    /**
     * Whether more characters could still make a status line of this start
     * of a line. Every proper start of a status line is either part of the
     * prefix or already a status line with fewer digits, so the check needs
     * nothing else.
     */
    static boolean couldBegin(String partialLine) {
        return PREFIX.startsWith(partialLine) || parse(partialLine).isPresent();
    }
}
