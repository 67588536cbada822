package org.quaject.e2e;

import org.junit.jupiter.api.Test;

/**
 * Interrupt lines bound in the kernel (docs/language.md, "Interrupt
 * handlers"): installed and enabled by the compiler, dispatched among the
 * instances that share a level, the same on both engines.
 */
class InterruptLinesIT {

    @Test
    void twoInstancesOnOneLevelEachGetTheirOwnInterrupts() {
        BothEngines.assertPassesAlike("shared-level.qj", 2);
    }
}
