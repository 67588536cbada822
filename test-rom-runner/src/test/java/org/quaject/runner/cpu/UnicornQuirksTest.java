package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Behaviour of Unicorn itself that this package's design rests on, checked on
 * the raw bindings, for the core this run uses (Unicorn 2.0.1 or 2.1.4,
 * {@link CpuCore}). If one of these starts failing, the library changed and
 * the design note it cites may no longer hold.
 */
class UnicornQuirksTest {
    /**
     * moveq #-1,d1; moveq #0,d0; cmp.l d1,d1; beq.s +2; moveq #1,d0; stop #$2700.
     * The beq is taken, so d0 ends 0.
     */
    private static final byte[] CMP_THEN_BEQ = {
        0x72, (byte) 0xff, 0x70, 0x00, (byte) 0xb2, (byte) 0x81, 0x67, 0x02, 0x70, 0x01, 0x4e, 0x72, 0x27, 0x00,
    };
    private static final long CODE = 0x1000;

    /**
     * moveq #5,d0; moveq #5,d1; cmp.l d1,d0; bra.w +2; beq.s +2; moveq #1,d7; stop #$2700.
     * The bra ends a translation block, and the beq is taken, so d7 ends 0.
     */
    private static final byte[] CMP_BRA_BEQ = {
        0x70, 0x05, 0x72, 0x05, (byte) 0xb0, (byte) 0x81, 0x60, 0x00, 0x00, 0x02, 0x67, 0x02, 0x7e, 0x01,
        0x4e, 0x72, 0x27, 0x00,
    };
    private static final long BEQ = CODE + 10;

    /**
     * Why {@link NativeHooks} exists: in Unicorn 2.0.1 uc_emu_start's
     * instruction count cuts blocks without saving the flags' state. Unicorn
     * 2.1.4 saves it.
     */
    @Test
    void unicornsInstructionLimitInsideABlockKeepsTheConditionCodesFrom21On() {
        assertEquals(0, d0AfterCuttingAfter(0), "uncut, beq is taken");
        assertEquals(isUnicorn20() ? 1 : 0, d0AfterCuttingAfter(3), "cut between cmp and beq");
    }

    /**
     * Why {@link CpuContext} reads SR: in Unicorn 2.1.4 uc_reg_read of SR
     * marks the lazy flags as evaluated without evaluating them, so a branch
     * after a CMP goes the wrong way; in 2.0.1 the read is harmless.
     */
    @Test
    void readingSrWithUcRegReadLosesTheConditionCodesIn21() {
        assertEquals(0, d7AfterStoppingAtTheBeq(false), "not read, beq is taken");
        assertEquals(isUnicorn20() ? 0 : 1, d7AfterStoppingAtTheBeq(true), "SR read before the beq");
    }

    private static boolean isUnicorn20() {
        return CpuCore.loaded().version().startsWith("2.0.");
    }

    private static int d7AfterStoppingAtTheBeq(boolean readSr) {
        long uc = engineWith(CMP_BRA_BEQ);
        try {
            // Without exits in use, uc_emu_start stops at its until address, here a block boundary.
            Unicorn.check(Unicorn.uc_emu_start(uc, CODE, BEQ, 0, 0), "to the beq");
            if (readSr) {
                Unicorn.check(Unicorn.uc_reg_read(uc, Unicorn.UC_M68K_REG_SR, new int[1]), "SR");
            }
            Unicorn.check(Unicorn.uc_emu_start(uc, BEQ, 0, 0, 100), "rest");
            int[] d7 = new int[1];
            Unicorn.check(Unicorn.uc_reg_read(uc, Unicorn.UC_M68K_REG_D0 + 7, d7), "D7");
            return d7[0];
        } finally {
            Unicorn.uc_close(uc);
        }
    }

    /** A 68030 engine with {@code code} at {@link #CODE}, SR 0x2700 and an exception hook that ignores all. */
    private static long engineWith(byte[] code) {
        Unicorn.requireLoaded();
        long[] handle = new long[1];
        Unicorn.check(Unicorn.uc_open(Unicorn.UC_ARCH_M68K, Unicorn.UC_MODE_BIG_ENDIAN, handle), "open");
        long uc = handle[0];
        Unicorn.check(Unicorn.uc_ctl(uc, Unicorn.CTL_SET_CPU_MODEL, Unicorn.UC_CPU_M68K_M68030), "model");
        Unicorn.check(Unicorn.uc_hook_add(uc, handle, Unicorn.UC_HOOK_INTR, IGNORE, 0, 1, 0), "hook");
        Unicorn.check(Unicorn.uc_mem_map(uc, 0, 0x2000, Unicorn.UC_PROT_ALL), "map");
        Unicorn.check(Unicorn.uc_mem_write(uc, CODE, code, code.length), "write");
        // Writing SR gives QEMU a defined flag state; an engine that never had it aborts on the first branch.
        Unicorn.check(Unicorn.uc_reg_write(uc, Unicorn.UC_M68K_REG_SR, new int[] {0x2700}), "SR");
        return uc;
    }

    /** Kept in a field: native code holds only its address. */
    private static final Unicorn.InterruptCallback IGNORE = (engine, intno, data) -> { };

    private static int d0AfterCuttingAfter(int instructions) {
        long uc = engineWith(CMP_THEN_BEQ);
        try {
            long start = CODE;
            if (instructions > 0) {
                Unicorn.check(Unicorn.uc_emu_start(uc, CODE, 0, 0, instructions), "first part");
                int[] pc = new int[1];
                Unicorn.check(Unicorn.uc_reg_read(uc, Unicorn.UC_M68K_REG_PC, pc), "PC");
                start = pc[0];
            }
            Unicorn.check(Unicorn.uc_emu_start(uc, start, 0, 0, 100), "rest");
            int[] d0 = new int[1];
            Unicorn.check(Unicorn.uc_reg_read(uc, Unicorn.UC_M68K_REG_D0, d0), "D0");
            return d0[0];
        } finally {
            Unicorn.uc_close(uc);
        }
    }
}
