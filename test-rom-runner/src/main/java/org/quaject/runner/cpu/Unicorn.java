package org.quaject.runner.cpu;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Direct JNA bindings to the parts of Unicorn 2 this package calls, bound to
 * the library {@link CpuCore} chose. Every number below is taken from the
 * headers of Unicorn 2.0.1 ({@code /usr/include/unicorn/unicorn.h} and
 * {@code m68k.h} in libunicorn-dev) and is the same in Unicorn 2.1's.
 *
 * <p>Direct mapping keeps the per-call cost low (register access happens
 * inside exception hooks) and lets JNA hand primitive arguments to the Java
 * callbacks below without boxing them. {@code uc_hook_add} and {@code uc_ctl}
 * are variadic in C; they are declared here with the arguments actually
 * passed, which the x86-64 System V calling convention passes exactly like
 * variadic ones (integer and pointer arguments only).
 */
final class Unicorn {
    // uc_arch and uc_mode, unicorn.h.
    static final int UC_ARCH_M68K = 7;
    static final int UC_MODE_BIG_ENDIAN = 1 << 30;

    // uc_cpu_m68k, m68k.h.
    static final int UC_CPU_M68K_M68030 = 3;

    // uc_m68k_reg, m68k.h: A0..A7 = 1..8, D0..D7 = 9..16.
    static final int UC_M68K_REG_A0 = 1;
    static final int UC_M68K_REG_A7 = 8;
    static final int UC_M68K_REG_D0 = 9;
    static final int UC_M68K_REG_SR = 17;
    static final int UC_M68K_REG_PC = 18;

    // uc_err, unicorn.h.
    static final int UC_ERR_OK = 0;
    static final int UC_ERR_READ_UNMAPPED = 6;
    static final int UC_ERR_WRITE_UNMAPPED = 7;
    static final int UC_ERR_FETCH_UNMAPPED = 8;
    static final int UC_ERR_INSN_INVALID = 10;
    static final int UC_ERR_WRITE_PROT = 12;
    static final int UC_ERR_READ_PROT = 13;
    static final int UC_ERR_FETCH_PROT = 14;

    // uc_hook_type, unicorn.h; UC_HOOK_MEM_INVALID = UC_HOOK_MEM_UNMAPPED + UC_HOOK_MEM_PROT.
    static final int UC_HOOK_INTR = 1;
    static final int UC_HOOK_CODE = 1 << 2;
    static final int UC_HOOK_BLOCK = 1 << 3;
    static final int UC_HOOK_MEM_INVALID = (1 << 4) + (1 << 5) + (1 << 6) + (1 << 7) + (1 << 8) + (1 << 9);

    // uc_prot, unicorn.h.
    static final int UC_PROT_ALL = 7;

    /** Mapping granule: uc_mem_map, uc_mem_map_ptr and uc_mmio_map want 4 KB-aligned addresses and sizes. */
    static final long PAGE_SIZE = 0x1000;

    // uc_ctl requests: UC_CTL(type, nr, rw) = type | nr << 26 | rw << 30, unicorn.h.
    private static final int UC_CTL_IO_WRITE = 1;
    private static final int UC_CTL_IO_READ_WRITE = 3;
    static final int CTL_SET_CPU_MODEL = ctl(7, 1, UC_CTL_IO_WRITE);
    static final int CTL_USE_EXITS = ctl(4, 1, UC_CTL_IO_WRITE);
    static final int CTL_SET_EXITS = ctl(6, 2, UC_CTL_IO_WRITE);
    static final int CTL_REQUEST_CACHE = ctl(8, 2, UC_CTL_IO_READ_WRITE);
    static final int CTL_REMOVE_CACHE = ctl(9, 2, UC_CTL_IO_WRITE);
    static final int CTL_FLUSH_CACHE = ctl(10, 0, UC_CTL_IO_WRITE);

    /** uc_tb (unicorn.h): {@code uint64_t pc; uint16_t icount; uint16_t size;}, padded to 16 bytes. */
    static final int UC_TB_SIZE = 16;
    static final int UC_TB_ICOUNT = 8;
    static final int UC_TB_BYTES = 10;

    private static final CpuException LOAD_FAILURE = register();

    private Unicorn() {
    }

