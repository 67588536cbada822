package org.quaject.runner.cpu;

import java.util.function.LongConsumer;

/**
 * Guest instructions the CPU core must never translate: on these, QEMU's m68k
 * translator, and so Unicorn's (2.0.1 and 2.1.4 alike), crashes the whole
 * process instead of raising an exception. The runner makes each one's
 * address a standing exit, so that no translation reaches it, and takes it
 * itself as an unimplemented coprocessor instruction (line F, vector 11).
 *
 * <p>The ones known: the FPU's conditional instructions (coprocessor 1) with a
 * condition predicate from 0x20 to 0x3f, which the MC68881/MC68882 do not
 * define (MC68881/MC68882 User's Manual, conditional test definitions):
 * FBcc, opcode 0xf280-0xf2ff with the predicate in its low six bits, and
 * FScc, FDBcc and FTRAPcc, opcode 0xf240-0xf27f with the predicate in the
 * low six bits of the next word. QEMU's condition decoder (gen_fcc_cond in
 * target/m68k/translate.c) has no case for them and leaves the comparison
 * it builds unset, which the optimizer then follows (tcg_optimize).
 */
final class UntranslatableCode {
    private static final int FBCC = 0xf280;
    private static final int FBCC_MASK = 0xff80;
    private static final int FSCC = 0xf240;
    private static final int FSCC_MASK = 0xffc0;
    /** The first byte of every opcode above: line F, coprocessor 1. */
    private static final byte COPROCESSOR_1_FIRST_BYTE = (byte) 0xf2;
    /** Predicates 0x20-0x3f: bit 5 of the six-bit field. */
    private static final int UNDEFINED_PREDICATE = 0x20;

    private UntranslatableCode() {
    }

    /** Whether an instruction the core cannot translate starts at {@code address} (any address in RAM). */
    static boolean startsAt(NativeRam ram, long address) {
        return length(ram, address) > 0;
    }

    /**
     * Reports every even address where such an instruction starts that the
     * write of {@code [start, end)} made or completed: in the written bytes,
     * or two bytes before them if the written word is its second.
     */
    static void scan(NativeRam ram, long start, long end, LongConsumer found) {
        long from = Math.max((start - 2) & ~1L, ram.base());
        long to = Math.min(end, ram.base() + ram.size());
        if (to - from < 2) {
            return;
        }
        // One copy out of guest memory, then a look at each opcode's first byte: every instruction
        // here starts with 0xf2, so a device's 64 KiB DMA costs microseconds, not a read per word.
        byte[] bytes = new byte[(int) (to - from)];
        ram.read(from, bytes, 0, bytes.length);
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            if (bytes[i] != COPROCESSOR_1_FIRST_BYTE) {
                continue;
            }
            long address = from + i;
            int length = length(ram, address);
            if (length > 0 && address + length > start) {
                found.accept(address);
            }
        }
    }

    /** The length in bytes of the instruction the core cannot translate at {@code address}, or 0 if there is none. */
    private static int length(NativeRam ram, long address) {
        if ((address & 1) != 0 || !ram.contains(address, 2)) {
            return 0;
        }
        int opcode = ram.read16(address);
        if ((opcode & FBCC_MASK) == FBCC) {
            return (opcode & UNDEFINED_PREDICATE) != 0 ? 2 : 0;
        }
        boolean secondWord = (opcode & FSCC_MASK) == FSCC && ram.contains(address + 2, 2)
                && (ram.read16(address + 2) & UNDEFINED_PREDICATE) != 0;
        return secondWord ? 4 : 0;
    }
}
