package org.quaject.runner.cpu;

import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The two hook functions that run on every guest instruction and every
 * translation block, and the read and write functions of
 * {@link ClockRegisters}, as
 * x86-64 machine code in an executable page of their own, built once per
 * process.
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
 * {@code address} in rsi, {@code size} in edx and {@code user_data} in rcx.
 * {@code user_data} points at a {@link RunGate}'s nine 64-bit words:
 * instructions counted, the limit, a flag saying the gate stopped the run,
 * the address of the block or instruction it stopped before, the watched
 * guest RAM (its first guest address, its end, 0 when nothing is watched, and
 * the host address of its first byte), the exact limit, and the watch flags
 * (which instructions the gate stops before).
 *
 * <p>The exact limit stops a run before the instruction that would take the
 * count past it, wherever that instruction is in its block. Only a core that
 * keeps the condition codes across such a stop may use it (Unicorn 2.1.4
 * does, 2.0.1 does not: {@link Calibration} finds out); with any other, the
 * exact limit stays at its maximum and budgets end at block boundaries.
 */
final class NativeHooks {
    /** Byte offsets of the words {@code user_data} points at. */
    static final int COUNTED = 0;
    static final int LIMIT = 8;
    static final int TRIPPED = 16;
    static final int STOPPED_AT = 24;
    static final int WATCH_START = 32;
    static final int WATCH_END = 40;
    static final int WATCH_HOST = 48;
    static final int EXACT_LIMIT = 56;
    static final int WATCH_FLAGS = 64;
    static final int WORDS = 9;
    /** Bits of the watch flags: which instructions the gate stops before, in the watched RAM. */
    static final long WATCH_CAS = 1;
    static final long WATCH_SR_WRITES = 2;

    /**
     * Before each instruction: if the count has reached the exact limit, mark
     * the gate tripped, note the instruction's address and tail-call
     * {@code uc_emu_stop(uc)}, which ends the block before the instruction;
     * else count it.
     * <pre>
     *   mov  rax, [rcx]            ; counted
     *   cmp  rax, [rcx + 56]       ; exact limit
     *   jae  trip
     *   inc  rax
     *   mov  [rcx], rax
     *   ret
     * trip:
     *   mov  qword [rcx + 16], 1   ; tripped
     *   mov  [rcx + 24], rsi       ; stopped at: the instruction's address
     *   mov  rax, uc_emu_stop
     *   jmp  rax                   ; rdi still holds uc
     * </pre>
     */
    private static final byte[] COUNT_BEFORE_TARGET = {
        0x48, (byte) 0x8b, 0x01,
        0x48, 0x3b, 0x41, 0x38,
        0x73, 0x07,
        0x48, (byte) 0xff, (byte) 0xc0,
        0x48, (byte) 0x89, 0x01,
        (byte) 0xc3,
        0x48, (byte) 0xc7, 0x41, 0x10, 0x01, 0x00, 0x00, 0x00,
        0x48, (byte) 0x89, 0x71, 0x18,
        0x48, (byte) 0xb8,
    };

