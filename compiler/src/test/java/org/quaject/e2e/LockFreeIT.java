package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lock-free library (lib/lockfree.qj) in one context, on the runner and on QEMU. */
class LockFreeIT {

    @Test
    void counterAndListOperationsPassAlikeOnBothEngines() {
        QjProcess.Result runner = QjProcess.run("test", QjProcess.fixture("lockfree-ops.qj"), "--engine", "runner");
        QjProcess.Result qemu = QjProcess.run("test", QjProcess.fixture("lockfree-ops.qj"), "--engine", "qemu");
        assertEquals(0, runner.exitStatus(), runner::toString);
        assertTrue(runner.stdout().endsWith("9 passed, 0 failed\n"), runner::toString);
        assertEquals(qemu.stdout(), runner.stdout(), "the same test output on both engines");
        assertEquals(qemu.exitStatus(), runner.exitStatus());
    }
}
