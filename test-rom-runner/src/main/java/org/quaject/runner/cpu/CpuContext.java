package org.quaject.runner.cpu;

import com.sun.jna.Pointer;

/**
 * The CPU state Unicorn keeps but has no register id for, or cannot be
 * trusted to read: the vector base register, the condition codes and SR.
 * All are read from a snapshot taken with {@code uc_context_save}, which is a
 * copy of QEMU's {@code CPUM68KState}; VBR is written by patching a snapshot
 * and restoring it.
 *
 * <p>SR is read here because reading it with {@code uc_reg_read} is not
 * harmless in Unicorn 2.1.4: the read marks QEMU's lazily kept flags as
 * already evaluated ({@code cc_op} becomes {@code CC_OP_FLAGS}) without
 * evaluating them, so after a CMP the next branch sees wrong condition codes
 * (pinned by {@code UnicornQuirksTest}). Unicorn 2.0.1 reads it cleanly.
 *
 * <p>Where the fields sit in the snapshot is not assumed: {@link Calibration}
 * finds the offsets on each new engine by running probe instructions, and
 * checks them.
 *
 * <p>Between runs the snapshot stays good for VBR and SR through register
 * writes, which change neither but SR; an SR written is kept as written,
 * less the bits the 68030 does not have, which is how the core holds it
 * ({@code RegistersTest} pins that).
 */
final class CpuContext {
    private final long uc;
    /** Register writes not yet sent: they go out before a snapshot is taken or restored. */
    private final RegisterWrites pending;
    private final long context;
    private final Pointer snapshot;
    private final long stateOffset;
    private final long vbrOffset;
    /** Whether the snapshot is still the core's state: saving one costs a native call, and SR is read often. */
    private boolean current;
    /** SR as last written since the snapshot was taken, or {@link #UNWRITTEN}. */
    private int writtenSr = UNWRITTEN;
    private static final int UNWRITTEN = -1;

    /**
     * Where SR's system byte is in {@code CPUM68KState}: after {@code dregs[8]},
     * {@code aregs[8]} and {@code pc} (QEMU's target/m68k/cpu.h);
     * {@link Calibration} checks it. The condition codes are not kept there.
     */
    static final long SR_IN_STATE = 68;
    private static final int SYSTEM_BYTE = 0xff00;
    private static final int CONDITION_CODES = 0x1f;

    /**
     * @param context     a context from {@code uc_context_alloc}; freed by {@link #free}
     * @param stateOffset where the {@code CPUM68KState} copy starts in it
     * @param vbrOffset   where VBR is in it
     */
    CpuContext(long uc, long context, long stateOffset, long vbrOffset, RegisterWrites pending) {
        this.uc = uc;
        this.pending = pending;
        this.context = context;
        this.snapshot = new Pointer(context);
        this.stateOffset = stateOffset;
        this.vbrOffset = vbrOffset;
    }

    /** The condition code bits X N Z V C (SR bits 4..0), computed by QEMU from its lazy flag state. */
    int conditionCodes() {
        if (writtenSr != UNWRITTEN) {
            return writtenSr & CONDITION_CODES;
        }
        save();
        return Unicorn.cpu_m68k_get_ccr_m68k(context + stateOffset);
    }

    /** SR: its system byte as QEMU keeps it, and the condition codes evaluated from the lazy flags. */
    int statusRegister() {
        if (writtenSr != UNWRITTEN) {
            return writtenSr;
        }
        save();
        return snapshot.getInt(stateOffset + SR_IN_STATE) & SYSTEM_BYTE
                | Unicorn.cpu_m68k_get_ccr_m68k(context + stateOffset);
    }

    int vbr() {
        save();
        return snapshot.getInt(vbrOffset);
    }

    /** Writes VBR by restoring a fresh snapshot with it patched in: an older one would undo register writes. */
    void setVbr(int value) {
        forget();
        save();
        snapshot.setInt(vbrOffset, value);
        Unicorn.check(Unicorn.uc_context_restore(uc, context), "restoring the CPU context");
    }

    /** After SR was written with {@code value}. */
    void srWritten(int value) {
        writtenSr = value & (SYSTEM_BYTE | CONDITION_CODES);
    }

    /** Says that the core's state may have changed since the last snapshot: it ran, or raised an exception. */
    void forget() {
        current = false;
        writtenSr = UNWRITTEN;
    }

    void free() {
        Unicorn.uc_context_free(context);
    }

    private void save() {
        if (!current) {
            pending.flush();
            Unicorn.check(Unicorn.uc_context_save(uc, context), "saving the CPU context");
            current = true;
        }
    }
}
