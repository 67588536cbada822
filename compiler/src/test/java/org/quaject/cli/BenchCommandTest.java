package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.cli.bench.BenchEngine;
import org.quaject.cli.bench.BenchFailure;
import org.quaject.cli.bench.BenchFigures;
import org.quaject.cli.bench.BenchKernel;
import org.quaject.cli.bench.BenchRun;
import org.quaject.cli.bench.BenchRunLine;
import org.quaject.cli.bench.BenchSession;
import org.quaject.cli.bench.ConsoleWatch;
import org.quaject.cli.bench.OtherCoreEngine;
import org.quaject.compiler.testing.QjCommandLine;
import org.quaject.runner.Preemption;

/**
 * The {@code qj bench} command line, run in-process: help and usage errors,
 * which engines {@code qj bench runner} measures and the table they make, from
 * made-up runs (the real runs are in BenchIT).
 */
class BenchCommandTest {

    static Stream<Arguments> helpRequests() {
        return Stream.of(
                Arguments.of(List.of("bench", "--help"), List.of("runner", "buffers", "queues", "threads", "compiler",
                        "disk", "help")),
                Arguments.of(List.of("bench", "threads", "--help"), List.of("--engine", "bench/threads.qj",
                        "preemptive switch", "Table 3.3", "5.2", "X + Y", "signal", "  step ", "under trace",
                        "us x 25", "over 4")),
                Arguments.of(List.of("bench", "disk", "--help"), List.of("--mib", "--repetitions", "--engine",
                        "virtio-blk", "polled", "submit", "interrupt", "MB/s", "Table 7.3", "9 + N/8", "10 + N/8",
                        "not cycles")),
                Arguments.of(List.of("bench", "buffers", "--help"), List.of("Massalin", "Table 3.1")),
                Arguments.of(List.of("bench", "runner", "--help"),
                        List.of("--repetitions", "--engine", "--quick", "Debian's", "JVM", "stress",
                                "--preempt-gap 100")),
                Arguments.of(List.of("bench", "help", "runner"), List.of("--repetitions", "--engine", "--quick")),
                Arguments.of(List.of("bench", "compiler", "--help"), List.of("--sizes", "10,000", "linearly")));
    }

