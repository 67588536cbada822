package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Threads declared in the kernel block: started at boot, preempting main and
 * the tests, which run as thread boot; after a test fails or crashes they are stopped
 * for good.
 */
class StaticThreadsIT {

    /** The workers' lines, interleaved where the quantum clock ended their turns. */
    private static final String WORKERS = """
            worker 3 round 1
            worker 1 round 1
            worker 2 round 1
            worker 3 round 2
            worker 3 round 3
            worker 1 round 2
            worker 2 round 2
            worker 1 round 3
            worker 2 round 3
            """;

    @Test
    void mainRunsAsThreadBootAndTheThreadsPrintAlikeOnBothEngines() {
        QjProcess.Result runner = QjProcess.run("run", QjProcess.fixture("static-threads.qj"), "--engine", "runner");
        QjProcess.Result qemu = QjProcess.run("run", QjProcess.fixture("static-threads.qj"), "--engine", "qemu");
        assertEquals(0, runner.exitStatus(), runner::toString);
        assertEquals(WORKERS, runner.stdout(), runner::toString);
        assertEquals(runner.stdout(), qemu.stdout(), "the same interleaving on both engines");
        assertEquals(runner.exitStatus(), qemu.exitStatus(), qemu::toString);
    }

    @Test
    void theTestsRunAsThreadBootAndPassAlikeOnBothEngines() {
        BothEngines.assertPassesAlike("static-threads.qj", 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void aCrashStopsTheThreadsAndTheTestsAfterItFail(String engine) {
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("static-threads-crash.qj"),
                "--engine", engine);
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains("\nnot ok 1 - a static thread crashes # Illegal instruction (vector 4)"),
                result::toString);
        assertTrue(result.stdout().contains("\nnot ok 2 - the next test cannot run as thread boot # the threads "
                + "stopped when an earlier test failed\n"), result::toString);
        assertTrue(result.stdout().endsWith("0 passed, 2 failed\n"), result::toString);
    }
}
