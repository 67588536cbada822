package org.quaject.runner.device;

import org.quaject.runner.QemuEngine;

/**
 * Guest time, deterministic: it advances only with executed instructions,
 * {@code 2^shift} ns each, the rule of {@code qemu -icount shift=N,sleep=off
 * -rtc clock=vm}. The shift is {@link QemuEngine#ICOUNT_SHIFT}, so that the
 * runner and QEMU show a guest the same time.
 *
 * <p>Checked on this machine against QEMU 7.2 (RTC started at 0 with
 * {@code -rtc base=1970-01-01T00:00:00}):
 * <ul>
 * <li>A device access sees the time after the instruction making it: the
 *     image's first instruction reads TIME_LOW as 128 ns, its third as 384.
 *     So the machine counts an instruction before its device accesses run.
 * <li>A timer is due after the first instruction that brings the time to or
 *     past its deadline (deadline 2048 ns: after instruction 16; 2049: after
 *     17), and its interrupt is taken before the next instruction. Taking an
 *     interrupt is not an instruction.
 * <li>A CPU stopped by STOP with no interrupt to wake it does not wait:
 *     with {@code sleep=off} QEMU moves the time straight to the next timer's
 *     deadline, to the nanosecond, even between multiples of {@code 2^shift}
 *     ({@link #idleUntil}). From there time again grows by {@code 2^shift}
 *     per instruction.
 * </ul>
 */
public final class VirtualClock {
    /** Guest time grows by {@code 2^SHIFT} ns per instruction. */
    public static final int SHIFT = QemuEngine.ICOUNT_SHIFT;

    private long instructions;
    /** Time added by {@link #idleUntil}: QEMU's icount bias. */
    private long idleNanos;

    /** A clock at time 0, no instruction executed. */
    public VirtualClock() {
    }

    /** Instructions executed so far. */
    public long instructions() {
        return instructions;
    }

    /** Guest time now, in nanoseconds. */
    public long nanos() {
        return idleNanos + (instructions << SHIFT);
    }

    /** Counts {@code count} more executed instructions. */
    public void advance(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot execute a negative number of instructions: " + count);
        }
        instructions += count;
    }

    /**
     * How many more instructions bring the time to {@code nanos} or past it:
     * run exactly that many, and whatever is due at {@code nanos} is due now.
     * 0 when that time has come already.
     */
    public long instructionsUntil(long nanos) {
        long now = nanos();
        return nanos <= now ? 0 : ((nanos - now - 1) >> SHIFT) + 1;
    }

    /** The time {@code count} more instructions from now: what is due then is due after exactly that many. */
    public long nanosAfter(long count) {
        return nanos() + (count << SHIFT);
    }

    /**
     * Moves the time to {@code nanos} without executing anything: what QEMU
     * does with {@code sleep=off} while the CPU is stopped and a timer is due
     * at {@code nanos}. Time never goes back.
     */
    public void idleUntil(long nanos) {
        long now = nanos();
        if (nanos < now) {
            throw new IllegalArgumentException("time " + nanos + " ns has passed (now " + now + " ns)");
        }
        idleNanos += nanos - now;
    }
}
