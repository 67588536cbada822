package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The disk kernel's console read back ({@link DiskMeasurement}) and what it
 * comes to ({@link DiskFigures}): the runner's counts a request, the
 * throughput on each engine, and Massalin's Table 7.3 beside them.
 */
class DiskFiguresTest {

    /** The cost lines bench/disk.qj prints on the runner (its figures of 64 requests each). */
    private static final String COSTS = """
            # disk cost: polled read, 1 sector, 64 requests: 9152 instructions
            # disk cost: polled write, 1 sector, 64 requests: 9344 instructions
            # disk cost: polled read, 128 sectors, 64 requests: 9152 instructions
            # disk cost: polled write, 128 sectors, 64 requests: 9344 instructions
            # disk cost: interrupt read, 1 sector, 64 requests: 8896 instructions, submit 5312
            # disk cost: interrupt write, 1 sector, 64 requests: 9088 instructions, submit 5504
            # disk cost: interrupt read, 128 sectors, 64 requests: 8896 instructions, submit 5312
            # disk cost: interrupt write, 128 sectors, 64 requests: 9088 instructions, submit 5504
            """;

    private static final int COST_LINES = 8;

    private final BenchEngine runner = new RunnerBenchEngine();
    private final BenchEngine qemu = new QemuBenchEngine();

    /**
     * A run: the cost lines, then the transfers, 16 requests of 128 sectors
     * (1 MiB) each, with the stopwatch lines 1 ms apart on the host and 2,560
     * instructions apart (counted by the engine if {@code counting}).
     */
    private static BenchRun run(String costs, boolean counting, String... resultsOfTransfers) {
        StringBuilder console = new StringBuilder(costs);
        List<ConsoleWatch.LineStart> starts = new ArrayList<>();
        long nanos = 0;
        long instructions = 0;
        for (int i = 0; i < costs.lines().count(); i++) {
            starts.add(start(nanos += 1_000, instructions += 100, counting));
        }
        String[] kinds = {"polled write", "polled read", "interrupt write", "interrupt read"};
        for (int i = 0; i < resultsOfTransfers.length; i++) {
            console.append("# disk: ").append(kinds[i]).append(", 16 requests of 128 sectors\n")
                    .append("# bench: started\n")
                    .append("# bench: 2560 instructions, result ").append(resultsOfTransfers[i]).append('\n');
            starts.add(start(nanos += 1_000, instructions += 100, counting));
            starts.add(start(nanos += 1_000, instructions += 100, counting));
            starts.add(start(nanos += 1_000_000, instructions += 2_560, counting));
        }
        return new BenchRun(nanos, console.toString(), starts);
    }

    private static ConsoleWatch.LineStart start(long nanos, long instructions, boolean counting) {
        return new ConsoleWatch.LineStart(nanos, counting ? OptionalLong.of(instructions) : OptionalLong.empty());
    }

    private static BenchRun run(boolean counting) {
        return run(COSTS, counting, "0x00000000", "0x00000000", "0x00000000", "0x00000000");
    }

    @Test
    void theCostLinesGiveTheInstructionsARequestAndASector() throws BenchFailure {
        DiskMeasurement measured = DiskMeasurement.parse(run(true));
        assertEquals(COST_LINES, measured.costs().size());
        DiskMeasurement.Cost polled = measured.costs().get(2);
        assertEquals("polled read, 128 sectors", polled.label());
        assertEquals(143, polled.perRequest());
        assertEquals(143.0 / 128, polled.perSector());
        assertTrue(polled.submitPerRequest().isEmpty());
        DiskMeasurement.Cost submitted = measured.costs().get(5);
        assertEquals("interrupt write, 1 sector", submitted.label());
        assertEquals(142, submitted.perRequest());
        assertEquals(86, submitted.submitPerRequest().getAsDouble());
        assertEquals(56, submitted.interruptPerRequest().getAsDouble());
    }

    @Test
    void aTransferIsTimedBetweenTheStopwatchLinesOnTheHost() throws BenchFailure {
        DiskMeasurement measured = DiskMeasurement.parse(run(true));
        assertEquals(4, measured.transfers().size());
        DiskMeasurement.Transfer write = measured.transfers().get(0);
        assertEquals("polled write", write.request());
        assertEquals(1 << 20, write.bytes());
        assertEquals(1_000_000, write.nanos());
        assertEquals(1_048.576, write.megabytesPerSecond(), 1e-9);
        assertEquals(2_560, write.instructions());
        assertEquals(160, write.instructionsPerRequest());
    }

    @Test
    void onAnEngineThatDoesNotCountTheGuestClockCounts() throws BenchFailure {
        assertEquals(2_560, DiskMeasurement.parse(run(false)).transfers().get(3).instructions());
    }

