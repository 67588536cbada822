package org.quaject.e2e;

import org.junit.jupiter.api.Test;

/** The classes of queue and stack declarations, one operation at a time (e2e/queues.qj). */
class QueueIT {

    @Test
    void queuesAndStacksWorkAlikeOnBothEngines() {
        BothEngines.assertPassesAlike("queues.qj", 8);
    }
}
