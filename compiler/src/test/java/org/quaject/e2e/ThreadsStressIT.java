package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * examples/threads under the runner's preemption mode: the quantum clock's
 * alarms fire 1 to 100 instructions after each switch sets them, drawn from
 * the seed, so the threads' operations are cut into at other points by each
 * seed, switch code and intent marks included. The operations' tests must
 * pass under every seed. The ring-order and share tests measure the quanta
 * the clock gives, which this mode replaces by random ones, so they are not
 * judged here (ExamplesIT runs them on both engines). No --timeout: the
 * default instruction budget bounds the runs.
 */
class ThreadsStressIT {

    private static final List<String> OPERATIONS = List.of(
            "suspend, resume and destroy from another thread, and their errors",
            "a thread suspends itself and is resumed, then destroys itself",
            "10000 threads check in and end, and their blocks are reused by the next 10000",
            "20000 threads alive at once, each preempted every 256 instructions, all make progress and end",
            "bad requests are refused and change nothing",
            "two threads take 100000 turns each through wait and notify, no wake-up lost",
            "a thread's divide by zero goes to its own handler, which ends it while another runs on",
            "a producer and a consumer thread block on a queue through its callbacks: 1000000 elements, in order",
            "two producers and two consumers block on one queue through waitsets: 200000 tagged elements, "
                    + "none lost, none twice, each producer's in order",
            "signals reach a ready, a suspended, a waiting and the running thread and run in it; "
                    + "a stopped thread runs nothing",
            "suspend, resume, signal, stop, step and destroy from an interrupt handler, the last of the running "
                    + "thread",
            "sleeping threads wake in the order of their times, not before, while the others run",
            "a stopped thread steps one instruction of its own at a time and runs nothing between steps",
            "with no memory left, create and setvector are refused and change nothing");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3})
    void theOperationsHoldUnderPreemptionFromTheSeed(int seed) {
        QjProcess.Result result = QjProcess.run("test", QjProcess.example("threads"), "--preempt", seed);
        List<String> lines = result.stdout().lines().toList();
        for (String test : OPERATIONS) {
            assertTrue(lines.stream().anyMatch(l -> l.matches("ok \\d+ - \\Q" + test + "\\E")),
                    "not passed: " + test + "\n" + result);
        }
    }
}
