package org.quaject.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * One test point of a TAP stream: {@code ok N - NAME} or
 * {@code not ok N - NAME # REASON}, with the comment lines that directly
 * followed it (for a crashed test, the register report).
 *
 * @param number      the test number
 * @param name        the description, {@code ""} if none was given
 * @param passed      {@code ok} rather than {@code not ok}
 * @param reason      the text after {@code #} (a failure reason or a SKIP/TODO directive), {@code ""} if none
 * @param diagnostics the following comment lines, without their leading {@code #} and one space
 */
public record TestResult(int number, String name, boolean passed, String reason, List<String> diagnostics) {

    public TestResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** This result with one more diagnostic line. */
    TestResult withDiagnostic(String line) {
        List<String> more = new ArrayList<>(diagnostics);
        more.add(line);
        return new TestResult(number, name, passed, reason, more);
    }

    /** The result as a TAP line, without the diagnostics. */
    public String toTapLine() {
        StringBuilder line = new StringBuilder(passed ? "ok " : "not ok ").append(number);
        if (!name.isEmpty()) {
            line.append(" - ").append(name);
        }
        if (!reason.isEmpty()) {
            line.append(" # ").append(reason);
        }
        return line.toString();
    }
}
