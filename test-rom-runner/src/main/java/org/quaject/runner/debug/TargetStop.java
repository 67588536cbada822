package org.quaject.runner.debug;

/**
 * Why the target stopped, as a stop reply tells gdb: with a signal (it can be
 * inspected and run on), or ended with an exit status.
 *
 * @param signal      gdb's signal number (its own numbering, gdb/signals.def), or the exit status when it exited
 * @param exited      whether the guest ended (halted or panicked): gdb's {@code W} reply
 * @param atFirstInstruction whether a reverse run went back to the boot, the start of gdb's "replay log"
 */
public record TargetStop(int signal, boolean exited, boolean atFirstInstruction) {

    /** A breakpoint, a finished step, or the stop at boot. */
    public static final int SIGTRAP = 5;
    /** gdb interrupted the run (Ctrl-C). */
    public static final int SIGINT = 2;
    /** The guest crashed: an unmapped access, a double fault, a core crash. */
    public static final int SIGSEGV = 11;
    /** The guest stopped with nothing that could wake it. */
    public static final int SIGABRT = 6;

    public static TargetStop signal(int signal) {
        return new TargetStop(signal, false, false);
    }

    public static TargetStop exited(int status) {
        return new TargetStop(status, true, false);
    }

    /** A reverse run that reached the boot: gdb says "No more reverse-execution history." */
    public static TargetStop atBoot() {
        return new TargetStop(SIGTRAP, false, true);
    }

    /** The stop reply packet. */
    String reply() {
        if (exited) {
            return String.format("W%02x", signal & 0xff);
        }
        return String.format("T%02x", signal) + (atFirstInstruction ? "replaylog:begin;" : "");
    }
}
