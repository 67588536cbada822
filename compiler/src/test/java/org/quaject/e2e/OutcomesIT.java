package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Exit statuses, failed and crashed tests, and the crash report, as users see them. */
class OutcomesIT {

    @Test
    void aDivisionByZeroPrintsTheRegisterReportAndRunExitsNonZero() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("divide-by-zero.qj"), "--engine", "qemu");
        assertEquals(3, result.exitStatus(), result::toString);
        String console = result.stdout();
        assertTrue(console.contains("*** Zero divide (vector 5) at PC 0x"), result::toString);
        assertTrue(console.contains("D0 0x12345678"), "d0 at the fault is reported\n" + result);
        assertTrue(console.contains("D7 0xcafe0007"), "d7 at the fault is reported\n" + result);
        assertTrue(console.matches("(?s).*A7 0x[0-9a-f]{8}.*"), result::toString);
        assertTrue(console.contains("SR 0x"), result::toString);
        assertTrue(result.stderr().contains("panicked"), result::toString);
    }

    @Test
    void aCrashingTestFailsWithTheExceptionAndTheNextTestStillRuns() {
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("crash-in-test.qj"), "--engine", "qemu");
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains("not ok 1 - divides by zero # Zero divide (vector 5) at PC 0x"),
                result::toString);
        assertTrue(result.stdout().contains("\nok 2 - runs after the crash\n"), result::toString);
        assertTrue(result.stdout().endsWith("1 passed, 1 failed\n"), result::toString);
    }

    @Test
    void failingTestsAreReportedWithTheirReasons() {
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("failing-test.qj"), "--engine", "qemu");
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().startsWith("1..3\nok 1 - passes\n"), result::toString);
        assertTrue(result.stdout().contains("\nnot ok 2 - fails with a reason # two is not three\n"), result::toString);
        assertTrue(result.stdout().contains(
                "\nnot ok 3 - forgets to pass # the test ended without passing or failing\n"), result::toString);
        assertTrue(result.stdout().endsWith("1 passed, 2 failed\n"), result::toString);
    }

    @Test
    void mainsResultIsTheExitStatus() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("exit-status.qj"), "--engine", "qemu");
        assertEquals(7, result.exitStatus(), result::toString);
        assertEquals("", result.stdout(), "the status line is not console output");
    }

    @Test
    void anExitStatusBeyondEightBitsIsReportedAs255() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("large-exit-status.qj"), "--engine", "qemu");
        assertEquals(255, result.exitStatus(), result::toString);
    }

    @Test
    void runStopsAnImageThatNeverEndsAtItsTimeout() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("loops-forever.qj"), "--engine", "qemu",
                "--timeout", "2");
        assertEquals(3, result.exitStatus(), result::toString);
        assertTrue(result.stderr().contains("the image did not stop within 2.0 s"), result::toString);
    }

    @Test
    void testReportsTheTestsATimeoutCutOff() {
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("loops-forever.qj"), "--engine", "qemu",
                "--timeout", "2");
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains("\nok 1 - passes\n"), result::toString);
        assertTrue(result.stdout().contains("\nnot ok 2 - (not reported) # the image did not stop within 2.0 s"),
                result::toString);
        assertTrue(result.stdout().endsWith("1 passed, 1 failed\n"), result::toString);
    }

    @Test
    void aTimeoutThatIsNotPositiveIsAUsageError() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("exit-status.qj"), "--timeout", "0");
        assertEquals(2, result.exitStatus(), result::toString);
        assertTrue(result.stderr().contains("--timeout must be a positive number of seconds"), result::toString);
    }

    @Test
    void aForeignFileIsRejectedCleanly() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.ROOT.resolve("README.md"), "--engine", "qemu");
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stderr().startsWith("qj: error: "), result::toString);
        assertTrue(!result.stderr().contains("Exception"), result::toString);
    }
}
