package org.quaject.runner;

/**
 * How far a run on an engine that counts instructions has got, told between
 * slices of guest execution (at most a million instructions apart, and while
 * the CPU waits in STOP), so that a long run can show it is moving.
 */
@FunctionalInterface
public interface RunProgress {

    /** Listens to nothing. */
    RunProgress NONE = (instructions, guestNanos) -> { };

    /**
     * @param instructions instructions the guest has executed since boot
     * @param guestNanos   guest time since boot, in nanoseconds of the board's virtual clock
     */
    void ranSoFar(long instructions, long guestNanos);
}
