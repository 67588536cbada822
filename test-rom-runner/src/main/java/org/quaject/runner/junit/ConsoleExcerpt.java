package org.quaject.runner.junit;

import java.util.List;

/**
 * The console output as failure messages show it: framed, so that where it
 * starts and ends is plain even when it is empty or ends mid-line, and cut to
 * its last lines, which say the most about why a run went wrong.
 */
final class ConsoleExcerpt {

    static final int MAX_LINES = 60;

    private ConsoleExcerpt() {
    }

    static String of(String output) {
        if (output.isEmpty()) {
            return "--- no console output ---";
        }
        List<String> lines = output.lines().toList();
        StringBuilder text = new StringBuilder("--- console output");
        int skipped = Math.max(0, lines.size() - MAX_LINES);
        if (skipped > 0) {
            text.append(", without its first ").append(skipped).append(" lines");
        }
        text.append(" ---\n");
        lines.subList(skipped, lines.size()).forEach(line -> text.append(line).append('\n'));
        if (!output.endsWith("\n")) {
            text.append("--- (the last line has no newline yet)\n");
        }
        return text.append("--- end of console output ---").toString();
    }
}
