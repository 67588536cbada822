package org.quaject.runner.cpu;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up probe of a fresh engine, run before anything is mapped: finds
 * where the snapshot from {@code uc_context_save} keeps the CPU state and VBR,
 * checks both by round trips through guest instructions, and checks that the
 * condition codes and SR read back from it as written. Any surprise means the library is not
 * the Unicorn 2.0 this package was written against, and fails loudly rather
 * than letting the runner read wrong values.
 *
 * <p>The probe runs in a scratch page at address 0 that is unmapped again
 * afterwards, together with every block translated from it. Running it also
 * gets QEMU past a first-block quirk: until some translation block has
 * completed, QEMU's {@code can_do_io} is clear, so an MMIO access in the very
 * first block is re-translated and its instruction counted twice.
 */
final class Calibration {
    // MC68030 User's Manual, MOVEC and STOP: movec d1,vbr; movec vbr,d2; stop #$2700.
    private static final byte[] PROBE = {
        0x4e, 0x7b, 0x18, 0x01,
        0x4e, 0x7a, 0x28, 0x01,
        0x4e, 0x72, 0x27, 0x00,
    };
    private static final long WRITE_VBR = 0;
    private static final long READ_VBR = 4;
    private static final long SCRATCH = 0;

    /** Code that sets flags, and after how many instructions a run is stopped inside its one block. */
    private record FlagProbe(byte[] code, int stopAfter) {
    }

    private static final long FLAG_PROBE_AT = 0x40;
    // MC68030 User's Manual: moveq, cmp.l, addq.l, movea.l (no flags), beq.s/bcs.s +2, stop #$2700.
    private static final FlagProbe[] FLAG_PROBES = {
        // moveq #-1,d1; moveq #0,d0; cmp.l d1,d1; | beq.s +2; moveq #1,d0; stop
        new FlagProbe(new byte[] {0x72, (byte) 0xff, 0x70, 0x00, (byte) 0xb2, (byte) 0x81, 0x67, 0x02, 0x70, 0x01,
            0x4e, 0x72, 0x27, 0x00}, 3),
        // moveq #5,d1; moveq #5,d2; moveq #0,d0; cmp.l d2,d1; | movea.l d3,a0; beq.s +2; moveq #1,d0; stop
        new FlagProbe(new byte[] {0x72, 0x05, 0x74, 0x05, 0x70, 0x00, (byte) 0xb2, (byte) 0x82, 0x20, 0x43, 0x67, 0x02,
            0x70, 0x01, 0x4e, 0x72, 0x27, 0x00}, 4),
        // moveq #-1,d1; moveq #0,d0; addq.l #1,d1; movea.l d3,a0; | bcs.s +2; moveq #1,d0; stop
        new FlagProbe(new byte[] {0x72, (byte) 0xff, 0x70, 0x00, 0x52, (byte) 0x81, 0x20, 0x43, 0x65, 0x02, 0x70, 0x01,
            0x4e, 0x72, 0x27, 0x00}, 4),
    };

    // Distinct patterns that no other field of a fresh CPU holds.
    private static final int[] STATE_MARKS = {0x13579bdf, 0x2468ace0};
    private static final int[] VBR_MARKS = {0x5a5a0f00, 0x0fa5a500};
    private static final int VBR_CHECK = 0x7e570000;
    private static final int[] CONDITION_CODES = {0x1f, 0x00, 0x15, 0x0a};
    private static final int SUPERVISOR = 0x2700;
    /** Supervisor states with different masks, M bits and condition codes; user mode is left out (it swaps A7). */
    private static final int[] STATUS_REGISTERS = {0x2700, 0x2315, 0x300a, 0x2000, 0x271f};

    private final long uc;
    private final RunGate gate;
    private final Pointer snapshot;
    private final long context;
    private final long contextSize;

    private Calibration(long uc, RunGate gate, long context) {
        this.uc = uc;
        this.gate = gate;
        this.context = context;
        this.snapshot = new Pointer(context);
        this.contextSize = Unicorn.uc_context_size(uc);
    }

