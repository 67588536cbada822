package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Instances created at run time by the runtime's synthesizer, from the class descriptors the compiler writes. */
class SynthesisIT {

    @Test
    void createdInstancesWorkAlikeOnBothEngines() {
        assertPassesAlikeOnBothEngines("synth-create.qj", 9);
    }

    @Test
    void inlinedLinksWorkAlikeOnBothEngines() {
        assertPassesAlikeOnBothEngines("synth-inline.qj", 9);
    }

    private static void assertPassesAlikeOnBothEngines(String fixture, int tests) {
        QjProcess.Result runner = QjProcess.run("test", QjProcess.fixture(fixture), "--engine", "runner");
        QjProcess.Result qemu = QjProcess.run("test", QjProcess.fixture(fixture), "--engine", "qemu");
        assertEquals(0, runner.exitStatus(), runner::toString);
        assertTrue(runner.stdout().endsWith(tests + " passed, 0 failed\n"), runner::toString);
        assertEquals(qemu.stdout(), runner.stdout(), "the same test output on both engines");
        assertEquals(qemu.exitStatus(), runner.exitStatus());
    }

    @Test
    void callingThroughAnUnlinkedCalloutIsACrashThatNamesTheSlot() {
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("synth-unlinked.qj"));
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains("not ok 1 - calls through an unlinked callout # Illegal instruction"),
                result::toString);
        assertTrue(result.stdout().matches("(?s).*\n#     at 0x[0-9a-f]{8} qj_unlinked_slot\\+0x0 "
                + "\\(runtime-m68k/synth\\.s:\\d+\\): illegal\n.*"), result::toString);
    }
}
