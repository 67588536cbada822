package org.quaject.runner.machine;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.RunnerEngine;

/**
 * Autovectored interrupts from the board's devices on the runner: masking,
 * priority, nesting, the frame, RTE; and STOP, which waits for them while
 * guest time jumps to the next alarm, or ends the run as HUNG when nothing
 * can wake it.
 */
class InterruptsTest {

    /** Guest time the stop fixture sleeps through: 10 s, or 78 million instructions at 128 ns. */
    private static final long STOP_FIXTURE_SLEEP_INSTRUCTIONS = 10_000_000_000L >> QemuEngine.ICOUNT_SHIFT;

    @TempDir
    Path dir;

    @Test
    void levelsAboveTheMaskAreTakenByPriorityAndNest() throws Exception {
        Fixtures.assertAllPass(Fixtures.run(new RunnerEngine(), Fixtures.link(dir, "interrupts"), "x"));
    }

    @Test
    void theHandlerRunsAtTheLevelOfItsInterrupt() throws Exception {
        Fixtures.assertAllPass(Fixtures.run(new RunnerEngine(), Fixtures.link(dir, "interrupt_mask"), ""));
    }

    @Test
    void anInterruptIsTakenRightAfterTheSrWriteThatLetsItIn() throws Exception {
        Fixtures.assertAllPass(Fixtures.run(new RunnerEngine(), Fixtures.link(dir, "interrupt_timing"), ""));
    }

    @Test
    void stopIdlesUntilTheAlarmInsteadOfExecuting() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine machine = Fixtures.boot(Fixtures.link(dir, "stop"), console)) {
            MachineStop stop = Fixtures.runToEnd(machine);
            assertEquals(MachineStop.Kind.HALT, stop.kind(), stop.detail());
            // The fixture runs a few thousand instructions of its own; sleeping by executing would be millions.
            assertTrue(stop.instructions() < STOP_FIXTURE_SLEEP_INSTRUCTIONS / 1000, () -> stop.instructions()
                    + " instructions: the CPU executed while it should have been stopped");
        }
        Fixtures.assertAllPass(console.toString(US_ASCII));
    }

    @Test
    void stopWithNothingToWakeItEndsTheRunAsHung() throws Exception {
        assertHangs("stop_hung", "the CPU executed STOP (SR 0x2000) and no enabled interrupt can wake it");
    }

    @Test
    void stopWithOnlyAMaskedLevelPendingEndsTheRunAsHung() throws Exception {
        assertHangs("stop_masked", "the CPU executed STOP (SR 0x2700) and no enabled interrupt can wake it");
    }

    /** The fixture's first test passes, then its STOP ends the run as HUNG with that detail. */
    private void assertHangs(String fixture, String detail) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Machine machine = Fixtures.boot(Fixtures.link(dir, fixture), console)) {
            MachineStop stop = Fixtures.runToEnd(machine);
            assertEquals(MachineStop.Kind.HUNG, stop.kind(), stop.detail());
            assertEquals(detail, stop.detail());
        }
        String transcript = console.toString(US_ASCII);
        assertTrue(transcript.contains("\nok 1 - "), transcript);
        assertTrue(!transcript.contains("not ok"), transcript);
    }
}