    private static int ctl(int type, int argumentCount, int direction) {
        return type | argumentCount << 26 | direction << 30;
    }

    private static CpuException register() {
        try {
            Native.register(Unicorn.class, CpuCore.loaded().require());
            return null;
        } catch (CpuException e) {
            return e;
        } catch (UnsatisfiedLinkError e) {
            return new CpuException("the CPU core " + CpuCore.loaded().describe() + " lacks a function the runner"
                    + " calls: " + e.getMessage(), e);
        }
    }

    /** Fails with a message saying which core could not be loaded and what to do, unless one loaded. */
    static void requireLoaded() {
        if (LOAD_FAILURE != null) {
            throw LOAD_FAILURE;
        }
    }

    /** Throws a {@link CpuException} naming {@code what} and Unicorn's description of {@code err}, unless it is UC_ERR_OK. */
    static void check(int err, String what) {
        if (err != UC_ERR_OK) {
            throw new CpuException(what + " failed: " + uc_strerror(err) + " (uc_err " + err + ")");
        }
    }

    /** uc_cb_hookintr_t: a guest exception; intno is the vector number, 0x100 for RTE. */
    public interface InterruptCallback extends Callback {
        void invoke(long uc, int intno, long userData);
    }

    /** uc_cb_eventmem_t: an access to unmapped or protected memory; returning false stops the run. */
    public interface MemoryFaultCallback extends Callback {
        boolean invoke(long uc, int type, long address, int size, long value, long userData);
    }

    /** uc_cb_mmio_read_t. */
    public interface MmioReadCallback extends Callback {
        long invoke(long uc, long offset, int size, long userData);
    }

    /** uc_cb_mmio_write_t. */
    public interface MmioWriteCallback extends Callback {
        void invoke(long uc, long offset, int size, long value, long userData);
    }

    static native int uc_open(int arch, int mode, long[] engine);

    static native int uc_close(long uc);

    static native String uc_strerror(int err);

    static native int uc_ctl(long uc, int control, int argument);

    static native int uc_ctl(long uc, int control, long first, long second);

    static native int uc_reg_read(long uc, int regid, int[] value);

    static native int uc_reg_write(long uc, int regid, int[] value);

    /** uc_reg_write_batch: {@code regids} holds {@code count} ints, {@code values} a pointer to each one's value. */
    static native int uc_reg_write_batch(long uc, Pointer regids, Pointer values, int count);

    /** uc_reg_read into native memory: no Java array to pin and copy on every call. */
    static native int uc_reg_read(long uc, int regid, Pointer value);

    static native int uc_reg_write(long uc, int regid, Pointer value);

    static native int uc_mem_map(long uc, long address, long size, int perms);

    static native int uc_mem_map_ptr(long uc, long address, long size, int perms, long hostPointer);

    static native int uc_mem_unmap(long uc, long address, long size);

    static native int uc_mem_write(long uc, long address, byte[] bytes, long size);

    static native int uc_mmio_map(long uc, long address, long size, MmioReadCallback read, long readData,
                                  MmioWriteCallback write, long writeData);

    /** uc_mmio_map with native read and write functions. */
    static native int uc_mmio_map(long uc, long address, long size, long read, long readData,
                                  long write, long writeData);

    static native int uc_emu_start(long uc, long begin, long until, long timeout, long count);

    static native int uc_hook_add(long uc, long[] hook, int type, long nativeCallback, long userData,
                                  long begin, long end);

    static native int uc_hook_add(long uc, long[] hook, int type, InterruptCallback callback, long userData,
                                  long begin, long end);

    static native int uc_hook_add(long uc, long[] hook, int type, MemoryFaultCallback callback, long userData,
                                  long begin, long end);

    static native int uc_context_alloc(long uc, long[] context);

    static native int uc_context_save(long uc, long context);

    static native int uc_context_restore(long uc, long context);

    static native long uc_context_size(long uc);

    static native int uc_context_free(long context);

    /**
     * QEMU's {@code cpu_m68k_get_ccr} as exported by libunicorn.so.2: the
     * condition codes of a {@code CPUM68KState}, evaluated from QEMU's lazy
     * flag representation. Unicorn's SR read leaves them out.
     */
    static native int cpu_m68k_get_ccr_m68k(long env);
}
