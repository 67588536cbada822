package org.quaject.cli.bench;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measurement of bench/threads.qj ({@code qj bench threads}): what ran
 * between the two stopwatch lines after the line
 * {@code # threads: NAME}. The kernel says {@code # threads: error: WHAT}
 * instead, and exits, if an operation it needs failed.
 *
 * @param name         what was timed: {@code nothing}, {@code yield}, {@code destroy}...
 * @param instructions the instructions from the first stopwatch line's first byte to the second's:
 *                     the machine's count on an engine that counts, else the guest clock's
 * @param result       the kernel's result in the report: the operation's d0 where it has one
 */
public record ThreadMeasurement(String name, long instructions, long result) {

    static final String KERNEL = "threads";
    private static final Pattern LINE = Pattern.compile("# threads: ([a-z][a-z ]*)");
    private static final Pattern ERROR = Pattern.compile("# threads: error: (.*)");

    /** Every measurement of a run on any engine, in order; fails if the kernel said an operation failed. */
    public static List<ThreadMeasurement> parse(BenchRun run) throws BenchFailure {
        Optional<String> error = run.console().lines().map(ERROR::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).findFirst();
        if (error.isPresent()) {
            throw new BenchFailure("the threads kernel stopped: " + error.get());
        }
        return Measurements.parseCounted(run, KERNEL, LINE, (line, instructions, result) -> new ThreadMeasurement(
                line.group(1), instructions, result));
    }
}
