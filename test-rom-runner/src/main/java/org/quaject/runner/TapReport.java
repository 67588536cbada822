package org.quaject.runner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The test results an image reported on its console in TAP (Test Anything
 * Protocol): the plan line {@code 1..N}, one result line per test, comment
 * lines after a result as its diagnostics. All other lines are program
 * output, kept in order. The console protocol's status line is not part of
 * the report.
 *
 * @param plannedCount the N of the first plan line, if there was one
 * @param results      the result lines in the order they came
 * @param otherLines   lines that are neither the plan, a result, nor a result's diagnostics
 */
public record TapReport(OptionalInt plannedCount, List<TestResult> results, List<String> otherLines) {

    private static final Pattern PLAN = Pattern.compile("1\\.\\.(\\d{1,9})(?:\\s+#.*)?");
    private static final Pattern RESULT =
            Pattern.compile("(not )?ok(?:\\s+(\\d{1,9}))?(?:\\s+-)?(?:\\s+(.*?))??(?:\\s+#\\s*(.*))?\\s*");
    private static final Pattern COMMENT = Pattern.compile("# ?(.*)");

    public TapReport {
        results = List.copyOf(results);
        otherLines = List.copyOf(otherLines);
    }

    /** Parses a console transcript, decoded as UTF-8. */
    public static TapReport parse(byte[] transcript) {
        return parse(new String(transcript, StandardCharsets.UTF_8));
    }

    /** Parses a console transcript; lines end with LF, CRLF or CR. */
    public static TapReport parse(String transcript) {
        OptionalInt plannedCount = OptionalInt.empty();
        List<TestResult> results = new ArrayList<>();
        List<String> otherLines = new ArrayList<>();
        boolean afterResult = false;
        for (String line : transcript.lines().toList()) {
            if (StatusLine.parse(line).isPresent()) {
                continue;
            }
            Matcher comment = COMMENT.matcher(line);
            if (afterResult && comment.matches()) {
                int last = results.size() - 1;
                results.set(last, results.get(last).withDiagnostic(comment.group(1)));
                continue;
            }
            Matcher plan = PLAN.matcher(line);
            Matcher result = RESULT.matcher(line);
            afterResult = result.matches();
            if (afterResult) {
                results.add(new TestResult(number(result.group(2), results), orEmpty(result.group(3)),
                        result.group(1) == null, orEmpty(result.group(4)), List.of()));
            } else if (plannedCount.isEmpty() && plan.matches()) {
                plannedCount = OptionalInt.of(Integer.parseInt(plan.group(1)));
            } else {
                otherLines.add(line);
            }
        }
        return new TapReport(plannedCount, results, otherLines);
    }

    /** TAP: a result without a number is the one after the previous result. */
    private static int number(String digits, List<TestResult> earlier) {
        if (digits != null) {
            return Integer.parseInt(digits);
        }
        return earlier.isEmpty() ? 1 : earlier.get(earlier.size() - 1).number() + 1;
    }

    private static String orEmpty(String group) {
        return group == null ? "" : group;
    }

    /**
     * This report with a failing result {@code not ok K - (not reported) # why}
     * for each test in the plan that never reported, e.g. because the image
     * panicked or ran out of time; results ordered by number. Without a plan
     * nothing is known to be missing and the report is returned as it is.
     */
    public TapReport complete(String why) {
        if (plannedCount.isEmpty()) {
            return this;
        }
        Set<Integer> reported = results.stream().map(TestResult::number).collect(Collectors.toSet());
        List<TestResult> completed = new ArrayList<>(results);
        for (int number = 1; number <= plannedCount.getAsInt(); number++) {
            if (!reported.contains(number)) {
                completed.add(new TestResult(number, "(not reported)", false, why, List.of()));
            }
        }
        completed.sort(Comparator.comparingInt(TestResult::number));
        return new TapReport(plannedCount, completed, otherLines);
    }
}