    /**
     * At the start of each translation block, before its first instruction is
     * counted: if any instruction ran already in this run, and the block might
     * take the count past the limit, or it lies wholly inside the watched RAM
     * and holds a word that may be the opcode of a watched kind of instruction
     * (CAS or CAS2, {@link CompareAndSwap#mayBe}, when the watch flags' bit 0
     * is set; MOVE, ANDI or EORI to SR when bit 1 is), mark the gate tripped,
     * note the block's address and tail-call {@code uc_emu_stop(uc)}. The
     * address matters because a run stopped there leaves PC unsynchronized
     * when the previous block jumped to this one directly (QEMU's chained
     * {@code goto_tb} skips the PC store, and Unicorn skips restoring PC from
     * the block while code hooks are installed). A block of {@code size} bytes
     * holds at most {@code size / 2} instructions, as no 68030 instruction is
     * shorter than a word. The scan reads guest RAM, big-endian, through its
     * host mapping; a block is translated from what RAM holds (Unicorn drops
     * translations of code the guest rewrites), so the words scanned are the
     * block's.
     * <pre>
     *   mov  rax, [rcx]            ; counted
     *   test rax, rax
     *   je   done                  ; the run's first block always runs
     *   mov  edx, edx              ; size, zero-extended
     *   mov  r8, rdx
     *   shr  r8, 1
     *   add  rax, r8
     *   cmp  rax, [rcx + 8]        ; limit
     *   ja   trip
     *   lea  r10, [rsi + rdx]      ; the block's end
     *   cmp  r10, [rcx + 40]       ; watch end (0: no watch)
     *   ja   done
     *   mov  r8, rsi
     *   sub  r8, [rcx + 32]        ; watch start
     *   jb   done
     *   add  r8, [rcx + 48]        ; the block in host memory
     *   lea  r10, [r8 + rdx]
     * scan:
     *   cmp  r8, r10
     *   jae  done
     *   movzx eax, word [r8]
     *   rol  ax, 8                 ; big-endian guest word
     *   add  r8, 2
     *   test byte [rcx + 64], 1    ; CAS watched?
     *   jz   sr
     *   mov  r9d, eax
     *   and  r9d, 0xf9c0
     *   cmp  r9d, 0x08c0
     *   jne  sr
     *   test eax, 0x0600           ; size 00 is BSET, not CAS
     *   jne  trip
     * sr:
     *   test byte [rcx + 64], 2    ; SR writes watched?
     *   jz   scan
     *   cmp  eax, 0x027c           ; ANDI #imm,SR
     *   je   trip
     *   cmp  eax, 0x0a7c           ; EORI #imm,SR
     *   je   trip
     *   and  eax, 0xffc0
     *   cmp  eax, 0x46c0           ; MOVE ea,SR
     *   jne  scan
     * trip:
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
        0x0f, (byte) 0x84, (byte) 0x95, 0x00, 0x00, 0x00,
        (byte) 0x89, (byte) 0xd2,
        0x49, (byte) 0x89, (byte) 0xd0,
        0x49, (byte) 0xd1, (byte) 0xe8,
        0x4c, 0x01, (byte) 0xc0,
        0x48, 0x3b, 0x41, 0x08,
        0x77, 0x6c,
        0x4c, (byte) 0x8d, 0x14, 0x16,
        0x4c, 0x3b, 0x51, 0x28,
        0x77, 0x7a,
        0x49, (byte) 0x89, (byte) 0xf0,
        0x4c, 0x2b, 0x41, 0x20,
        0x72, 0x71,
        0x4c, 0x03, 0x41, 0x30,
        0x4d, (byte) 0x8d, 0x14, 0x10,
        0x4d, 0x39, (byte) 0xd0,
        0x73, 0x64,
        0x41, 0x0f, (byte) 0xb7, 0x00,
        0x66, (byte) 0xc1, (byte) 0xc0, 0x08,
        0x49, (byte) 0x83, (byte) 0xc0, 0x02,
        (byte) 0xf6, 0x41, 0x40, 0x01,
        0x74, 0x1a,
        0x41, (byte) 0x89, (byte) 0xc1,
        0x41, (byte) 0x81, (byte) 0xe1, (byte) 0xc0, (byte) 0xf9, 0x00, 0x00,
        0x41, (byte) 0x81, (byte) 0xf9, (byte) 0xc0, 0x08, 0x00, 0x00,
        0x75, 0x07,
        (byte) 0xa9, 0x00, 0x06, 0x00, 0x00,
        0x75, 0x20,
        (byte) 0xf6, 0x41, 0x40, 0x02,
        0x74, (byte) 0xc9,
        0x3d, 0x7c, 0x02, 0x00, 0x00,
        0x74, 0x13,
        0x3d, 0x7c, 0x0a, 0x00, 0x00,
        0x74, 0x0c,
        0x25, (byte) 0xc0, (byte) 0xff, 0x00, 0x00,
        0x3d, (byte) 0xc0, 0x46, 0x00, 0x00,
        0x75, (byte) 0xaf,
        0x48, (byte) 0xc7, 0x41, 0x10, 0x01, 0x00, 0x00, 0x00,
        0x48, (byte) 0x89, 0x71, 0x18,
        0x48, (byte) 0xb8,
    };
    private static final byte[] GATE_AFTER_TARGET = {(byte) 0xff, (byte) 0xe0, (byte) 0xc3};

    /**
     * A {@code uc_cb_mmio_read_t}, {@code uint64_t (uc_engine *uc, uint64_t
     * offset, unsigned size, void *user_data)}: {@code user_data} (rcx)
     * points at a {@link ClockRegisters}' words. A 4-byte read of the low
     * half computes the count, base + (instructions before this run of the
     * core + the gate's count) &lt;&lt; shift, latches its high half and
     * returns its low half; a 4-byte read of the high half returns the
     * latched half; anything else goes on, arguments untouched, to the
     * device's own read function.
     * <pre>
     *   cmp  edx, 4
     *   jne  forward
     *   cmp  rsi, [rcx + 40]       ; the low half's offset
     *   jne  high
     *   mov  rax, [rcx + 8]        ; the gate's count, by its address
     *   mov  rax, [rax]
     *   add  rax, [rcx + 16]       ; instructions before this run of the core
     *   mov  r9, rcx
     *   mov  rcx, [r9 + 56]        ; shift
     *   shl  rax, cl
     *   add  rax, [r9 + 24]        ; base
     *   mov  rdx, rax
     *   shr  rdx, 32
     *   mov  [r9 + 32], rdx        ; the latched high half
     *   mov  eax, eax              ; the low half, zero-extended
     *   ret
     * high:
     *   cmp  rsi, [rcx + 48]       ; the high half's offset
     *   jne  forward
     *   mov  rax, [rcx + 32]
     *   ret
     * forward:
     *   jmp  qword [rcx]           ; the device's read function
     * </pre>
     */
    private static final byte[] CLOCK_READ = {
        (byte) 0x83, (byte) 0xfa, 0x04,
        0x75, 0x38,
        0x48, 0x3b, 0x71, 0x28,
        0x75, 0x27,
        0x48, (byte) 0x8b, 0x41, 0x08,
        0x48, (byte) 0x8b, 0x00,
        0x48, 0x03, 0x41, 0x10,
        0x49, (byte) 0x89, (byte) 0xc9,
        0x49, (byte) 0x8b, 0x49, 0x38,
        0x48, (byte) 0xd3, (byte) 0xe0,
        0x49, 0x03, 0x41, 0x18,
        0x48, (byte) 0x89, (byte) 0xc2,
        0x48, (byte) 0xc1, (byte) 0xea, 0x20,
        0x49, (byte) 0x89, 0x51, 0x20,
        (byte) 0x89, (byte) 0xc0,
        (byte) 0xc3,
        0x48, 0x3b, 0x71, 0x30,
        0x75, 0x05,
        0x48, (byte) 0x8b, 0x41, 0x20,
        (byte) 0xc3,
        (byte) 0xff, 0x21,
    };
    private static final int CLOCK_READ_OFFSET = 256;