    @Test
    void aFailedRequestFailsTheBench() {
        BenchFailure failure = assertThrows(BenchFailure.class, () -> DiskMeasurement.parse(
                run(COSTS, true, "0x00000000", "0x00000001", "0x00000000", "0x00000000")));
        assertTrue(failure.getMessage().contains("polled read"), failure.getMessage());
    }

    @Test
    void aKernelThatPrintedNoCostFails() {
        assertThrows(BenchFailure.class, () -> DiskMeasurement.parse(run("# disk: init failed\n", true)));
    }

    private DiskFigures figures(List<DiskMeasurement> runnerRuns, List<DiskMeasurement> qemuRuns)
            throws BenchFailure {
        Map<BenchEngine, List<DiskMeasurement>> runs = new LinkedHashMap<>();
        runs.put(runner, runnerRuns);
        runs.put(qemu, qemuRuns);
        return DiskFigures.of(runnerRuns, runs, Optional.of(new BenchFigures.Ratio("runner/QEMU", runner, qemu)));
    }

    @Test
    void theCostTableHasARowPerKindOfRequest() throws BenchFailure {
        DiskMeasurement measured = DiskMeasurement.parse(run(true));
        DiskFigures figures = figures(List.of(measured, measured), List.of(DiskMeasurement.parse(run(false))));
        List<String> rows = figures.costTable().lines().toList();
        assertEquals(List.of("request", "instructions a request", "a sector (512 bytes)", "submit", "interrupt"),
                List.of(rows.get(0).split(" {3,}")));
        assertEquals(List.of("polled read, 128 sectors", "143", "1.12", "-", "-"), List.of(rows.get(3).split(" {3,}")));
        assertEquals(List.of("interrupt write, 1 sector", "142", "142.00", "86", "56"),
                List.of(rows.get(6).split(" {3,}")));
        assertEquals(List.of(), figures.warnings());
    }

    @Test
    void theTransferTableHasEachEngineAndTheRatio() throws BenchFailure {
        DiskFigures figures = figures(List.of(DiskMeasurement.parse(run(true))),
                List.of(DiskMeasurement.parse(run(false))));
        List<String> rows = figures.transferTable().lines().toList();
        assertEquals(List.of("runner", "QEMU", "runner/QEMU"), List.of(rows.get(0).strip().split(" {3,}")));
        assertEquals(List.of("polled write: MB/s", "1049", "1049", "1.00"), List.of(rows.get(1).split(" {3,}")));
        assertEquals(List.of("polled write: instructions a request", "160", "160"),
                List.of(rows.get(2).split(" {3,}")));
        assertEquals(9, rows.size());
        assertEquals(1 << 20, figures.transferBytes());
        assertEquals(16, figures.transferRequests());
    }

    @Test
    void synthesisReadsNBytesIn9PlusNOver8Microseconds() throws BenchFailure {
        DiskFigures figures = figures(List.of(DiskMeasurement.parse(run(true))),
                List.of(DiskMeasurement.parse(run(false))));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : figures.synthesisTable().lines().toList()) {
            List<String> cells = List.of(line.strip().split(" {3,}"));
            rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        assertEquals(List.of("73", "8,201"), rows.get("Synthesis: read N bytes of a file, us (9 + N/8)"));
        assertEquals(List.of("1,825", "205,025"), rows.get("the same in cycles of its 25 MHz 68030 (us x 25)"));
        assertEquals(List.of("74", "8,202"), rows.get("Synthesis under Unix emulation, us (10 + N/8)"));
        assertEquals(List.of("143", "143"), rows.get("this driver: polled read of N bytes, instructions"));
        assertEquals(List.of("139", "139"), rows.get("this driver: interrupt read of N bytes, instructions"));
        assertEquals(List.of("18.30", "18.30"), rows.get("the polled read in guest time, us (128 ns an instruction)"));
    }

    @Test
    void runsThatCountDifferentlyAreWarnedOf() throws BenchFailure {
        DiskMeasurement runnerRun = DiskMeasurement.parse(run(true));
        DiskMeasurement otherCount = DiskMeasurement.parse(run(COSTS.replace("8896 instructions, submit 5312",
                "8960 instructions, submit 5312"), false, "0x00000000", "0x00000000", "0x00000000", "0x00000000"));
        DiskFigures figures = figures(List.of(runnerRun), List.of(otherCount));
        assertEquals(2, figures.warnings().size(), figures.warnings()::toString);
        assertTrue(figures.warnings().get(0).startsWith("interrupt read, 1 sector: QEMU counts 8,960 instructions"),
                figures.warnings()::toString);
    }
}
