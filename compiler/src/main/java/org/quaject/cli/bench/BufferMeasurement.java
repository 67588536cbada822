package org.quaject.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measurement of bench/buffers.qj ({@code qj bench buffers}): puts into
 * one buffer between the two stopwatch lines (bench/stopwatch.qj), after a
 * line that says what was measured:
 * <pre>
 * # buffers: KIND, capacity C, N puts
 * # bench: started
 * # bench: ... instructions, result 0xRRRRRRRR
 * </pre>
 * The result is the number of bytes the buffer flushed during the puts.
 *
 * @param kind         synthesized, conventional, or loop (the same loop with no call)
 * @param capacity     the buffer's capacity in bytes (0 for the loop)
 * @param puts         N
 * @param instructions what the runner's machine counted from the first stopwatch line's first byte to the second's
 * @param flushedBytes the result
 */
public record BufferMeasurement(String kind, long capacity, long puts, long instructions, long flushedBytes) {

    private static final Pattern LINE = Pattern.compile("# buffers: (\\w+), capacity (\\d+), (\\d+) puts");

    /** Every measurement of a run on an engine that counts instructions, in order. */
    public static List<BufferMeasurement> parse(BenchRun run) throws BenchFailure {
        List<String> lines = run.console().lines().toList();
        List<BufferMeasurement> measurements = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher line = LINE.matcher(lines.get(i));
            if (line.matches()) {
                measurements.add(measurement(run, lines, i, line));
            }
        }
        if (measurements.isEmpty()) {
            throw new BenchFailure("the buffers kernel printed no measurement; it printed:\n" + run.console());
        }
        return measurements;
    }

    private static BufferMeasurement measurement(BenchRun run, List<String> lines, int at, Matcher line)
            throws BenchFailure {
        String after = String.join("\n", lines.subList(at + 1, lines.size())) + "\n";
        StopwatchReport report = StopwatchReport.find(after)
                .filter(r -> r.startLine() == 0 && r.reportLine() == 1)
                .orElseThrow(() -> new BenchFailure("no stopwatch lines right after \"" + lines.get(at) + "\""));
        long instructions = instructionsAt(run, at + 2) - instructionsAt(run, at + 1);
        return new BufferMeasurement(line.group(1), Long.parseLong(line.group(2)), Long.parseLong(line.group(3)),
                instructions, Long.parseLong(report.result().substring("0x".length()), 16));
    }

    private static long instructionsAt(BenchRun run, int line) throws BenchFailure {
        if (line >= run.lineStarts().size()) {
            throw new BenchFailure("console line " + line + " of the buffers kernel was never seen arriving");
        }
        return run.lineStarts().get(line).instructions()
                .orElseThrow(() -> new BenchFailure("the engine did not count the instructions"));
    }
}
