package org.quaject.runner.junit;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one call that runs the guest may go on: at most this many
 * instructions and this much wall-clock time, whichever runs out first.
 * Every such call gets the whole budget again.
 *
 * <p>Instructions are the deterministic measure (the guest's clock advances
 * 128 ns per instruction, as with QEMU's {@code -icount shift=7}), so the same
 * image and input stop at the same point every time; the wall-clock limit
 * only keeps a slow or stuck host from hanging a test suite.
 *
 * @param instructions at most this many instructions, a positive number
 * @param time         at most this much wall-clock time, positive
 */
public record Budget(long instructions, Duration time) {

    /**
     * A hundred million instructions (12.8 s of guest time) and the 60 s of
     * wall time {@code qj test} gives an image. The instructions normally run
     * out first, so that a run that fails fails at the same point every time:
     * even a guest that does nothing but poll a device register (every access
     * leaves the CPU core for the Java board, the slowest thing a guest can
     * do on the runner) gets through them well within the time.
     */
    public static final Budget DEFAULT = new Budget(100_000_000L, Duration.ofSeconds(60));

    public Budget {
        Objects.requireNonNull(time, "time");
        if (instructions <= 0) {
            throw new IllegalArgumentException("an instruction budget must be positive, not " + instructions);
        }
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("a time budget must be positive, not " + time);
        }
    }

    /** At most {@code count} instructions, and the default wall-clock time. */
    public static Budget ofInstructions(long count) {
        return new Budget(count, DEFAULT.time);
    }

    @Override
    public String toString() {
        return instructions + " instructions or " + time.toMillis() / 1000.0 + " s";
    }
}
