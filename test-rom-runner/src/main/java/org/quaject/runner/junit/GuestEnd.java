package org.quaject.runner.junit;

import java.util.Objects;
import java.util.OptionalInt;
import org.quaject.runner.machine.MachineStop;

/**
 * Where a run of the guest stopped: for good (it halted, panicked or crashed)
 * or for now (a budget ran out, or it waits for an interrupt that only console
 * input could raise).
 *
 * @param stop       how the machine stopped, with the instructions executed since boot
 * @param exitStatus the value of the status line {@code # qj-exit: N}, if the
 *                   console output so far ends with one
 */
public record GuestEnd(MachineStop stop, OptionalInt exitStatus) {

    public GuestEnd {
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(exitStatus, "exitStatus");
    }

    /** The guest asked the board to halt: a normal end. */
    public boolean halted() {
        return stop.kind() == MachineStop.Kind.HALT;
    }

    /** The guest cannot run any more: it halted, panicked or crashed. */
    public boolean isFinal() {
        return isFinal(stop.kind());
    }

    static boolean isFinal(MachineStop.Kind kind) {
        return switch (kind) {
            case HALT, PANIC, CRASH -> true;
            case HUNG, OUT_OF_INSTRUCTIONS, OUT_OF_TIME, STOP_REQUESTED, BREAKPOINT -> false;
        };
    }

    /** What happened, for messages: e.g. {@code the guest halted with exit status 0 (1234 instructions executed since boot)}. */
    @Override
    public String toString() {
        String what = halted() ? "the guest halted " + (exitStatus.isPresent()
                ? "with exit status " + exitStatus.getAsInt()
                : "without a status line") : stop.detail();
        return what + " (" + stop.instructions() + " instructions executed since boot)";
    }
}