    /**
     * A {@code uc_cb_mmio_write_t}, {@code void (uc_engine *uc, uint64_t
     * offset, unsigned size, uint64_t value, void *user_data)}: {@code
     * user_data} (r8) points at a {@link ClockRegisters}' words. A 4-byte
     * write of the register whose writes may wait is held there, for the
     * device's next access to take; anything else goes on, arguments
     * untouched, to the device's own write function.
     * <pre>
     *   cmp  edx, 4
     *   jne  forward
     *   cmp  rsi, [r8 + 72]        ; the deferred register's offset
     *   jne  forward
     *   mov  [r8 + 80], rcx        ; the value held
     *   mov  qword [r8 + 88], 1    ; held
     *   ret
     * forward:
     *   jmp  qword [r8 + 64]       ; the device's write function
     * </pre>
     */
    private static final byte[] CLOCK_WRITE = {
        (byte) 0x83, (byte) 0xfa, 0x04,
        0x75, 0x13,
        0x49, 0x3b, 0x70, 0x48,
        0x75, 0x0d,
        0x49, (byte) 0x89, 0x48, 0x50,
        0x49, (byte) 0xc7, 0x40, 0x58, 0x01, 0x00, 0x00, 0x00,
        (byte) 0xc3,
        0x41, (byte) 0xff, 0x60, 0x40,
    };
    private static final int CLOCK_WRITE_OFFSET = 352;
    private static final byte[] COUNT_AFTER_TARGET = {(byte) 0xff, (byte) 0xe0};
    private static final int GATE_OFFSET = 64;
    private static final int PAGE_SIZE = 4096;

