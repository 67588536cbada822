package org.quaject.runner.cpu;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The two hook functions that run on every guest instruction and every
 * translation block, as x86-64 machine code in an executable page of their
 * own, built once per process.
 *
 * <p>Why machine code: a hook called from JNA costs about 260 ns per call on
 * this host, which would hold a tight guest loop to a few MIPS; a native hook
 * costs a few nanoseconds. Unicorn's own instruction limit (the {@code count}
 * argument of {@code uc_emu_start}) cannot be used instead: in Unicorn 2.0.1
 * it stops the m68k core in the middle of a translation block without storing
 * QEMU's lazily kept condition-code operation, so a run split between
 * {@code cmp} and {@code beq} resumes with wrong flags. Stopping only at the
 * start of a block, as the gate below does, leaves the state consistent.
 *
 * <p>Both functions have Unicorn's {@code uc_cb_hookcode_t} signature
 * {@code (uc_engine *uc, uint64_t address, uint32_t size, void *user_data)}
 * (unicorn.h), so under the System V AMD64 ABI {@code uc} is in rdi,
 * {@code size} in edx and {@code user_data} in rcx. {@code user_data} points
 * at a {@link RunGate}'s four 64-bit words: instructions counted, the limit,
 * a flag saying the gate stopped the run, and the address of the block it
 * stopped before.
 */
final class NativeHooks {
    /** Byte offsets of the words {@code user_data} points at. */
    static final int COUNTED = 0;
    static final int LIMIT = 8;
    static final int TRIPPED = 16;
    static final int STOPPED_AT = 24;
    static final int WORDS = 4;

    /** {@code inc qword [rcx]; ret}: one more instruction started. */
    private static final byte[] COUNT = {0x48, (byte) 0xff, 0x01, (byte) 0xc3};

    /**
     * At the start of each translation block, before its first instruction is
     * counted: if any instruction ran already in this run and the block might
     * take the count past the limit, mark the gate tripped, note the block's
     * address and tail-call {@code uc_emu_stop(uc)}. The address matters
     * because a run stopped there leaves PC unsynchronized when the previous
     * block jumped to this one directly (QEMU's chained {@code goto_tb} skips
     * the PC store, and Unicorn skips restoring PC from the block while code
     * hooks are installed). A block of {@code size} bytes holds at most
     * {@code size / 2} instructions, as no 68030 instruction is shorter than a
     * word.
     * <pre>
     *   mov  rax, [rcx]            ; counted
     *   test rax, rax
     *   je   done                  ; the run's first block always runs
     *   mov  edx, edx              ; size, zero-extended
     *   shr  rdx, 1
     *   add  rax, rdx
     *   cmp  rax, [rcx + 8]        ; limit
     *   jbe  done
     *   mov  qword [rcx + 16], 1   ; tripped
     *   mov  [rcx + 24], rsi       ; stopped at: the block's address
     *   mov  rax, uc_emu_stop
     *   jmp  rax                   ; rdi still holds uc
     * done:
     *   ret
     * </pre>
     */
    private static final byte[] GATE_BEFORE_TARGET = {
        0x48, (byte) 0x8b, 0x01,
        0x48, (byte) 0x85, (byte) 0xc0,
        0x74, 0x26,
        (byte) 0x89, (byte) 0xd2,
        0x48, (byte) 0xd1, (byte) 0xea,
        0x48, 0x01, (byte) 0xd0,
        0x48, 0x3b, 0x41, 0x08,
        0x76, 0x18,
        0x48, (byte) 0xc7, 0x41, 0x10, 0x01, 0x00, 0x00, 0x00,
        0x48, (byte) 0x89, 0x71, 0x18,
        0x48, (byte) 0xb8,
    };
    private static final byte[] GATE_AFTER_TARGET = {(byte) 0xff, (byte) 0xe0, (byte) 0xc3};
    private static final int GATE_OFFSET = 16;
    private static final int PAGE_SIZE = 4096;

    private static NativeHooks instance;

    private final long countHook;
    private final long gateHook;

    private NativeHooks(long page) {
        this.countHook = page;
        this.gateHook = page + GATE_OFFSET;
    }

    /** The process-wide hook page; it is never freed, as any engine may still point at it. */
    static synchronized NativeHooks get() {
        if (instance == null) {
            instance = new NativeHooks(buildPage());
        }
        return instance;
    }

    /** Address of the UC_HOOK_CODE function that counts instructions. */
    long countHook() {
        return countHook;
    }

    /** Address of the UC_HOOK_BLOCK function that stops a run at a block boundary. */
    long gateHook() {
        return gateHook;
    }

    private static long buildPage() {
        if (!Platform.isLinux() || !"x86-64".equals(Platform.ARCH)) {
            throw new CpuException("the in-process MC68030 needs an x86-64 Linux host (its instruction hooks are"
                    + " x86-64 code); this is " + Platform.ARCH + " " + System.getProperty("os.name"));
        }
        long stop = Pointer.nativeValue(NativeLibrary.getInstance(Unicorn.SONAME).getFunction("uc_emu_stop"));
        long page = HostPages.allocate(PAGE_SIZE);
        Pointer code = new Pointer(page);
        code.write(0, COUNT, 0, COUNT.length);
        code.write(GATE_OFFSET, GATE_BEFORE_TARGET, 0, GATE_BEFORE_TARGET.length);
        // The immediate of mov rax, imm64 is little-endian, the host's own order.
        code.setLong(GATE_OFFSET + GATE_BEFORE_TARGET.length, stop);
        code.write(GATE_OFFSET + GATE_BEFORE_TARGET.length + Long.BYTES, GATE_AFTER_TARGET, 0,
                GATE_AFTER_TARGET.length);
        HostPages.protect(page, PAGE_SIZE, HostPages.PROT_READ | HostPages.PROT_EXEC);
        return page;
    }
}
