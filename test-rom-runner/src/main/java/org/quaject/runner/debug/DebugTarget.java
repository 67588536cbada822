package org.quaject.runner.debug;

import java.io.IOException;
import java.util.Optional;

/**
 * What the {@link GdbStub} debugs: registers in gdb's m68k numbering
 * ({@link M68kTargetDescription}), memory, breakpoints, and runs that end
 * with a {@link TargetStop}. Runs may be interrupted: they call
 * {@link Interruption#requested()} now and then.
 */
public interface DebugTarget {

    /** Asked by a running target whether gdb sent Ctrl-C. */
    @FunctionalInterface
    interface Interruption {
        boolean requested() throws IOException;
    }

    /** A register by gdb's number, 0 to {@link M68kTargetDescription#COUNT} - 1. */
    int register(int number);

    void setRegister(int number, int value);

    /** Reads guest RAM; empty if any byte of the range is not RAM (device registers are never read for gdb). */
    Optional<byte[]> readMemory(long address, int length);

    /** Writes guest RAM; false, writing nothing, if any byte of the range is not RAM. */
    boolean writeMemory(long address, byte[] bytes);

    /** Stops runs before the instruction at {@code address} executes. */
    void insertBreakpoint(long address);

    void removeBreakpoint(long address);

    /** Executes one instruction (taking a pending interrupt first, as the CPU does). */
    TargetStop step();

    /** Runs until a breakpoint, the guest's end, a crash or an interruption. */
    TargetStop resume(Interruption interruption) throws IOException;

    /** Goes back to the state before the last instruction executed. */
    TargetStop reverseStep();

    /** Goes back to the last breakpoint hit before now, or to the boot. */
    TargetStop reverseResume(Interruption interruption) throws IOException;
}
