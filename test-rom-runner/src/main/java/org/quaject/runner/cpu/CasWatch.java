package org.quaject.runner.cpu;

/**
 * Sees every CAS and CAS2 the guest executes ({@link Cpu#watchCompareAndSwap}),
 * just before it and just after it, and may end the run in between the
 * guest's last instruction and the CAS: where an interrupt lands between a
 * lock-free loop's read of a word and its compare-and-swap of it.
 */
public interface CasWatch {
    /**
     * The CAS or CAS2 at {@code pc} is about to execute.
     *
     * @param sp the active stack pointer (A7): with {@code pc}, which execution of the code this is
     * @param sr the status register at that point (its mask says which interrupts could be taken)
     * @return true to end the run before it ({@link StopReason#BEFORE_CAS}); when the guest comes back to
     *         it, this is asked again
     */
    boolean stopBefore(long pc, int sp, int sr);

    /**
     * The CAS or CAS2 at {@code pc} executed.
     *
     * @param sp      the active stack pointer before it executed
     * @param swapped whether it wrote its update operands: Z set after it (MC68030 UM, CAS and CAS2)
     */
    void executed(long pc, int sp, boolean swapped);
}
