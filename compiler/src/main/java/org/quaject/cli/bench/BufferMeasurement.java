package org.quaject.cli.bench;

import java.util.List;
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
        return Measurements.parse(run, "buffers", LINE, (line, instructions, flushed) -> new BufferMeasurement(
                line.group(1), Long.parseLong(line.group(2)), Long.parseLong(line.group(3)), instructions, flushed));
    }
}
