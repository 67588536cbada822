package org.quaject.runner.cpu;

/**
 * Receives every guest exception, because the CPU core does not process
 * exceptions itself: it neither stacks a frame nor fetches a vector. The
 * handler does that work (MC68030 User's Manual, section 8) through the
 * {@link Cpu}: it may read and write registers and guest memory, and set PC,
 * where the run then continues; or call {@link Cpu#requestStop()}.
 *
 * <p>What arrives, as Unicorn 2.0.1 reports it (checked by this package's
 * tests): TRAP #n as vector 32 + n, illegal instruction (4), line 1010 (10),
 * line 1111 (11), privilege violation (8) and zero divide (5), each with PC at
 * the instruction that raised it; CHK (6) with PC at the next instruction; RTE
 * as {@link #RTE} with PC at the RTE. The 68030 stacks the next instruction's
 * address for TRAP and zero divide, so the handler adds the instruction's
 * length (2 for TRAP). The core decodes TRAPV as an illegal instruction.
 * If the handler leaves PC alone, the CPU continues at PC, so an instruction
 * reported at its own address runs again.
 *
 * <p>Called on the thread running the CPU; an exception thrown here stops the
 * run, and {@link Cpu#run} rethrows it.
 */
@FunctionalInterface
public interface ExceptionHandler {
    /** The number Unicorn reports for RTE, which it also leaves to the handler (QEMU's EXCP_RTE, target/m68k/cpu.h). */
    int RTE = 0x100;

    /** @param intno the exception vector number, or {@link #RTE} */
    void onException(int intno);
}
