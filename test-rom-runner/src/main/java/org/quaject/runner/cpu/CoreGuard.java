package org.quaject.runner.cpu;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The calls into the CPU core that run or translate guest code, made so that
 * a crash inside the core ends the call and not the JVM: through the core
 * guard, a small library of the runner's own
 * ({@code test-rom-runner/src/main/c/core-guard.c}), which {@code make} builds
 * into {@value #LOCAL_GUARD} of the checkout, next to the project's core.
 *
 * <p>Some guest code crashes QEMU's m68k translator and every process that
 * hosts it. The runner keeps the instructions it knows of from the core
 * ({@link UntranslatableCode}); the guard covers the rest, such as those the
 * guest writes itself at run time: a fault at an instruction of the core's own
 * code, on a thread inside a guarded call, returns {@link #CRASHED} from that
 * call, and the run ends with a report of where the guest was. The engine the
 * crash left behind cannot run again; it is closed, guarded too. Faults
 * anywhere else go on to the JVM's own handler.
 *
 * <p>Without the guard (a runner not started from a built checkout) the same
 * calls go to the core directly, as {@link #describe()} says.
 */
final class CoreGuard {
    /** Where {@code make} puts the guard, relative to the checkout. */
    static final String LOCAL_GUARD = "build/cpu-core/libqj-core-guard.so";
    /** What a guarded call returns when the core crashed inside it (not a uc_err value). */
    static final int CRASHED = -1000;

    /** Linux x86-64 signal numbers (signal(7)). */
    private static final Map<Integer, String> SIGNALS =
            Map.of(4, "SIGILL", 7, "SIGBUS", 8, "SIGFPE", 11, "SIGSEGV");

    private static final Optional<Path> FILE = CpuCore.inCheckout(LOCAL_GUARD);
    /** Null when the guard is in use, else why not. */
    private static final String ABSENCE = install();

    private CoreGuard() {
    }

    /** Whether calls go through the guard. */
    static boolean active() {
        return ABSENCE == null;
    }

    /** One line for {@code qj --version}: the guard's file, or why there is none. */
    static String describe() {
        return active() ? FILE.orElseThrow() + " (a crash inside the core ends the run, not the process)"
                : "none: " + ABSENCE;
    }

    /** uc_emu_start. */
    static int emuStart(long uc, long begin, long until, long timeout, long count) {
        return active() ? qj_emu_start(uc, begin, until, timeout, count)
                : Unicorn.uc_emu_start(uc, begin, until, timeout, count);
    }

    /** uc_ctl with two 64-bit arguments. */
    static int ctl(long uc, int control, long first, long second) {
        return active() ? qj_ctl(uc, control, first, second) : Unicorn.uc_ctl(uc, control, first, second);
    }

    /** uc_close. */
    static int close(long uc) {
        return active() ? qj_close(uc) : Unicorn.uc_close(uc);
    }

    /**
     * What this thread's last crash inside the core was, with the faulting
     * instruction's offset in the core's library, e.g. "SIGSEGV inside the
     * CPU core, at offset 0x2a8f1b of its library".
     */
    static String lastCrash() {
        int signal = qj_crash_signal();
        return SIGNALS.getOrDefault(signal, "signal " + signal) + " inside the CPU core, at offset 0x"
                + Long.toHexString(qj_crash_core_offset()) + " of its library";
    }

    private static String install() {
        if (FILE.isEmpty()) {
            return "make deps builds " + LOCAL_GUARD;
        }
        try {
            NativeLibrary core = CpuCore.loaded().require();
            Native.register(CoreGuard.class, NativeLibrary.getInstance(FILE.get().toString()));
            int result = qj_guard_install(address(core, "uc_emu_start"), address(core, "uc_ctl"),
                    address(core, "uc_close"));
            return result == 0 ? null : FILE.get() + " could not find the core's code or set its fault handler";
        } catch (CpuException | UnsatisfiedLinkError e) {
            return FILE.get() + " could not be loaded: " + e.getMessage();
        }
    }

    private static long address(NativeLibrary library, String function) {
        return Pointer.nativeValue(library.getFunction(function));
    }

    private static native int qj_guard_install(long emuStart, long ctl, long close);

    private static native int qj_emu_start(long uc, long begin, long until, long timeout, long count);

    private static native int qj_ctl(long uc, int control, long first, long second);

    private static native int qj_close(long uc);

    private static native int qj_crash_signal();

    private static native long qj_crash_core_offset();
}