    private static NativeHooks instance;

    private final long countHook;
    private final long gateHook;
    private final long clockRead;
    private final long clockWrite;

    private NativeHooks(long page) {
        this.countHook = page;
        this.gateHook = page + GATE_OFFSET;
        this.clockRead = page + CLOCK_READ_OFFSET;
        this.clockWrite = page + CLOCK_WRITE_OFFSET;
    }

    /** The process-wide hook page; it is never freed, as any engine may still point at it. */
    static synchronized NativeHooks get() {
        if (instance == null) {
            instance = new NativeHooks(buildPage());
        }
        return instance;
    }

    /** Address of the UC_HOOK_CODE function that counts instructions and stops a run at the exact limit. */
    long countHook() {
        return countHook;
    }

    /** Address of the UC_HOOK_BLOCK function that stops a run at a block boundary. */
    long gateHook() {
        return gateHook;
    }

    /** Address of the MMIO read function of {@link ClockRegisters}. */
    long clockRead() {
        return clockRead;
    }

    /** Address of the MMIO write function of {@link ClockRegisters}. */
    long clockWrite() {
        return clockWrite;
    }

    /** Writes a function whose {@code mov rax, imm64} between {@code before} and {@code after} loads {@code stop}. */
    private static void writeCallingStop(Pointer code, int at, byte[] before, long stop, byte[] after) {
        code.write(at, before, 0, before.length);
        // The immediate of mov rax, imm64 is little-endian, the host's own order.
        code.setLong(at + before.length, stop);
        code.write(at + before.length + Long.BYTES, after, 0, after.length);
    }

    private static long buildPage() {
        if (!Platform.isLinux() || !"x86-64".equals(Platform.ARCH)) {
            throw new CpuException("the in-process MC68030 needs an x86-64 Linux host (its instruction hooks are"
                    + " x86-64 code); this is " + Platform.ARCH + " " + System.getProperty("os.name"));
        }
        long stop = Pointer.nativeValue(CpuCore.loaded().require().getFunction("uc_emu_stop"));
        long page = HostPages.allocate(PAGE_SIZE);
        Pointer code = new Pointer(page);
        writeCallingStop(code, 0, COUNT_BEFORE_TARGET, stop, COUNT_AFTER_TARGET);
        writeCallingStop(code, GATE_OFFSET, GATE_BEFORE_TARGET, stop, GATE_AFTER_TARGET);
        code.write(CLOCK_READ_OFFSET, CLOCK_READ, 0, CLOCK_READ.length);
        code.write(CLOCK_WRITE_OFFSET, CLOCK_WRITE, 0, CLOCK_WRITE.length);
        HostPages.protect(page, PAGE_SIZE, HostPages.PROT_READ | HostPages.PROT_EXEC);
        return page;
    }
}