    /**
     * Probes the engine and returns its context accessor; the engine's registers are left in a scratch state.
     *
     * @param pending the engine's queued register writes, which the accessor sends before it reads the core
     */
    static CpuContext run(long uc, RunGate gate, RegisterWrites pending) {
        long[] handle = new long[1];
        Unicorn.check(Unicorn.uc_context_alloc(uc, handle), "allocating a CPU context");
        try {
            return new Calibration(uc, gate, handle[0]).probe(pending);
        } catch (RuntimeException e) {
            Unicorn.uc_context_free(handle[0]);
            throw e;
        }
    }

    /** On failure the caller closes the engine, which also drops the probe page. */
    private CpuContext probe(RegisterWrites pending) {
        Unicorn.check(Unicorn.uc_mem_map(uc, SCRATCH, Unicorn.PAGE_SIZE, Unicorn.UC_PROT_ALL), "mapping the probe page");
        Unicorn.check(Unicorn.uc_mem_write(uc, SCRATCH, PROBE, PROBE.length), "writing the probe");
        setRegister(Unicorn.UC_M68K_REG_SR, SUPERVISOR);
        long stateOffset = findStateOffset();
        CpuContext cpuContext = new CpuContext(uc, context, stateOffset, findVbrOffset(stateOffset), pending);
        checkVbrWrite(cpuContext);
        checkConditionCodes(cpuContext);
        checkStatusRegister(cpuContext);
        if (stopsInsideBlocksKeepConditionCodes()) {
            gate.stopExactly();
        }
        // Dropped while still mapped: the translator looks the address up. A full uc_ctl flush costs 0.1 s.
        Unicorn.check(Unicorn.uc_ctl(uc, Unicorn.CTL_REMOVE_CACHE, SCRATCH, SCRATCH + Unicorn.PAGE_SIZE),
                "dropping the probe's translations");
        Unicorn.check(Unicorn.uc_mem_unmap(uc, SCRATCH, Unicorn.PAGE_SIZE), "unmapping the probe page");
        return cpuContext;
    }

    /** QEMU's CPUM68KState begins with dregs[0..7] (target/m68k/cpu.h), so D0 and D1 mark its start. */
    private long findStateOffset() {
        setRegister(Unicorn.UC_M68K_REG_D0, STATE_MARKS[0]);
        setRegister(Unicorn.UC_M68K_REG_D0 + 1, STATE_MARKS[1]);
        save();
        List<Long> starts = new ArrayList<>();
        for (long offset : offsetsHolding(STATE_MARKS[0], 0)) {
            if (offset + 8 <= contextSize && snapshot.getInt(offset + 4) == STATE_MARKS[1]) {
                starts.add(offset);
            }
        }
        return unique(starts, "the start of the CPU state");
    }

    private long findVbrOffset(long stateOffset) {
        List<Long> candidates = null;
        for (int mark : VBR_MARKS) {
            setRegister(Unicorn.UC_M68K_REG_D0 + 1, mark);
            setRegister(Unicorn.UC_M68K_REG_D0 + 2, 0);
            runProbe(WRITE_VBR);
            if (register(Unicorn.UC_M68K_REG_D0 + 2) != mark) {
                throw layoutError("movec d1,vbr / movec vbr,d2 did not round-trip");
            }
            // Clear the data registers holding the mark, so that only VBR does.
            setRegister(Unicorn.UC_M68K_REG_D0 + 1, 0);
            setRegister(Unicorn.UC_M68K_REG_D0 + 2, 0);
            save();
            List<Long> found = offsetsHolding(mark, stateOffset);
            if (candidates == null) {
                candidates = found;
            } else {
                candidates.retainAll(found);
            }
        }
        return unique(candidates, "VBR");
    }

    private void checkVbrWrite(CpuContext cpuContext) {
        cpuContext.setVbr(VBR_CHECK);
        runProbe(READ_VBR);
        cpuContext.forget();
        if (register(Unicorn.UC_M68K_REG_D0 + 2) != VBR_CHECK || cpuContext.vbr() != VBR_CHECK) {
            throw layoutError("a VBR written into the context was not what movec vbr,d2 read");
        }
    }

