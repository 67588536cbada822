package org.quaject.runner.cpu;

import java.util.Set;

/**
 * An MC68030 that runs guest code in guest memory and hands everything else to
 * its owner: exceptions to an {@link ExceptionHandler}, device registers to
 * {@link MmioHandler}s. This is all the runner sees of the CPU core.
 *
 * <p>A new CPU is in supervisor mode with interrupts masked (SR = 0x2700),
 * every other register 0, and nothing mapped. Use it from one thread; only
 * {@link #requestStop()} may be called from another.
 */
public interface Cpu extends AutoCloseable {
    /**
     * Reads a register. Allowed between runs and in callbacks, except that an
     * {@link MmioHandler}, called in the middle of an instruction, may not read
     * SR (its condition codes are not up to date there) or USP, ISP and MSP
     * (reaching a stack pointer that is not A7 switches modes for a moment).
     */
    int get(Register register);

    /** Writes a register; allowed between runs and in the {@link ExceptionHandler}, not in an {@link MmioHandler}. */
    void set(Register register, int value);

    /**
     * Maps {@code size} bytes of zeroed RAM at guest {@code address}, readable,
     * writable and executable. Both must be multiples of 4 KB, the size at most
     * 2 GB less 4 KB, and the range must not overlap anything mapped.
     */
    NativeRam mapRam(long address, long size);

    /** Maps device registers at guest {@code address}; both {@code address} and {@code size} multiples of 4 KB. */
    void mapMmio(long address, long size, MmioHandler handler);

    /**
     * Maps device registers as {@link #mapMmio} does, with a count of guest
     * time at {@code lowOffset} and {@code highOffset} that the core reads by
     * itself ({@link ClockRegisters}).
     *
     * @param shift               the count grows by {@code 2^shift} per instruction
     * @param deferredWriteOffset a register whose 4-byte writes the core may hold and hand to the
     *                            handler just before its next access, or -1 for none
     */
    ClockRegisters mapMmio(long address, long size, MmioHandler handler, int lowOffset, int highOffset, int shift,
                           int deferredWriteOffset);

    /** Sets who processes guest exceptions; required before the first {@link #run}. */
    void setExceptionHandler(ExceptionHandler handler);

    /**
     * Has every CAS and CAS2 the guest executes from RAM go through
     * {@code watch}, before and after it, from the next run on, including
     * code the guest writes at run time. A run then stops before each CAS,
     * asks the watch, and executes the CAS as a single step: tens of
     * microseconds per CAS; code without CAS runs about as fast as before.
     * Needs exactly one RAM region mapped.
     */
    void watchCompareAndSwap(CasWatch watch);

    /**
     * From the next run on, runs stop before executing an instruction at any
     * of {@code addresses} in RAM ({@link StopReason#BREAKPOINT}), a run that
     * starts at one too, having executed nothing; replaces the addresses
     * given before. An address outside RAM is never stopped at. Code
     * elsewhere runs at full speed: the translator ends its blocks before
     * each address.
     */
    void stopBefore(Set<Long> addresses);

    /**
     * Runs from PC until {@code maxInstructions} instructions have completed,
     * or the guest executes STOP, faults, a stop is requested, or the
     * {@link CasWatch} stops before a CAS, whichever comes first. The instruction count in the result is exact. After any
     * result but a fault, the CPU can simply be run again.
     *
     * @throws RuntimeException whatever a callback threw, after stopping the run
     */
    Stop run(long maxInstructions);

    /**
     * The longest MC68030 instruction in bytes: MOVE with two memory indirect
     * operands, each a brief word plus 32-bit base and outer displacements
     * (MC68030 User's Manual, section 2, extension words).
     */
    int LONGEST_INSTRUCTION = 22;

    /**
     * Runs like {@link #run(long)}, but returns at the first point where an
     * interrupt the SR mask held off could now be let in: right after an
     * instruction that writes SR (a block that may hold one is run one
     * instruction at a time), or, on a CPU that cannot watch for such blocks
     * ahead, where the core next checks for interrupts (the end of its
     * current translation block), whichever comes first. For a guest that runs while an interrupt waits behind its mask:
     * the MC68030 takes the interrupt before the instruction after the one
     * that lowers the mask (MC68030 UM 8.1.10).
     */
    Stop runToInterruptPoint(long maxInstructions);

    /**
     * The instructions the current run has started so far, the running one
     * included: in an {@link MmioHandler}, the count at which the accessing
     * instruction executes, as QEMU's {@code -icount} counts it before the
     * instruction's own device access. Between runs, the count of the last run.
     */
    long instructionsThisRun();

    /**
     * Ends the current run as soon as the instruction being executed has
     * completed and the current translation block (a straight run of guest
     * code, up to the next branch or exception) is done. From an
     * {@link ExceptionHandler} that is before the next instruction. Requests
     * made while no run is in progress apply to the next run, which then
     * returns after at most one block.
     */
    void requestStop();

    /**
     * From an {@link MmioHandler}, in a run started by
     * {@link #runToInterruptPoint}: no interrupt waits behind the mask any
     * more, so the run goes on as one started by {@link #run} would, where
     * this CPU can change that inside a run (else the run still returns at
     * the next interrupt point, which is harmless).
     */
    void cancelInterruptPoints();

    /**
     * Whether this CPU can end a run at any instruction, inside a translation
     * block: then budgets end without single steps, and {@link #limitRun}
     * works. The core must keep the condition codes across such a stop
     * (Unicorn 2.1.4 does, 2.0.1 does not).
     */
    boolean stopsInsideBlocks();

    /**
     * From an {@link MmioHandler}: ends the current run once it has executed
     * {@code instructions} instructions in all, or, if it has already, right
     * after the accessing instruction. Returns false, and changes nothing, if
     * this CPU cannot stop a run inside a translation block; the caller then
     * falls back on {@link #requestStop()}.
     */
    boolean limitRun(long instructions);

    /** Frees the CPU and its memory; afterwards, every use of it or of its {@link NativeRam} throws. */
    @Override
    void close();
}
