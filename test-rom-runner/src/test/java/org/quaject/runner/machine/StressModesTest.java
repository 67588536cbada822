package org.quaject.runner.machine;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.Contention;
import org.quaject.runner.EngineException;
import org.quaject.runner.Preemption;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunResult;
import org.quaject.runner.RunnerEngine;

/**
 * The runner's stress modes on real runs (docs/runner.md, "Stress modes"):
 * preemption moves every RTC alarm to a drawn instruction, reproducibly;
 * contention interrupts CAS and CAS2 so that their loops retry.
 * {@code preempt_points.s} reports which instructions of its loop the
 * interrupts came before; {@code cas_contend.s} checks that no increment of
 * its lock-free counter and pair is lost.
 */
class StressModesTest {
    /** Every one of the 32 instructions of preempt_points' loop. */
    private static final long ALL_OFFSETS = 0xffffffffL;

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedOtherInterruptPoints() throws Exception {
        Path image = Fixtures.link(dir, "preempt_points");
        RunResult first = run(image, Preemption.seeded(1));
        RunResult again = run(image, Preemption.seeded(1));
        RunResult other = run(image, Preemption.seeded(2));
        Fixtures.assertAllPass(first);
        Fixtures.assertAllPass(other);
        assertArrayEquals(first.transcript(), again.transcript(), text(again));
        assertEquals(first.detail(), again.detail());
        assertNotEquals(diag(first, "sequence hash"), diag(other, "sequence hash"), text(other));
    }

    @Test
    void preemptionInterruptsTheLoopBeforeEveryOneOfItsInstructions() throws Exception {
        Path image = Fixtures.link(dir, "preempt_points");
        RunResult programmed = Fixtures.run(new RunnerEngine(), image, "");
        Fixtures.assertAllPass(programmed);
        assertNotEquals(ALL_OFFSETS, diag(programmed, "offsets hit"), text(programmed));
        for (long seed = 1; seed <= 3; seed++) {
            RunResult preempted = run(image, Preemption.seeded(seed));
            Fixtures.assertAllPass(preempted);
            assertEquals(ALL_OFFSETS, diag(preempted, "offsets hit"), text(preempted));
            assertTrue(diag(preempted, "interrupts") > 10 * diag(programmed, "interrupts"), text(preempted));
        }
    }

    @Test
    void theGapBoundsTheInstructionsBetweenAnArmedAlarmAndItsInterrupt() throws Exception {
        Path image = Fixtures.link(dir, "preempt_points");
        RunResult tight = run(image, Preemption.seeded(1).withGap(25));
        RunResult loose = run(image, Preemption.seeded(1).withGap(1000));
        Fixtures.assertAllPass(tight);
        Fixtures.assertAllPass(loose);
        assertTrue(diag(tight, "interrupts") > 4 * diag(loose, "interrupts"),
                () -> text(tight) + "\n" + text(loose));
    }

    @Test
    void contentionMakesTheCasLoopsRetryAndLosesNoIncrement() throws Exception {
        Path image = Fixtures.link(dir, "cas_contend");
        long start = System.nanoTime();
        RunResult preempted = run(image, Preemption.seeded(1));
        long preemptedNanos = System.nanoTime() - start;
        start = System.nanoTime();
        RunResult contended = run(image, Preemption.seeded(1).contending());
        long contendedNanos = System.nanoTime() - start;
        Fixtures.assertAllPass(preempted);
        Fixtures.assertAllPass(contended);
        assertEquals(Optional.empty(), preempted.contention());
        Contention counts = contended.contention().orElseThrow();
        assertTrue(counts.interrupted() > 0 && counts.failed() > 0, counts::line);
        // At least the main line's 200 CAS and 200 CAS2, and a retry for each failure.
        assertTrue(counts.executed() >= 400 + counts.failed(), counts::line);
        System.out.printf("cas_contend, seed 1: preemption %.1f ms (%s), with contention %.1f ms (%s); %s%n",
                preemptedNanos / 1e6, preempted.summary(), contendedNanos / 1e6, contended.summary(), counts.line());
    }

    @Test
    void contentionIsReproducibleToo() throws Exception {
        Path image = Fixtures.link(dir, "cas_contend");
        RunResult first = run(image, Preemption.seeded(7).contending());
        RunResult again = run(image, Preemption.seeded(7).contending());
        assertArrayEquals(first.transcript(), again.transcript(), text(again));
        assertEquals(first.contention(), again.contention());
    }

    /**
     * Without flushes of the core's translation cache this run fills the
     * core's code buffer with translations the runner dropped, and Unicorn
     * then crashes the JVM. It takes the core some 20 s of translating.
     */
    @Test
    void aStressRunThatTranslatesMoreThanTheCodeBufferHoldsEndsNormally() throws Exception {
        Path image = Fixtures.link(dir, "translation_churn");
        long start = System.nanoTime();
        RunResult churned = new RunnerEngine().run(new RunRequest(image, Fixtures.RAM_BYTES, false, null,
                OutputStream.nullOutputStream(), Duration.ofMinutes(2)).withPreemption(Preemption.seeded(1).contending()));
        Fixtures.assertAllPass(churned);
        Contention counts = churned.contention().orElseThrow();
        // Every round's CAS comes while the alarm is armed.
        assertEquals(2000, counts.interrupted(), counts::line);
        System.out.printf("translation_churn: %.1f ms (%s); %s%n", (System.nanoTime() - start) / 1e6,
                churned.summary(), counts.line());
    }

    @Test
    void qemuHasNoStressModes() throws Exception {
        Path image = Fixtures.link(dir, "preempt_points");
        RunRequest request = new RunRequest(image, Fixtures.RAM_BYTES, false, null, OutputStream.nullOutputStream(),
                Fixtures.TIMEOUT).withPreemption(Preemption.seeded(1));
        EngineException refused = assertThrows(EngineException.class, () -> new QemuEngine().run(request));
        assertTrue(refused.getMessage().contains("QEMU has no stress modes"), refused.getMessage());
    }

    @Test
    void aGapBelowOneInstructionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Preemption.seeded(1).withGap(0));
    }

    private static RunResult run(Path image, Preemption mode) throws EngineException {
        return new RunnerEngine().run(new RunRequest(image, Fixtures.RAM_BYTES, false, null,
                OutputStream.nullOutputStream(), Fixtures.TIMEOUT).withPreemption(mode));
    }

    /** The value of a fixture's {@code diag} line. */
    private static long diag(RunResult result, String name) {
        Matcher line = Pattern.compile("(?m)^# " + Pattern.quote(name) + " 0x([0-9a-f]{8})$").matcher(text(result));
        assertTrue(line.find(), () -> "no '# " + name + "' line in:\n" + text(result));
        return Long.parseLong(line.group(1), 16);
    }

    private static String text(RunResult result) {
        return new String(result.transcript(), US_ASCII);
    }
}