    private void checkConditionCodes(CpuContext cpuContext) {
        for (int ccr : CONDITION_CODES) {
            setRegister(Unicorn.UC_M68K_REG_SR, SUPERVISOR | ccr);
            cpuContext.forget();
            if (cpuContext.conditionCodes() != ccr) {
                throw layoutError(String.format("condition codes written as 0x%02x read back as 0x%02x",
                        ccr, cpuContext.conditionCodes()));
            }
        }
    }

    private void checkStatusRegister(CpuContext cpuContext) {
        for (int sr : STATUS_REGISTERS) {
            setRegister(Unicorn.UC_M68K_REG_SR, sr);
            cpuContext.forget();
            if (cpuContext.statusRegister() != sr) {
                throw layoutError(String.format("SR written as 0x%04x read back as 0x%04x",
                        sr, cpuContext.statusRegister()));
            }
        }
    }

    /**
     * Whether a run the gate stops inside a translation block, right after an
     * instruction that sets the condition codes, resumes with them intact:
     * each probe sets them, is stopped before the branch that tests them (or
     * before an instruction in between that leaves them alone), and resumed;
     * the branch must be taken, leaving D0 at 0.
     */
    private boolean stopsInsideBlocksKeepConditionCodes() {
        gate.stopExactly();
        try {
            for (FlagProbe probe : FLAG_PROBES) {
                Unicorn.check(Unicorn.uc_mem_write(uc, FLAG_PROBE_AT, probe.code(), probe.code().length),
                        "writing a flag probe");
                Unicorn.check(Unicorn.uc_ctl(uc, Unicorn.CTL_REMOVE_CACHE, FLAG_PROBE_AT, FLAG_PROBE_AT + 32),
                        "dropping the last flag probe's translations");
                setRegister(Unicorn.UC_M68K_REG_SR, SUPERVISOR);
                gate.arm(probe.stopAfter());
                Unicorn.check(Unicorn.uc_emu_start(uc, FLAG_PROBE_AT, 0, 0, 0), "running a flag probe");
                if (!gate.tripped() || gate.counted() != probe.stopAfter()) {
                    throw layoutError("the exact limit did not stop a probe after " + probe.stopAfter()
                            + " instructions");
                }
                long resume = gate.stoppedAt();
                gate.arm(Long.MAX_VALUE);
                Unicorn.check(Unicorn.uc_emu_start(uc, resume, 0, 0, 0), "resuming a flag probe");
                if (register(Unicorn.UC_M68K_REG_D0) != 0) {
                    return false;
                }
            }
            return true;
        } finally {
            gate.stopBlockwise();
        }
    }

    private void runProbe(long start) {
        gate.arm(Long.MAX_VALUE);
        Unicorn.check(Unicorn.uc_emu_start(uc, start, 0, 0, 0), "running the start-up probe");
    }

    private List<Long> offsetsHolding(int value, long from) {
        List<Long> offsets = new ArrayList<>();
        for (long offset = from; offset + Integer.BYTES <= contextSize; offset += Integer.BYTES) {
            if (snapshot.getInt(offset) == value) {
                offsets.add(offset);
            }
        }
        return offsets;
    }

    private long unique(List<Long> offsets, String what) {
        if (offsets.size() != 1) {
            throw layoutError("found " + offsets.size() + " candidate places for " + what);
        }
        return offsets.get(0);
    }

    private void save() {
        Unicorn.check(Unicorn.uc_context_save(uc, context), "saving the CPU context");
    }

    private int register(int id) {
        int[] value = new int[1];
        Unicorn.check(Unicorn.uc_reg_read(uc, id, value), "reading a register");
        return value[0];
    }

    private void setRegister(int id, int value) {
        Unicorn.check(Unicorn.uc_reg_write(uc, id, new int[] {value}), "writing a register");
    }

    private static CpuException layoutError(String detail) {
        return new CpuException("Unicorn's m68k CPU state is not laid out as expected (" + detail
                + "); the runner was checked against Unicorn 2.0.1 and 2.1.4, and this is " + CpuCore.loaded().describe());
    }
}
