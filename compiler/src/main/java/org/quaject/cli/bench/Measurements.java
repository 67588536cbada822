package org.quaject.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurements a bench kernel prints: a line that says what was measured,
 * then the stopwatch's two lines (bench/stopwatch.qj):
 * <pre>
 * # KERNEL: WHAT
 * # bench: started
 * # bench: ... instructions, result 0xRRRRRRRR
 * </pre>
 * {@link #parse} takes the instructions between the two lines from an engine
 * that counts them; {@link #parseCounted} from any engine, where it counts or
 * else from the guest clock; {@link #parseTimed} gives the lines' times too.
 */
final class Measurements {

    private Measurements() {
    }

    /** Makes one measurement of a line, the instructions between the stopwatch lines, and the result. */
    interface Factory<T> {
        T measurement(Matcher line, long instructions, long result);
    }

    /**
     * Makes one measurement of a line, the stopwatch's report (its count is
     * the guest clock's), and when its two lines began on the host (and, on
     * an engine that counts, at which instruction).
     */
    interface TimedFactory<T> {
        T measurement(Matcher line, StopwatchReport report, ConsoleWatch.LineStart start, ConsoleWatch.LineStart end)
                throws BenchFailure;
    }

    /** Every measurement of a run, in order: a line that matches {@code line}, then the stopwatch's. */
    static <T> List<T> parse(BenchRun run, String kernel, Pattern line, Factory<T> factory) throws BenchFailure {
        return parseTimed(run, kernel, line, (matched, report, start, end) -> factory.measurement(matched,
                counted(end) - counted(start), result(report)));
    }

    /**
     * The same on any engine: the machine's count where the engine counts,
     * else the guest clock's, which the stopwatch reports ({@link #instructions}).
     */
    static <T> List<T> parseCounted(BenchRun run, String kernel, Pattern line, Factory<T> factory)
            throws BenchFailure {
        return parseTimed(run, kernel, line, (matched, report, start, end) -> factory.measurement(matched,
                instructions(report, start, end), result(report)));
    }

    /** The kernel's result, which the report prints in hexadecimal. */
    private static long result(StopwatchReport report) {
        return Long.parseLong(report.result().substring("0x".length()), 16);
    }

    /**
     * The instructions between the stopwatch's two lines: the machine's count
     * where the engine counts them, else the guest clock's, as the stopwatch
     * reports it (on QEMU, -icount's count).
     */
    static long instructions(StopwatchReport report, ConsoleWatch.LineStart start, ConsoleWatch.LineStart end) {
        return start.instructions().isPresent() && end.instructions().isPresent()
                ? end.instructions().getAsLong() - start.instructions().getAsLong() : report.instructions();
    }

    /**
     * The same on any engine: each measurement gets the stopwatch's report
     * and its lines' starts rather than the machine's count.
     */
    static <T> List<T> parseTimed(BenchRun run, String kernel, Pattern line, TimedFactory<T> factory)
            throws BenchFailure {
        List<String> lines = run.console().lines().toList();
        List<T> measurements = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher matched = line.matcher(lines.get(i));
            if (matched.matches()) {
                String after = String.join("\n", lines.subList(i + 1, lines.size())) + "\n";
                String what = lines.get(i);
                StopwatchReport report = StopwatchReport.find(after)
                        .filter(r -> r.startLine() == 0 && r.reportLine() == 1)
                        .orElseThrow(() -> new BenchFailure("no stopwatch lines right after \"" + what + "\""));
                measurements.add(factory.measurement(matched, report, lineStart(run, kernel, i + 1),
                        lineStart(run, kernel, i + 2)));
            }
        }
        if (measurements.isEmpty()) {
            throw new BenchFailure("the " + kernel + " kernel printed no measurement; it printed:\n" + run.console());
        }
        return measurements;
    }

    private static ConsoleWatch.LineStart lineStart(BenchRun run, String kernel, int line) throws BenchFailure {
        if (line >= run.lineStarts().size()) {
            throw new BenchFailure("console line " + line + " of the " + kernel + " kernel was never seen arriving");
        }
        return run.lineStarts().get(line);
    }

    /** The machine's count at a line start, on an engine that counts. */
    private static long counted(ConsoleWatch.LineStart start) throws BenchFailure {
        return start.instructions().orElseThrow(() -> new BenchFailure("the engine did not count the instructions"));
    }
}
