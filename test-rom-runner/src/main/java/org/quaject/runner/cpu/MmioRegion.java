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
    final Unicorn.MmioReadCallback read = this::read;
    final Unicorn.MmioWriteCallback write = this::write;

    MmioRegion(MmioHandler handler, CallbackGuard guard) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.guard = guard;
    }

    private long read(long uc, long offset, int size, long userData) {
        CallbackGuard.Phase previous = guard.enter(CallbackGuard.Phase.MMIO_HANDLER);
        try {
            return handler.read((int) offset, size);
        } catch (Throwable thrown) {
            guard.fail(thrown);
            return 0;
        } finally {
            guard.leave(previous);
        }
    }

    private void write(long uc, long offset, int size, long value, long userData) {
        CallbackGuard.Phase previous = guard.enter(CallbackGuard.Phase.MMIO_HANDLER);
        try {
            handler.write((int) offset, size, value);
        } catch (Throwable thrown) {
            guard.fail(thrown);
        } finally {
            guard.leave(previous);
        }
    }
}
