package org.quaject.runner.board;

import java.util.SplittableRandom;

/**
 * The preemption stress mode's alarm times: every alarm the guest arms, on
 * either RTC, fires after a pseudo-random number of instructions drawn
 * uniformly from 1 to a gap, whatever time the guest asked for. One seeded
 * stream serves the whole board, in the order the guest arms its alarms, so
 * the same image and seed give the same interrupt points every run.
 */
public final class PreemptiveAlarms {
    private final SplittableRandom random;
    private final int gap;

    /** Alarms drawn from the stream of {@code seed}, at most {@code gap} instructions away (gap at least 1). */
    public PreemptiveAlarms(long seed, int gap) {
        if (gap < 1) {
            throw new IllegalArgumentException("the preemption gap must be at least 1 instruction, not " + gap);
        }
        this.random = new SplittableRandom(seed);
        this.gap = gap;
    }

    /** Instructions from the one arming an alarm to the one after which it fires: 1 to the gap. */
    long nextDelay() {
        return 1 + random.nextInt(gap);
    }
}
