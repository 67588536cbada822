package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Instances created at run time by the runtime's synthesizer, from the class descriptors the compiler writes. */
class SynthesisIT {

    @Test
    void createdInstancesWorkAlikeOnBothEngines() {
        BothEngines.assertPassesAlike("synth-create.qj", 9);
    }

    @Test
    void inlinedLinksWorkAlikeOnBothEngines() {
        BothEngines.assertPassesAlike("synth-inline.qj", 9);
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
