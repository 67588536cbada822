package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test fixtures that must behave the same on the in-process runner and on QEMU. */
final class BothEngines {

    private BothEngines() {
    }

    /** The fixture's tests all pass, {@code tests} of them, with the same output on both engines. */
    static void assertPassesAlike(String fixture, int tests) {
        QjProcess.Result runner = QjProcess.run("test", QjProcess.fixture(fixture), "--engine", "runner");
        QjProcess.Result qemu = QjProcess.run("test", QjProcess.fixture(fixture), "--engine", "qemu");
        assertEquals(0, runner.exitStatus(), runner::toString);
        assertTrue(runner.stdout().endsWith(tests + " passed, 0 failed\n"), runner::toString);
        assertEquals(qemu.stdout(), runner.stdout(), "the same test output on both engines");
        assertEquals(qemu.exitStatus(), runner.exitStatus());
    }
}
