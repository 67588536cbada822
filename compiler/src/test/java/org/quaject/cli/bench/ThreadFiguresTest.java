package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The figures of {@code qj bench threads} from made-up measurements: each part
 * its measurement less its baseline, Synthesis' figures and the goal beside
 * them, and the failures that keep a wrong measurement out of the table (the
 * real runs are in ThreadBenchIT).
 */
class ThreadFiguresTest {

    /** Every measurement bench/threads.qj makes, with counts that give round figures. */
    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("nothing", 100L);
        counts.put("unmask", 101L);
        counts.put("yield", 131L);
        counts.put("preemption", 128L);
        counts.put("create arguments", 103L);
        counts.put("create shared", 1_103L);
        counts.put("create own arguments", 105L);
        counts.put("create own", 1_605L);
        counts.put("destroy", 116L);
        counts.put("yield meeting destroyed", 161L);
        counts.put("suspend", 116L);
        counts.put("yield meeting suspended", 155L);
        counts.put("resume out", 121L);
        counts.put("yield meeting woken", 159L);
        counts.put("resume in", 116L);
        counts.put("wait arguments", 104L);
        counts.put("wait notify", 198L);
        counts.put("signal arguments", 102L);
        counts.put("signal", 122L);
        counts.put("yield meeting signalled", 171L);
        counts.put("step", 124L);
        counts.put("yield meeting stepped", 241L);
        return counts;
    }

    private static List<ThreadMeasurement> measurements(Map<String, Long> counts) {
        List<ThreadMeasurement> measurements = new ArrayList<>();
        counts.forEach((name, instructions) -> measurements.add(new ThreadMeasurement(name, instructions, 0)));
        return measurements;
    }

    private static List<String> row(ThreadFigures figures, String label) {
        return figures.table().lines().map(l -> List.of(l.split(" {3,}", -1)))
                .filter(cells -> cells.get(0).equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + figures.table()));
    }

    @Test
    void eachPartIsItsMeasurementLessItsBaselineNextToSynthesisAndTheGoal() throws BenchFailure {
        ThreadFigures figures = ThreadFigures.of(measurements(counts()));
        List<List<String>> rows = List.of(
                List.of("operation", "instructions", "Synthesis, us", "table", "cycles (us x 25)", "cycles/4",
                        "fewer than cycles/4"),
                List.of("preemptive switch", "27", "10.5", "3.3", "262.5", "65.6", "yes"),
                List.of("voluntary switch (yield)", "31", "-", "-", "-", "-", "-"),
                List.of("create, shared vector table", "1,000", "19.2", "5.2", "480", "120", "no"),
                List.of("create, own vector table", "1,500", "97.0", "5.2", "2425", "606.3", "no"),
                List.of("destroy", "16 + 30 = 46", "2.2 + 6.1", "5.2", "55 + 152.5", "51.9", "yes"),
                List.of("suspend", "16 + 24 = 40", "2.2 + 3.7", "5.2", "55 + 92.5", "36.9", "no"),
                List.of("resume, still in the ring", "16", "3.0", "5.2", "75", "18.8", "yes"),
                List.of("resume, re-inserted", "21 + 28 = 49", "6.6", "5.2", "165", "41.3", "no"),
                List.of("signal", "20 + 40 = 60", "4.6 + 4.4", "5.2", "115 + 110", "56.3", "no"),
                List.of("wait + notify round trip", "94", "-", "-", "-", "-", "-"),
                List.of("step", "24 + 110 = 134", "25.0", "5.2", "625", "156.3", "yes"));
        for (List<String> expected : rows) {
            assertEquals(expected, row(figures, expected.get(0)));
        }
        assertEquals(rows.size(), figures.table().lines().count(), figures::table);
        assertEquals(List.of(16L, 30L), figures.parts("destroy"));
        assertEquals(List.of(24L, 110L), figures.parts("step"));
    }

    @Test
    void anOperationThatFailedIsAFailureThatNamesItAndItsResult() {
        List<ThreadMeasurement> measurements = new ArrayList<>(measurements(counts()));
        measurements.replaceAll(m -> m.name().equals("suspend") ? new ThreadMeasurement("suspend", 116, 2) : m);
        BenchFailure failure = assertThrows(BenchFailure.class, () -> ThreadFigures.of(measurements));
        assertEquals("suspend: the operation returned d0 = 2, not 0 (done)", failure.getMessage());
    }

    @Test
    void aYieldsResultIsNotTheOperationsAndIsNotChecked() throws BenchFailure {
        List<ThreadMeasurement> measurements = new ArrayList<>(measurements(counts()));
        measurements.replaceAll(m -> m.name().equals("yield") ? new ThreadMeasurement("yield", 131, 0x2868) : m);
        assertEquals(List.of(31L), ThreadFigures.of(measurements).parts("voluntary switch (yield)"));
    }

    @Test
    void aMissingARepeatedOrAnEmptyMeasurementIsAFailure() {
        Map<String, Long> missing = counts();
        missing.remove("yield meeting woken");
        assertEquals("the threads kernel did not measure \"yield meeting woken\"",
                assertThrows(BenchFailure.class, () -> ThreadFigures.of(measurements(missing))).getMessage());
        List<ThreadMeasurement> twice = new ArrayList<>(measurements(counts()));
        twice.add(new ThreadMeasurement("destroy", 116, 0));
        assertEquals("the threads kernel measured \"destroy\" twice",
                assertThrows(BenchFailure.class, () -> ThreadFigures.of(twice)).getMessage());
        Map<String, Long> empty = counts();
        empty.put("resume in", 100L);
        assertEquals("resume in: 100 instructions, no more than its baseline nothing's 100",
                assertThrows(BenchFailure.class, () -> ThreadFigures.of(measurements(empty))).getMessage());
    }

    @Test
    void theDifferencesBetweenTwoEnginesNameTheRowsAndBothCounts() throws BenchFailure {
        ThreadFigures runner = ThreadFigures.of(measurements(counts()));
        Map<String, Long> other = counts();
        other.put("yield meeting destroyed", 162L);
        assertEquals(List.of(), runner.differences("runner", ThreadFigures.of(measurements(counts())), "QEMU"));
        assertEquals(List.of("destroy: 16 + 30 = 46 on runner, 16 + 31 = 47 on QEMU"),
                runner.differences("runner", ThreadFigures.of(measurements(other)), "QEMU"));
    }

    /** A run with one measurement, its stopwatch report saying 27 and the engine counting {@code counted}. */
    private static BenchRun run(String line, OptionalLong start, OptionalLong end) {
        String console = line + "\n# bench: started\n# bench: 27 instructions, result 0x00000000\n# qj-exit: 0\n";
        return new BenchRun(1_000, console, List.of(new ConsoleWatch.LineStart(10, OptionalLong.empty()),
                new ConsoleWatch.LineStart(20, start), new ConsoleWatch.LineStart(30, end)));
    }

    @Test
    void aMeasurementIsTheMachinesCountWhereTheEngineCountsElseTheGuestClocks() throws BenchFailure {
        assertEquals(List.of(new ThreadMeasurement("yield", 31, 0)),
                ThreadMeasurement.parse(run("# threads: yield", OptionalLong.of(1_000), OptionalLong.of(1_031))));
        assertEquals(List.of(new ThreadMeasurement("yield", 27, 0)),
                ThreadMeasurement.parse(run("# threads: yield", OptionalLong.empty(), OptionalLong.empty())));
    }

    @Test
    void theKernelsErrorLineIsAFailureThatSaysIt() {
        BenchRun failed = new BenchRun(1_000, "# threads: nothing\n# threads: error: a thread did not end\n"
                + "# qj-exit: 1\n", List.of());
        assertEquals("the threads kernel stopped: a thread did not end",
                assertThrows(BenchFailure.class, () -> ThreadMeasurement.parse(failed)).getMessage());
    }
}
