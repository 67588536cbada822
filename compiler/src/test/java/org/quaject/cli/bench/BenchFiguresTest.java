package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The figures made of given runs, as the engines would report them: the
 * runner's console lines carry the machine's instruction counts, QEMU's do not.
 */
class BenchFiguresTest {

    private final BenchEngine runner = new RunnerBenchEngine();
    private final BenchEngine qemu = new QemuBenchEngine();

    /** A run of a stopwatch kernel: start line at 1 ms, report at 1 ms plus the work's time. */
    private static BenchRun stopwatchRun(long guestCount, OptionalLong machineStart, long machineCount,
                                         long workNanos, String result) {
        String console = "# bench: started\n# bench: " + guestCount + " instructions, result " + result
                + "\n# qj-exit: 0\n";
        OptionalLong machineEnd = machineStart.isPresent()
                ? OptionalLong.of(machineStart.getAsLong() + machineCount) : OptionalLong.empty();
        return new BenchRun(5 * workNanos, console, List.of(
                new ConsoleWatch.LineStart(1_000_000, machineStart),
                new ConsoleWatch.LineStart(1_000_000 + workNanos, machineEnd),
                new ConsoleWatch.LineStart(1_000_000 + workNanos + 1000, machineEnd)));
    }

    private static BenchRun runnerRun(long guestCount, long machineCount, long workNanos, String result) {
        return stopwatchRun(guestCount, OptionalLong.of(16_000), machineCount, workNanos, result);
    }

    private static BenchRun qemuRun(long guestCount, long workNanos, String result) {
        return stopwatchRun(guestCount, OptionalLong.empty(), 0, workNanos, result);
    }

    private BenchFigures figures(BenchKernel kernel, List<BenchRun> runnerRuns, List<BenchRun> qemuRuns)
            throws BenchFailure {
        Map<BenchEngine, List<BenchRun>> runs = new LinkedHashMap<>();
        runs.put(runner, runnerRuns);
        runs.put(qemu, qemuRuns);
        return BenchFigures.of(new BenchSession.Runs(List.of(runner, qemu), Map.of(kernel, runs)));
    }

    /** The cells of the table's row with that label, split at the table's gaps. */
    private static List<String> row(BenchFigures figures, String label) {
        return figures.table().lines().filter(l -> l.startsWith(label)).findFirst()
                .map(l -> List.of(l.split(" {3,}"))).orElseThrow(() -> new AssertionError("no row " + label
                        + " in\n" + figures.table()));
    }

    @Test
    void engineThatAgreeGiveInstructionsMipsAndTheirRatioWithoutWarnings() throws BenchFailure {
        // The runner: 1,000,000 instructions in 10, 20 and 40 ms: 100, 50 and 25 MIPS.
        // QEMU: the same instructions in 2 and 4 ms: 500 and 250 MIPS, median 375.
        // Each whole run takes five times its work: the runner's median 0.1 s, QEMU's 0.015 s.
        BenchFigures figures = figures(BenchKernel.COMPUTE,
                List.of(runnerRun(1_000_000, 1_000_000, 10_000_000, "0x12345678"),
                        runnerRun(1_000_000, 1_000_000, 40_000_000, "0x12345678"),
                        runnerRun(1_000_000, 1_000_000, 20_000_000, "0x12345678")),
                List.of(qemuRun(1_000_000, 2_000_000, "0x12345678"),
                        qemuRun(1_000_000, 4_000_000, "0x12345678")));
        assertEquals(List.of("", "runner", "QEMU", "runner/QEMU"),
                List.of(figures.table().lines().findFirst().orElseThrow().split(" {3,}", -1)));
        assertEquals(List.of("compute: instructions", "1,000,000", "1,000,000"),
                row(figures, "compute: instructions"));
        assertEquals(List.of("compute: MIPS", "50.0 (25.0..100)", "375 (250..500)", "0.13"),
                row(figures, "compute: MIPS"));
        assertEquals(List.of("compute: whole run, s", "0.10 (0.05..0.20)", "0.02 (0.01..0.02)", "6.67"),
                row(figures, "compute: whole run, s"));
        assertEquals(List.of(), figures.warnings());
    }

    @Test
    void engineCountsThatDifferAreAWarning() throws BenchFailure {
        BenchFigures figures = figures(BenchKernel.INTERRUPTS,
                List.of(runnerRun(700, 700, 1000, "0x00000001")),
                List.of(qemuRun(847, 1000, "0x00000001")));
        assertEquals(List.of("interrupts: the runner counts 700 instructions and QEMU 847"), figures.warnings());
        assertEquals(List.of("interrupts: instructions", "700", "847"), row(figures, "interrupts: instructions"));
    }

