package org.quaject.cli.bench;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two lines a bench kernel's stopwatch (bench/stopwatch.qj) prints
 * around its work:
 * <pre>
 * # bench: started
 * # bench: N instructions, result 0xRRRRRRRR
 * </pre>
 * N is the guest clock's count of the instructions from the first line's
 * first byte to the second's; R is the kernel's result.
 *
 * @param startLine    the index of the first line in the console output
 * @param reportLine   the index of the second
 * @param instructions N
 * @param result       R, as printed
 */
public record StopwatchReport(int startLine, int reportLine, long instructions, String result) {

    static final String START = "# bench: started";
    private static final Pattern REPORT = Pattern.compile("# bench: (\\d+) instructions, result (0x[0-9a-f]{8})");

    /** The stopwatch's lines in a console output, if it has a start line with a report after it. */
    public static Optional<StopwatchReport> find(String console) {
        List<String> lines = console.lines().toList();
        int start = lines.indexOf(START);
        if (start < 0) {
            return Optional.empty();
        }
        for (int i = start + 1; i < lines.size(); i++) {
            Matcher report = REPORT.matcher(lines.get(i));
            if (report.matches()) {
                return Optional.of(new StopwatchReport(start, i, Long.parseLong(report.group(1)), report.group(2)));
            }
        }
        return Optional.empty();
    }
}
