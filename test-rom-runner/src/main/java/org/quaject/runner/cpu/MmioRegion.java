package org.quaject.runner.cpu;

import java.util.Objects;

/**
 * The JNA callbacks of one MMIO mapping, forwarding to its {@link MmioHandler}.
 * They allocate nothing per access: JNA passes their primitive arguments
 * directly because the callbacks are handed to a direct-mapped function. The
 * CPU keeps each region reachable for its whole life, since native code holds
 * only the callbacks' addresses and a collected callback would crash it.
 */
final class MmioRegion {
    private final MmioHandler handler;
    private final CallbackGuard guard;
    private final Runnable coreRan;
    final Unicorn.MmioReadCallback read = this::read;
    final Unicorn.MmioWriteCallback write = this::write;
    /** Where the core holds a write of the region for the device's next access, if it does. */
    private ClockRegisters deferred;

    /** @param coreRan told on each access, before the handler: the core ran since the last callback */
    MmioRegion(MmioHandler handler, CallbackGuard guard, Runnable coreRan) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.guard = guard;
        this.coreRan = coreRan;
    }

    /** Has every access first hand the handler the write {@code clock} holds, if any. */
    void deliverDeferredWritesOf(ClockRegisters clock) {
        deferred = clock;
    }

    private long read(long uc, long offset, int size, long userData) {
        CallbackGuard.Phase previous = guard.enter(CallbackGuard.Phase.MMIO_HANDLER);
        coreRan.run();
        try {
            deliverDeferredWrite();
            return handler.read((int) offset, size);
        } catch (Throwable thrown) {
            guard.fail(thrown);
            return 0;
        } finally {
            guard.leave(previous);
        }
    }

    private void deliverDeferredWrite() {
        if (deferred != null) {
            deferred.deliverDeferredWrite(handler);
        }
    }

    private void write(long uc, long offset, int size, long value, long userData) {
        CallbackGuard.Phase previous = guard.enter(CallbackGuard.Phase.MMIO_HANDLER);
        coreRan.run();
        try {
            deliverDeferredWrite();
            handler.write((int) offset, size, value);
        } catch (Throwable thrown) {
            guard.fail(thrown);
        } finally {
            guard.leave(previous);
        }
    }
}
