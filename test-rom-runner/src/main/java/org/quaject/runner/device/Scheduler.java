package org.quaject.runner.device;

/**
 * Device events in guest time: what a device does later by itself (an alarm
 * firing, a transfer completing, a byte arriving). An event is due after the
 * first instruction that brings the {@link VirtualClock} to or past its
 * deadline; the machine runs the CPU exactly that far and then runs the
 * event's action, before the next instruction, so a line the action raises
 * interrupts the CPU there, as with QEMU's {@code -icount} timers. A CPU
 * stopped by STOP with nothing to wake it moves the time straight to the
 * next event's deadline.
 *
 * <p>Actions run on the thread that runs the CPU, in deadline order (events
 * of one deadline in the order they were scheduled). An action may schedule
 * more events, even at the current time (they run in the same round), and
 * may throw {@link GuestErrorException} to stop the run.
 */
public interface Scheduler {

    /** A scheduled action, which can be cancelled until it has run. */
    interface Event {
        /** The guest time at which it is due, in ns. */
        long deadline();

        /** Whether it has neither run nor been cancelled. */
        boolean pending();

        /** Makes sure it does not run; nothing happens if it has run or was cancelled already. */
        void cancel();
    }

    /** Runs {@code action} once the guest time reaches {@code nanos}; at once (in this round) if it has. */
    Event at(long nanos, Runnable action);

    /** Runs {@code action} after exactly {@code instructions} more instructions (at least 1). */
    Event afterInstructions(long instructions, Runnable action);
}
