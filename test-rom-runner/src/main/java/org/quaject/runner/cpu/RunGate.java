package org.quaject.runner.cpu;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One engine's instruction counter and stop gate: the {@link NativeHooks}
 * installed on every instruction and every translation block, and the
 * words they share with Java.
 *
 * <p>The count is exact: the code hook runs once before each instruction, and
 * nothing stops a run between the counting and the instruction (runs start
 * with Unicorn's own {@code count} at 0, and exit addresses stop the
 * translator before the hook). The gate stops a run where a translation
 * block begins, before that block's first instruction is counted, or, in
 * exact mode, before the instruction that would take the count past the
 * limit. One QEMU quirk would count an instruction twice; {@link Calibration}
 * removes it before the engine is used, and decides whether exact mode is safe.
 */
final class RunGate {
    private final Memory words = new Memory((long) NativeHooks.WORDS * Long.BYTES);
    /**
     * The same words as a buffer: its accesses compile to plain loads and
     * stores, where each of {@code Memory}'s is a native call, and the words
     * are touched several times on every run and device access.
     */
    private final ByteBuffer view = words.getByteBuffer(0, words.size()).order(ByteOrder.nativeOrder());
    private boolean exact;
    /** The end of the watched RAM, in effect while something is watched for. */
    private long watchEnd;

    RunGate(long uc) {
        NativeHooks hooks = NativeHooks.get();
        long data = Pointer.nativeValue(words);
        long[] handle = new long[1];
        // begin > end: the hook covers every address (uc_hook_add, unicorn.h).
        Unicorn.check(Unicorn.uc_hook_add(uc, handle, Unicorn.UC_HOOK_CODE, hooks.countHook(), data, 1, 0),
                "adding the instruction counter");
        Unicorn.check(Unicorn.uc_hook_add(uc, handle, Unicorn.UC_HOOK_BLOCK, hooks.gateHook(), data, 1, 0),
                "adding the block gate");
        // JNA memory starts out undefined; the words must hold sense before the first run arms them.
        arm(Long.MAX_VALUE);
        view.putLong(NativeHooks.WATCH_FLAGS, 0);
        watch(0, 0, 0);
    }

    /**
     * From now on, stops runs exactly at their limit, inside a block if need
     * be, rather than before the block that could pass it. Only for a core
     * that keeps the condition codes when stopped inside a block.
     */
    void stopExactly() {
        exact = true;
    }

    /** From now on, stops runs only where a block begins (the default). */
    void stopBlockwise() {
        exact = false;
    }

    /** Whether runs stop exactly at their limit ({@link #stopExactly}). */
    boolean stopsExactly() {
        return exact;
    }

    /**
     * The guest RAM {@code [start, end)} in which the gate looks for watched
     * instructions ({@link #watchFor}); {@code host} is where guest address
     * {@code start} is in this process. An empty range watches nothing.
     */
    void watch(long start, long end, long host) {
        view.putLong(NativeHooks.WATCH_START, start);
        view.putLong(NativeHooks.WATCH_HOST, host);
        watchEnd = end;
        updateWatchEnd();
    }

    /**
     * Makes the gate close, or no longer close, before any block (after a
     * run's first) in the watched RAM that holds a word that may be the
     * opcode of the given kind: {@link NativeHooks#WATCH_CAS} or
     * {@link NativeHooks#WATCH_SR_WRITES}. Safe from the running thread.
     */
    void watchFor(long kind, boolean on) {
        long flags = view.getLong(NativeHooks.WATCH_FLAGS);
        view.putLong(NativeHooks.WATCH_FLAGS, on ? flags | kind : flags & ~kind);
        updateWatchEnd();
    }

    /** With nothing to watch for, the watched range is left empty: the gate then scans no block at all. */
    private void updateWatchEnd() {
        view.putLong(NativeHooks.WATCH_END, view.getLong(NativeHooks.WATCH_FLAGS) == 0 ? 0 : watchEnd);
    }

    /**
     * Prepares a run: nothing counted, and the gate closes before the
     * instruction that would take the count beyond {@code limit} (exact mode),
     * or else before any block after the first that could.
     */
    void arm(long limit) {
        view.putLong(NativeHooks.COUNTED, 0);
        view.putLong(NativeHooks.TRIPPED, 0);
        view.putLong(NativeHooks.LIMIT, exact ? Long.MAX_VALUE : limit);
        view.putLong(NativeHooks.EXACT_LIMIT, exact ? limit : Long.MAX_VALUE);
    }

    /** In exact mode, lowers the current run's limit to {@code limit}, if that is lower; from the running thread. */
    void lowerExactLimit(long limit) {
        if (limit < view.getLong(NativeHooks.EXACT_LIMIT)) {
            view.putLong(NativeHooks.EXACT_LIMIT, limit);
        }
    }

    /** Makes the current run stop where the next translation block begins; safe from any thread. */
    void close() {
        view.putLong(NativeHooks.LIMIT, 0);
    }

    /** Where the count of instructions started since {@link #arm} is, for native code that reads it. */
    long countedAddress() {
        return Pointer.nativeValue(words) + NativeHooks.COUNTED;
    }

    /** Instructions started since {@link #arm}. */
    long counted() {
        return view.getLong(NativeHooks.COUNTED);
    }

    /** Whether the gate, rather than the guest or an error, ended the last run. */
    boolean tripped() {
        return view.getLong(NativeHooks.TRIPPED) != 0;
    }

    /**
     * After a tripped run: the guest address of the block or instruction the
     * gate stopped before, where the run must resume.
     */
    long stoppedAt() {
        return view.getLong(NativeHooks.STOPPED_AT);
    }
}
