package org.quaject.runner.machine;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.RunnerEngine;
import org.quaject.runner.cpu.Register;

/**
 * The board's devices as a guest sees them on the runner: the RTC's time and
 * alarm, the TTY's input by polling and by interrupt, the PIC's registers, and
 * virt-ctrl's outcomes.
 */
class DevicesTest {

    @TempDir
    Path dir;

    @Test
    void rtcRegistersFollowQemu() throws Exception {
        Fixtures.assertAllPass(Fixtures.run(new RunnerEngine(), Fixtures.link(dir, "rtc"), ""));
    }

    @Test
    void rtcTimeIsTheInstructionCountTimes128Ns() throws Exception {
        try (Machine machine = Fixtures.boot(Fixtures.link(dir, "rtc"), new ByteArrayOutputStream())) {
            // The fixture's last RTC #0 read lands in D7, which nothing wrote before (0 after reset).
            // Single instructions, so that the count is the reading instruction's own.
            while (machine.cpu().get(Register.D7) == 0) {
                MachineStop stop = machine.run(1, System.nanoTime() + Fixtures.TIMEOUT.toNanos(), () -> { });
                assertEquals(MachineStop.Kind.OUT_OF_INSTRUCTIONS, stop.kind(), stop.detail());
            }
            assertEquals((int) (machine.instructions() << QemuEngine.ICOUNT_SHIFT), machine.cpu().get(Register.D7),
                    "the time read by instruction " + machine.instructions());
        }
    }

    @Test
    void ttyInputByPollingAndByInterrupt() throws Exception {
        Fixtures.assertAllPass(Fixtures.run(new RunnerEngine(), Fixtures.link(dir, "tty"), "abcdef"));
    }

    @Test
    void picEnablesCountsAndForgets() throws Exception {
        Fixtures.assertAllPass(Fixtures.run(new RunnerEngine(), Fixtures.link(dir, "pic"), ""));
    }

    @Test
    void virtCtrlPanicEndsTheRunAsAPanic() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine machine = Fixtures.boot(Fixtures.link(dir, "panic"), console)) {
            MachineStop stop = Fixtures.runToEnd(machine);
            assertEquals(MachineStop.Kind.PANIC, stop.kind(), stop.detail());
        }
        Fixtures.assertAllPass(console.toString(US_ASCII));
    }

    @Test
    void virtCtrlResetEndsTheRunAsACrash() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine machine = Fixtures.boot(Fixtures.link(dir, "reset"), console)) {
            MachineStop stop = Fixtures.runToEnd(machine);
            assertEquals(MachineStop.Kind.CRASH, stop.kind(), stop.detail());
            assertEquals("the guest asked for a reset, which the runner does not do", stop.detail());
        }
        Fixtures.assertAllPass(console.toString(US_ASCII));
    }
}
