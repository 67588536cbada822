package org.quaject.runner.machine;

import java.io.UncheckedIOException;
import org.quaject.runner.cpu.MmioHandler;
import org.quaject.runner.device.Device;
import org.quaject.runner.device.GuestErrorException;

/**
 * A device's registers as the CPU reaches them. Before each access the virtual
 * clock is brought to the accessing instruction, so a device sees the time
 * QEMU's {@code -icount} shows it; after a write the machine decides whether
 * the write changed what it must act on (interrupts, alarms, virt-ctrl).
 * A device error stops the run and is kept for the report.
 */
final class DeviceWindow implements MmioHandler {

    /** Brings the virtual clock up to the instruction making the access. */
    interface ClockSync {
        void sync();
    }

    private final Device device;
    private final ClockSync clock;
    private final Runnable afterWrite;
    private final Runnable stopRun;
    private RuntimeException error;

    DeviceWindow(Device device, ClockSync clock, Runnable afterWrite, Runnable stopRun) {
        this.device = device;
        this.clock = clock;
        this.afterWrite = afterWrite;
        this.stopRun = stopRun;
    }

    @Override
    public long read(int offset, int size) {
        clock.sync();
        try {
            return Integer.toUnsignedLong(device.read(offset, size));
        } catch (GuestErrorException | UncheckedIOException e) {
            fail(e);
            return 0;
        }
    }

    @Override
    public void write(int offset, int size, long value) {
        clock.sync();
        try {
            device.write(offset, size, (int) value);
        } catch (GuestErrorException | UncheckedIOException e) {
            fail(e);
        }
        afterWrite.run();
    }

    /** The error a device raised during the last run, if any; reading it clears it. */
    RuntimeException takeError() {
        RuntimeException e = error;
        error = null;
        return e;
    }

    private void fail(RuntimeException e) {
        if (error == null) {
            error = e;
        }
        stopRun.run();
    }
}
