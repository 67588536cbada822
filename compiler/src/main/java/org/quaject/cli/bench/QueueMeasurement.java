package org.quaject.cli.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One measurement of bench/queues.qj ({@code qj bench queues}): N lock-free
 * operations between the two stopwatch lines, after the line
 * {@code # queues: OPERATION, N ops}.
 *
 * @param operation    what was timed: {@code loop}, {@code put mpmc}, {@code push contended}...
 * @param ops          N
 * @param instructions what the runner's machine counted from the first stopwatch line's first byte to the second's
 */
public record QueueMeasurement(String operation, long ops, long instructions) {

    private static final Pattern LINE = Pattern.compile("# queues: ([a-z ]+), (\\d+) ops");

    /** Every measurement of a run on an engine that counts instructions, in order. */
    public static List<QueueMeasurement> parse(BenchRun run) throws BenchFailure {
        return Measurements.parse(run, "queues", LINE, (line, instructions, result) -> new QueueMeasurement(
                line.group(1), Long.parseLong(line.group(2)), instructions));
    }
}
