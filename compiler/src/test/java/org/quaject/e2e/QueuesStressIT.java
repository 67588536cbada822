package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * examples/queues under the runner's preemption mode: every RTC alarm fires at
 * an instruction drawn from the seed, up to 4096 instructions ahead (the delays
 * the example draws itself), so each seed cuts the million-element workloads at
 * other points. ExamplesIT runs the example once on QEMU and once on the runner
 * with the example's own delays. No --timeout: qj test's default instruction
 * budget bounds these runs, the longest of any example, so the verdict does not
 * depend on the host, and a budget too small for them fails here.
 */
class QueuesStressIT {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3})
    void everyWorkloadPassesUnderPreemptionFromTheSeed(int seed) {
        QjProcess.Result result = QjProcess.run("test", QjProcess.example("queues"), "--preempt", seed,
                "--preempt-gap", 4096);
        assertEquals(0, result.exitStatus(), result::toString);
        assertTrue(result.stdout().endsWith("7 passed, 0 failed\n"), result::toString);
    }
}
