package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Behaviour of Unicorn 2.0.1 itself that this package's design rests on,
 * checked on the raw bindings. If one of these starts failing, the library
 * changed and the design note it cites may no longer hold.
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

    /** Why {@link NativeHooks} exists: uc_emu_start's instruction count cuts blocks without saving the flags' state. */
    @Test
    void unicornsInstructionLimitLosesConditionCodesInsideABlock() {
        assertEquals(0, d0AfterCuttingAfter(0), "uncut, beq is taken");
        assertEquals(1, d0AfterCuttingAfter(3), "cut between cmp and beq, beq falls through");
    }

    private static int d0AfterCuttingAfter(int instructions) {
        Unicorn.requireLoaded();
        long[] handle = new long[1];
        Unicorn.check(Unicorn.uc_open(Unicorn.UC_ARCH_M68K, Unicorn.UC_MODE_BIG_ENDIAN, handle), "open");
        long uc = handle[0];
        try {
            Unicorn.check(Unicorn.uc_ctl(uc, Unicorn.CTL_SET_CPU_MODEL, Unicorn.UC_CPU_M68K_M68030), "model");
            Unicorn.InterruptCallback ignore = (engine, intno, data) -> { };
            Unicorn.check(Unicorn.uc_hook_add(uc, handle, Unicorn.UC_HOOK_INTR, ignore, 0, 1, 0), "hook");
            Unicorn.check(Unicorn.uc_mem_map(uc, 0, 0x2000, Unicorn.UC_PROT_ALL), "map");
            Unicorn.check(Unicorn.uc_mem_write(uc, CODE, CMP_THEN_BEQ, CMP_THEN_BEQ.length), "write");
            // Writing SR gives QEMU a defined flag state; an engine that never had it aborts on the first branch.
            Unicorn.check(Unicorn.uc_reg_write(uc, Unicorn.UC_M68K_REG_SR, new int[] {0x2700}), "SR");
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
