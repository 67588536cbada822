package org.quaject.runner.cpu;

/** Why {@link Cpu#run} returned. */
public enum StopReason {
    /** The requested number of instructions ran. */
    COUNT_REACHED,
    /** The guest executed STOP: PC is past it and SR holds its operand; the CPU waits for an interrupt. */
    STOP_INSTRUCTION,
    /** {@link Cpu#requestStop()} was called, from a callback or another thread. */
    STOP_REQUESTED,
    /** The {@link CasWatch} asked to stop before the CAS or CAS2 at PC, which has not executed. */
    BEFORE_CAS,
    /** PC is at one of the addresses given to {@link Cpu#stopBefore}; the instruction there has not executed. */
    BREAKPOINT,
    /** A data read touched an address that is not mapped (or not readable); see {@link Stop#address()}. */
    READ_FAULT,
    /** A data write touched an address that is not mapped (or not writable); see {@link Stop#address()}. */
    WRITE_FAULT,
    /** An instruction was fetched from an address that is not mapped RAM; see {@link Stop#address()}. */
    FETCH_FAULT,
    /**
     * Unicorn gave up on the instruction at PC (UC_ERR_INSN_INVALID); with the
     * exception hook installed, undecodable opcodes normally arrive as illegal
     * instruction exceptions instead.
     */
    INVALID_INSTRUCTION,
    /**
     * The CPU core crashed in its own code, typically translating guest code
     * it cannot handle (docs/runner.md, "Code the core cannot translate"); PC
     * is where the guest was, {@link Stop#error()} says what the fault was.
     * The CPU cannot run again; close it.
     */
    CORE_CRASHED,
    /** Unicorn reported another error; see {@link Stop#error()}. */
    ERROR
}