    @ParameterizedTest(name = "qj {0}")
    @MethodSource("helpRequests")
    void helpExitsZeroAndListsTheOptions(List<String> args, List<String> mentioned) {
        QjCommandLine.Result result = QjCommandLine.run(args.toArray());
        assertEquals(0, result.status(), result::toString);
        for (String word : mentioned) {
            assertTrue(result.out().contains(word), () -> "help does not mention " + word + ":\n" + result.out());
        }
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("bench"), "missing command: runner, buffers, queues, threads, compiler or disk"),
                Arguments.of(List.of("bench", "disk", "--mib", "0"), "--mib must be from 1 to 1024, not 0"),
                Arguments.of(List.of("bench", "disk", "--mib", "1025"), "--mib must be from 1 to 1024, not 1025"),
                Arguments.of(List.of("bench", "disk", "--repetitions", "0"), "--repetitions must be at least 1, not 0"),
                Arguments.of(List.of("bench", "disk", "--engine", "bochs"), "Invalid value for option '--engine'"),
                Arguments.of(List.of("bench", "threads", "--engine", "bochs"), "Invalid value for option '--engine'"),
                Arguments.of(List.of("bench", "threads", "extra"), "Unmatched argument"),
                Arguments.of(List.of("bench", "runner", "--repetitions", "0"), "--repetitions must be at least 1, not 0"),
                Arguments.of(List.of("bench", "runner", "--repetitions", "many"), "'many' is not an int"),
                Arguments.of(List.of("bench", "runner", "--engine", "bochs"), "Invalid value for option '--engine'"),
                Arguments.of(List.of("bench", "runner", "extra"), "Unmatched argument"),
                Arguments.of(List.of("bench", "qemu"), "Unmatched argument"));
    }

    @ParameterizedTest(name = "qj {0}")
    @MethodSource("usageErrors")
    void aBadCommandLineIsAUsageErrorThatSaysWhy(List<String> args, String why) {
        QjCommandLine.Result result = QjCommandLine.run(args.toArray());
        assertAll(
                () -> assertEquals(2, result.status(), result::toString),
                () -> assertEquals("", result.out(), result::toString),
                () -> assertTrue(result.err().contains(why), result::toString),
                () -> assertTrue(result.err().contains("Usage: qj bench"), result::toString));
    }

    /** An engine that is never run: the figures are made of runs given to them. */
    private record FakeEngine(String name, boolean countsInstructions) implements BenchEngine {
        @Override
        public BenchRun run(Path image, Duration timeout) {
            throw new UnsupportedOperationException("a made-up engine");
        }
    }

    private static final BenchEngine RUNNER = new FakeEngine("runner (Unicorn 2.1.4)", true);
    private static final BenchEngine OTHER_CORE = new FakeEngine("runner (Unicorn 2.0.1)", true);
    private static final BenchEngine QEMU = new FakeEngine("QEMU", false);

    /**
     * A run of compute: its stopwatch lines 1 ms into the run and {@code workNanos} apart, with the
     * machine's count where the engine counts, the whole run five times the work.
     */
    private static BenchRun computeRun(BenchEngine engine, long instructions, long workNanos) {
        String console = "# bench: started\n# bench: " + instructions + " instructions, result 0x00000001\n";
        OptionalLong start = engine.countsInstructions() ? OptionalLong.of(16_000) : OptionalLong.empty();
        OptionalLong end = engine.countsInstructions() ? OptionalLong.of(16_000 + instructions) : OptionalLong.empty();
        return new BenchRun(5 * workNanos, console, List.of(new ConsoleWatch.LineStart(1_000_000, start),
                new ConsoleWatch.LineStart(1_000_000 + workNanos, end)));
    }

    /** The table of one compute run per engine, 1,000,000 instructions in the given times; and its warnings. */
    private static BenchFigures compute(BenchRunnerCommand.Engines engines, Map<BenchEngine, Long> nanos,
                                        Map<BenchEngine, Long> instructions) throws BenchFailure {
        Map<BenchEngine, List<BenchRun>> runs = new LinkedHashMap<>();
        for (BenchEngine engine : engines.all()) {
            runs.put(engine, List.of(computeRun(engine, instructions.getOrDefault(engine, 1_000_000L),
                    nanos.get(engine))));
        }
        return BenchFigures.of(new BenchSession.Runs(engines.all(), Map.of(BenchKernel.COMPUTE, runs)),
                engines.ratios());
    }

    private static List<String> cells(BenchFigures figures, String label) {
        return figures.table().lines().filter(l -> l.startsWith(label)).findFirst()
                .map(l -> List.of(l.split(" {3,}", -1)))
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + figures.table()));
    }

    @Test
    void bothCoresAndQemuGetAColumnEachThenRunnerOverQemuThenCoreOverCore() throws BenchFailure {
        BenchRunnerCommand.Engines engines = BenchRunnerCommand.engines(RUNNER, OTHER_CORE,
                BenchRunnerCommand.coreRatioHeader("2.1.4", "2.0.1"), QEMU);
        assertEquals(List.of(RUNNER, OTHER_CORE, QEMU), engines.all());
        // 100, 25 and 500 MIPS.
        BenchFigures figures = compute(engines, Map.of(RUNNER, 10_000_000L, OTHER_CORE, 40_000_000L,
                QEMU, 2_000_000L), Map.of());
        assertEquals(List.of("", "runner (Unicorn 2.1.4)", "runner (Unicorn 2.0.1)", "QEMU", "runner/QEMU",
                "2.1.4/2.0.1"), cells(figures, ""));
        assertEquals(List.of("compute: instructions", "1,000,000", "1,000,000", "1,000,000"),
                cells(figures, "compute: instructions"));
        assertEquals(List.of("compute: MIPS", "100", "25.0", "500", "0.20", "4.00"), cells(figures, "compute: MIPS"));
        assertEquals(List.of("compute: whole run, s", "0.05", "0.20", "0.01", "5.00", "0.25"),
                cells(figures, "compute: whole run, s"));
        assertEquals(List.of(), figures.warnings());
    }

    @Test
    void engineRunnerMeasuresBothCoresWithTheirRatioOnly() throws BenchFailure {
        BenchRunnerCommand.Engines engines = BenchRunnerCommand.engines(RUNNER, OTHER_CORE, "2.1.4/2.0.1", null);
        BenchFigures figures = compute(engines, Map.of(RUNNER, 10_000_000L, OTHER_CORE, 40_000_000L), Map.of());
        assertEquals(List.of("", "runner (Unicorn 2.1.4)", "runner (Unicorn 2.0.1)", "2.1.4/2.0.1"),
                cells(figures, ""));
        assertEquals(List.of("compute: MIPS", "100", "25.0", "4.00"), cells(figures, "compute: MIPS"));
    }

    @Test
    void oneCoreMakesTheTableOfBefore() throws BenchFailure {
        BenchEngine runner = new FakeEngine("runner", true);
        BenchRunnerCommand.Engines engines = BenchRunnerCommand.engines(runner, null, "", QEMU);
        BenchFigures figures = compute(engines, Map.of(runner, 10_000_000L, QEMU, 2_000_000L), Map.of());
        assertEquals(List.of("", "runner", "QEMU", "runner/QEMU"), cells(figures, ""));
        assertEquals(List.of("compute: MIPS", "100", "500", "0.20"), cells(figures, "compute: MIPS"));
        assertEquals(List.of(List.of(runner), List.of()),
                List.of(BenchRunnerCommand.engines(runner, null, "", null).all(),
                        BenchRunnerCommand.engines(runner, null, "", null).ratios()));
    }

    /** The table of one run per engine of a kernel, 1,000,000 instructions in the given times, on those engines only. */
    private static BenchFigures kernelOn(BenchKernel kernel, BenchRunnerCommand.Engines engines,
                                         Map<BenchEngine, Long> nanos) throws BenchFailure {
        Map<BenchEngine, List<BenchRun>> runs = new LinkedHashMap<>();
        for (BenchEngine engine : engines.all()) {
            if (nanos.containsKey(engine)) {
                runs.put(engine, List.of(computeRun(engine, 1_000_000L, nanos.get(engine))));
            }
        }
        return BenchFigures.of(new BenchSession.Runs(engines.all(), Map.of(kernel, runs)), engines.ratios());
    }

    @Test
    void theStressRowsHaveNoQemuFigureAndNoRatioWithQemuButTheCoresRatio() throws BenchFailure {
        BenchRunnerCommand.Engines engines = BenchRunnerCommand.engines(RUNNER, OTHER_CORE, "2.1.4/2.0.1", QEMU);
        BenchFigures figures = kernelOn(BenchKernel.STRESS, engines,
                Map.of(RUNNER, 10_000_000L, OTHER_CORE, 40_000_000L));
        assertEquals(List.of("stress (gap 100): instructions", "1,000,000", "1,000,000", "-"),
                cells(figures, "stress (gap 100): instructions"));
        assertEquals(List.of("stress (gap 100): whole run, s", "0.05", "0.20", "-", "-", "0.25"),
                cells(figures, "stress (gap 100): whole run, s"));
        assertEquals(List.of("stress (gap 100): MIPS", "100", "25.0", "-", "-", "4.00"),
                cells(figures, "stress (gap 100): MIPS"));
        assertEquals(List.of(), figures.warnings());
        // The columns stay aligned: each "-" under its column's title.
        List<String> lines = figures.table().lines().toList();
        int qemu = lines.get(0).indexOf("QEMU");
        int ratio = lines.get(0).indexOf("runner/QEMU");
        String mips = lines.stream().filter(l -> l.startsWith("stress (gap 100): MIPS")).findFirst().orElseThrow();
        assertEquals("-", mips.substring(qemu, qemu + 1), figures::table);
        assertEquals("-", mips.substring(ratio, ratio + 1), figures::table);
    }

    @Test
    void withOneCoreTheStressRowsEndInQemusMissingFigureAndRatio() throws BenchFailure {
        BenchEngine runner = new FakeEngine("runner", true);
        BenchRunnerCommand.Engines engines = BenchRunnerCommand.engines(runner, null, "", QEMU);
        BenchFigures figures = kernelOn(BenchKernel.STRESS, engines, Map.of(runner, 10_000_000L));
        assertEquals(List.of("", "runner", "QEMU", "runner/QEMU"), cells(figures, ""));
        assertEquals(List.of("stress (gap 100): instructions", "1,000,000", "-"),
                cells(figures, "stress (gap 100): instructions"));
        assertEquals(List.of("stress (gap 100): MIPS", "100", "-", "-"), cells(figures, "stress (gap 100): MIPS"));
    }

    @Test
    void theStressKernelIsTheInterruptsKernelUnderPreemptionWithGap100() {
        assertAll(
                () -> assertEquals("interrupts.qj", BenchKernel.STRESS.sourceFileName()),
                () -> assertEquals(BenchKernel.INTERRUPTS.workSymbol(), BenchKernel.STRESS.workSymbol()),
                () -> assertEquals(100, BenchKernel.STRESS.stress().orElseThrow().gap()),
                () -> assertFalse(BenchKernel.STRESS.stress().orElseThrow().contend()),
                () -> assertEquals("stress (gap 100)", BenchKernel.STRESS.rowLabel()),
                () -> assertEquals(Optional.empty(), BenchKernel.INTERRUPTS.stress()),
                () -> assertEquals("interrupts", BenchKernel.INTERRUPTS.rowLabel()),
                () -> assertTrue(BenchKernel.STRESS.describeWork(5_000).startsWith("5,000 RTC alarm interrupts"),
                        BenchKernel.STRESS.describeWork(5_000)),
                () -> assertTrue(BenchKernel.STRESS.describeWork(5_000).endsWith("(--preempt 1 --preempt-gap 100)"),
                        BenchKernel.STRESS.describeWork(5_000)));
    }

    /** An engine that records the runs it is asked for and makes them up. */
    private static final class RecordingEngine implements BenchEngine {
        private final String name;
        private final boolean stressModes;
        final List<String> runs = new ArrayList<>();

        RecordingEngine(String name, boolean stressModes) {
            this.name = name;
            this.stressModes = stressModes;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean countsInstructions() {
            return true;
        }

        @Override
        public boolean hasStressModes() {
            return stressModes;
        }

        @Override
        public BenchRun run(Path image, Duration timeout) {
            throw new AssertionError("the session asks for runs with their stress mode or none");
        }

        @Override
        public BenchRun run(Path image, Duration timeout, Optional<Preemption> stress) {
            runs.add(image.getFileName() + stress.map(p -> " preempt " + p.seed() + " gap " + p.gap()).orElse(""));
            return computeRun(this, 1_000, 1_000);
        }
    }

    @Test
    void theSessionRunsTheStressKernelInItsModeOnTheEnginesThatHaveItOnly() throws BenchFailure {
        RecordingEngine runner = new RecordingEngine("runner", true);
        RecordingEngine qemu = new RecordingEngine("QEMU", false);
        Map<BenchKernel, Path> images = new LinkedHashMap<>();
        images.put(BenchKernel.INTERRUPTS, Path.of("interrupts.elf"));
        images.put(BenchKernel.STRESS, Path.of("stress.elf"));
        List<String> progress = new ArrayList<>();
        BenchSession.Runs runs = BenchSession.run(images, List.of(runner, qemu), 1, Duration.ofSeconds(1),
                progress::add);
        assertAll(
                () -> assertEquals(List.of("interrupts.elf", "interrupts.elf", "stress.elf preempt 1 gap 100",
                        "stress.elf preempt 1 gap 100"), runner.runs),
                () -> assertEquals(List.of("interrupts.elf", "interrupts.elf"), qemu.runs),
                () -> assertEquals(List.of(runner), List.copyOf(runs.byKernel().get(BenchKernel.STRESS).keySet())),
                () -> assertEquals(List.of("interrupts: 1 warm-up and 1 measured run on runner and QEMU",
                        "stress: 1 warm-up and 1 measured run on runner"), progress));
    }

    @Test
    void aRunRequestAndItsStressModeSurviveTheirLineToTheSecondJvm() {
        for (Optional<Preemption> stress : List.of(Optional.<Preemption>empty(),
                Optional.of(Preemption.seeded(1).withGap(100)), Optional.of(Preemption.seeded(-7).contending()))) {
            BenchRunLine.Request request = new BenchRunLine.Request(Path.of("/tmp/a b/stress.elf"),
                    Duration.ofMinutes(2), stress);
            String line = request.encode();
            assertFalse(line.contains("\n"), line);
            assertEquals(request, BenchRunLine.Request.decode(line));
        }
        assertThrows(IllegalArgumentException.class, () -> BenchRunLine.Request.decode("run 5"));
        assertThrows(IllegalArgumentException.class, () -> BenchRunLine.Request.decode("run 5 eHl6 preempt 1"));
        assertThrows(IllegalArgumentException.class, () -> BenchRunLine.Request.decode("ran 5 eHl6"));
    }

    @Test
    void theCoresCountingDifferentlyIsAWarningThatNamesThem() throws BenchFailure {
        BenchRunnerCommand.Engines engines = BenchRunnerCommand.engines(RUNNER, OTHER_CORE, "2.1.4/2.0.1", QEMU);
        BenchFigures figures = compute(engines, Map.of(RUNNER, 1000L, OTHER_CORE, 1000L, QEMU, 1000L),
                Map.of(OTHER_CORE, 999L));
        assertEquals(List.of("compute: the runner (Unicorn 2.1.4) counts 1,000,000 instructions and"
                + " runner (Unicorn 2.0.1) 999"), figures.warnings());
    }

    @Test
    void theOtherCoreIsMeasuredUnlessOnlyQemuIsOrThisProcessIsOnDebiansCore() {
        assertAll(
                () -> assertTrue(BenchRunnerCommand.measuresOtherCore(null, true)),
                () -> assertTrue(BenchRunnerCommand.measuresOtherCore(EngineOptions.EngineName.runner, true)),
                () -> assertFalse(BenchRunnerCommand.measuresOtherCore(EngineOptions.EngineName.qemu, true)),
                () -> assertFalse(BenchRunnerCommand.measuresOtherCore(null, false)),
                () -> assertTrue(OtherCoreEngine.wanted(null, null)),
                () -> assertTrue(OtherCoreEngine.wanted(null, "/opt/unicorn/libunicorn.so.2")),
                () -> assertFalse(OtherCoreEngine.wanted(null, "debian")),
                () -> assertFalse(OtherCoreEngine.wanted("debian", "/opt/unicorn/libunicorn.so.2")),
                () -> assertTrue(OtherCoreEngine.wanted("/opt/unicorn/libunicorn.so.2", "debian")),
                () -> assertFalse(OtherCoreEngine.wanted("", "debian")),
                () -> assertEquals("2.1.4/2.0.1", BenchRunnerCommand.coreRatioHeader("2.1.4", "2.0.1")));
    }

    @Test
    void theSecondJvmTakesThisOnesOptionsButNotItsChoiceOfCoreNorADebugger() {
        assertEquals(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Dfoo=bar"), OtherCoreEngine.jvmOptions(List.of(
                "-XX:+UseSerialGC", "-Dqj.cpu.core=/opt/libunicorn.so.2", "-Xshare:auto",
                "-agentlib:jdwp=transport=dt_socket", "-Xdebug", "-Dfoo=bar", "--add-opens=java.base/java.lang=ALL")));
    }

    @Test
    void aRunSurvivesItsLineFromTheSecondJvm() {
        BenchRun run = new BenchRun(123_456_789, "Hello, 68030 \u2713\n# bench: started\n\tnot ended",
                List.of(new ConsoleWatch.LineStart(1_000, OptionalLong.of(17_000)),
                        new ConsoleWatch.LineStart(2_000, OptionalLong.empty()),
                        new ConsoleWatch.LineStart(3_000, OptionalLong.of(0))));
        String line = BenchRunLine.encode(run);
        assertFalse(line.contains("\n"), line);
        assertEquals(run, BenchRunLine.decode(line));
        BenchRun silent = new BenchRun(5, "", List.of());
        assertEquals(silent, BenchRunLine.decode(BenchRunLine.encode(silent)));
        assertThrows(IllegalArgumentException.class, () -> BenchRunLine.decode("failed eHl6"));
        assertThrows(IllegalArgumentException.class, () -> BenchRunLine.decode("ran 5 - 1:x"));
    }
}
