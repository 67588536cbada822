package org.quaject.e2e;

import org.junit.jupiter.api.Test;

/** The lock-free structures one operation at a time, on the runner and on QEMU. */
class LockFreeIT {

    /** The classes of queue and stack declarations (e2e/queues.qj). */
    @Test
    void queuesAndStacksWorkAlikeOnBothEngines() {
        BothEngines.assertPassesAlike("queues.qj", 8);
    }

    /** The library's LockFreeList and CasCounter (lib/lockfree.qj). */
    @Test
    void counterAndListOperationsPassAlikeOnBothEngines() {
        BothEngines.assertPassesAlike("lockfree-ops.qj", 9);
    }
}
