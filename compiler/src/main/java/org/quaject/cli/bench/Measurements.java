package org.quaject.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurements a bench kernel prints: a line that says what was measured,
 * then the stopwatch's two lines (bench/stopwatch.qj), on an engine that counts
 * instructions:
 * <pre>
 * # KERNEL: WHAT
 * # bench: started
 * # bench: ... instructions, result 0xRRRRRRRR
 * </pre>
 */
final class Measurements {

    private Measurements() {
    }

    /** Makes one measurement of a line, the instructions between the stopwatch lines, and the result. */
    interface Factory<T> {
        T measurement(Matcher line, long instructions, long result);
    }

    /** Every measurement of a run, in order: a line that matches {@code line}, then the stopwatch's. */
    static <T> List<T> parse(BenchRun run, String kernel, Pattern line, Factory<T> factory) throws BenchFailure {
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
                long instructions = instructionsAt(run, kernel, i + 2) - instructionsAt(run, kernel, i + 1);
                measurements.add(factory.measurement(matched, instructions,
                        Long.parseLong(report.result().substring("0x".length()), 16)));
            }
        }
        if (measurements.isEmpty()) {
            throw new BenchFailure("the " + kernel + " kernel printed no measurement; it printed:\n" + run.console());
        }
        return measurements;
    }

    private static long instructionsAt(BenchRun run, String kernel, int line) throws BenchFailure {
        if (line >= run.lineStarts().size()) {
            throw new BenchFailure("console line " + line + " of the " + kernel + " kernel was never seen arriving");
        }
        return run.lineStarts().get(line).instructions()
                .orElseThrow(() -> new BenchFailure("the engine did not count the instructions"));
    }
}
