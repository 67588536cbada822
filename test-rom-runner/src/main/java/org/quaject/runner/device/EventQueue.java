package org.quaject.runner.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The board's {@link Scheduler}: the pending events of every device, in
 * deadline order. The machine asks {@link #nextDueAt()} to know how far the
 * CPU may run, calls {@link #runDue()} once it is there, and
 * {@link #idleUntilNext()} when the CPU has stopped with nothing to wake it.
 * A board has few events pending at a time (an alarm or two), so a sorted
 * list serves.
 */
public final class EventQueue implements Scheduler {
    private final VirtualClock clock;
    private final List<Entry> pending = new ArrayList<>();
    private long scheduled;

    /** A queue of events timed by {@code clock}. */
    public EventQueue(VirtualClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Event at(long nanos, Runnable action) {
        Entry entry = new Entry(nanos, scheduled++, Objects.requireNonNull(action, "action"));
        int i = pending.size();
        while (i > 0 && pending.get(i - 1).deadline > nanos) {
            i--;
        }
        pending.add(i, entry);
        return entry;
    }

    @Override
    public Event afterInstructions(long instructions, Runnable action) {
        if (instructions < 1) {
            throw new IllegalArgumentException("an event comes at least 1 instruction later, not " + instructions);
        }
        return at(clock.nanosAfter(instructions), action);
    }

    /** The instruction count after which the first pending event is due; empty if none is pending. */
    public OptionalLong nextDueAt() {
        return pending.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(clock.instructions() + clock.instructionsUntil(pending.get(0).deadline));
    }

    /** The deadline of the first pending event, in guest time; empty if none is pending. */
    public OptionalLong nextDeadline() {
        return pending.isEmpty() ? OptionalLong.empty() : OptionalLong.of(pending.get(0).deadline);
    }

    /** Runs every event due at the current time, and those they schedule for it, in deadline order. */
    public void runDue() {
        long now = clock.nanos();
        while (!pending.isEmpty() && pending.get(0).deadline <= now) {
            Entry entry = pending.remove(0);
            entry.done = true;
            entry.action.run();
        }
    }

    /**
     * For a CPU stopped with nothing to wake it: moves the time to the next
     * event's deadline (not back, if it has passed) and runs what is due then.
     *
     * @return false if no event is pending, so that nothing will ever happen
     */
    public boolean idleUntilNext() {
        OptionalLong deadline = nextDeadline();
        if (deadline.isEmpty()) {
            return false;
        }
        clock.idleUntil(Math.max(deadline.getAsLong(), clock.nanos()));
        runDue();
        return true;
    }

    private final class Entry implements Event {
        private final long deadline;
        private final long order;
        private final Runnable action;
        private boolean done;

        Entry(long deadline, long order, Runnable action) {
            this.deadline = deadline;
            this.order = order;
            this.action = action;
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public boolean pending() {
            return !done;
        }

        @Override
        public void cancel() {
            if (!done) {
                done = true;
                pending.remove(this);
            }
        }

        @Override
        public String toString() {
            return "event #" + order + " at " + deadline + " ns";
        }
    }
}