    @Test
    void resultsThatDifferAreAWarning() throws BenchFailure {
        BenchFigures figures = figures(BenchKernel.COMPUTE,
                List.of(runnerRun(700, 700, 1000, "0x00000001")),
                List.of(qemuRun(700, 1000, "0x00000002")));
        assertEquals(List.of("compute: the result is 0x00000001 on the runner and 0x00000002 on QEMU"),
                figures.warnings());
    }

    @Test
    void aRunnerWhoseGuestClockAndMachineDisagreeIsAWarningAndTheMachineCounts() throws BenchFailure {
        BenchFigures figures = figures(BenchKernel.COMPUTE,
                List.of(runnerRun(699, 700, 1000, "0x00000001")),
                List.of(qemuRun(700, 1000, "0x00000001")));
        assertEquals(List.of("compute: on the runner the guest clock counts 699 instructions but the machine 700"),
                figures.warnings());
        assertEquals(List.of("compute: instructions", "700", "700"), row(figures, "compute: instructions"));
    }

    @Test
    void runsOfOneEngineThatDifferAreAWarning() throws BenchFailure {
        BenchFigures figures = figures(BenchKernel.COMPUTE,
                List.of(runnerRun(700, 700, 1000, "0x00000001"), runnerRun(701, 701, 1000, "0x00000001")),
                List.of(qemuRun(700, 1000, "0x00000001"), qemuRun(700, 1000, "0x00000001")));
        assertEquals(List.of("compute: the runs on runner differ: 700 instructions and result 0x00000001;"
                + " 701 instructions and result 0x00000001"), figures.warnings());
    }

    @Test
    void startUpIsTheWholeRunAndHelloTheFirstLinesArrival() throws BenchFailure {
        BenchRun runnerHalt = new BenchRun(4_000_000, "# qj-exit: 0\n", List.of());
        BenchRun qemuHalt = new BenchRun(80_000_000, "# qj-exit: 0\n", List.of());
        BenchRun runnerHello = new BenchRun(9_000_000, "Hello\n# qj-exit: 0\n",
                List.of(new ConsoleWatch.LineStart(3_000_000, OptionalLong.of(17_000)),
                        new ConsoleWatch.LineStart(3_500_000, OptionalLong.of(17_500))));
        BenchRun qemuHello = new BenchRun(90_000_000, "Hello\n# qj-exit: 0\n",
                List.of(new ConsoleWatch.LineStart(60_000_000, OptionalLong.empty())));
        Map<BenchKernel, Map<BenchEngine, List<BenchRun>>> runs = new LinkedHashMap<>();
        runs.put(BenchKernel.HALT, Map.of(runner, List.of(runnerHalt), qemu, List.of(qemuHalt)));
        runs.put(BenchKernel.HELLO, Map.of(runner, List.of(runnerHello), qemu, List.of(qemuHello)));
        BenchFigures figures = BenchFigures.of(new BenchSession.Runs(List.of(runner, qemu), runs));
        assertEquals(List.of("start-up: boot to halt, ms", "4.00", "80.0", "0.05"),
                row(figures, "start-up: boot to halt, ms"));
        assertEquals(List.of("hello: boot to first byte, ms", "3.00", "60.0", "0.05"),
                row(figures, "hello: boot to first byte, ms"));
    }

    @Test
    void oneEngineGetsOneColumnAndNoRatio() throws BenchFailure {
        Map<BenchKernel, Map<BenchEngine, List<BenchRun>>> runs = Map.of(BenchKernel.COMPUTE,
                Map.of(qemu, List.of(qemuRun(700, 1000, "0x00000001"))));
        BenchFigures figures = BenchFigures.of(new BenchSession.Runs(List.of(qemu), runs));
        assertEquals(List.of("", "QEMU"), List.of(figures.table().lines().findFirst().orElseThrow().split(" {3,}")));
        assertEquals(List.of("compute: MIPS", "700"), row(figures, "compute: MIPS"));
    }

    @Test
    void aKernelWithoutItsStopwatchReportFailsNamingKernelAndEngine() {
        BenchRun silent = new BenchRun(1000, "# bench: started\n# qj-exit: 0\n",
                List.of(new ConsoleWatch.LineStart(10, OptionalLong.empty())));
        BenchFailure failure = assertThrows(BenchFailure.class, () -> figures(BenchKernel.COMPUTE,
                List.of(runnerRun(700, 700, 1000, "0x00000001")), List.of(silent)));
        assertTrue(failure.getMessage().startsWith("compute printed no stopwatch report on QEMU"),
                failure::getMessage);
    }
}
