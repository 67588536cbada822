package org.quaject.runner;

/**
 * The runner's stress modes for lock-free code (docs/runner.md, "Stress
 * modes"); runner engine only, as QEMU has no such modes.
 *
 * <p>Preemption: every RTC alarm the guest arms fires after a pseudo-random
 * number of instructions, uniformly 1 to {@code gap}, drawn from one stream
 * seeded with {@code seed}, instead of at the time the guest asked for. The
 * same image and seed give the same run. Contention, on top of it: when a CAS
 * or CAS2 is about to execute while an RTC alarm that would interrupt the
 * CPU is armed, the alarm fires right there, before it (never before the
 * retry of a CAS it made fail), so that the guest's compare-and-swap loops take their retry
 * paths; the run counts what happened ({@link Contention}).
 *
 * <pre>{@code
 * RunRequest request = new RunRequest(image, ram, true, null, out, timeout)
 *         .withPreemption(Preemption.seeded(1).withGap(50).contending());
 * }</pre>
 *
 * @param seed    seeds the stream of alarm delays
 * @param gap     the largest delay, in instructions; at least 1
 * @param contend whether CAS and CAS2 are interrupted as well
 */
public record Preemption(long seed, int gap, boolean contend) {
    /** The gap when none is given: an interrupt at most every 100 instructions. */
    public static final int DEFAULT_GAP = 100;

    public Preemption {
        if (gap < 1) {
            throw new IllegalArgumentException("the preemption gap must be at least 1 instruction, not " + gap);
        }
    }

    /** Preemption from {@code seed} with the {@linkplain #DEFAULT_GAP default gap}, no contention. */
    public static Preemption seeded(long seed) {
        return new Preemption(seed, DEFAULT_GAP, false);
    }

    /** The same with alarms at most {@code instructions} apart. */
    public Preemption withGap(int instructions) {
        return new Preemption(seed, instructions, contend);
    }

    /** The same with CAS and CAS2 interrupted too. */
    public Preemption contending() {
        return new Preemption(seed, gap, true);
    }
}
