package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quaject.compiler.Compiler;
import org.quaject.compiler.image.BundledFiles;
import org.quaject.elf.ElfFormatException;

/**
 * The kernels bundled for {@code qj bench} build from the sources that ship
 * with qj, and do on the runner what the bench relies on: they halt, their
 * stopwatch counts what the machine counts, and the work size written into
 * an image sets how much they do.
 */
class BenchKernelsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    private static final Map<BenchKernel, Path> BUILT = new EnumMap<>(BenchKernel.class);

    @TempDir
    Path scratch;

    private final BenchEngine runner = new RunnerBenchEngine();

    @BeforeAll
    static void buildEveryKernel() throws IOException {
        Path sources = Files.createDirectories(work.resolve("sources"));
        BundledFiles.extract(BenchKernel.BUNDLED_FOLDER, sources, ".qj");
        for (BenchKernel kernel : BenchKernel.values()) {
            Path directory = Files.createDirectories(work.resolve(kernel.label()));
            BUILT.put(kernel, new Compiler(line -> { }).compile(sources.resolve(kernel.sourceFileName()), directory)
                    .elf());
        }
    }

    /** A copy of the kernel's image, its work size set to {@code size} if it has one. */
    private Path image(BenchKernel kernel, long size) throws IOException, ElfFormatException {
        Path copy = Files.copy(BUILT.get(kernel), scratch.resolve(kernel.label() + "-" + size + ".elf"));
        if (kernel.workSymbol().isPresent()) {
            WorkSize.write(copy, kernel.workSymbol().get(), size);
        }
        return copy;
    }

    private StopwatchReport report(BenchRun run) {
        return StopwatchReport.find(run.console()).orElseThrow(() -> new AssertionError(run.console()));
    }

    private long machineCount(BenchRun run) {
        StopwatchReport report = report(run);
        return run.lineStarts().get(report.reportLine()).instructions().orElseThrow()
                - run.lineStarts().get(report.startLine()).instructions().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(BenchKernel.class)
    void everyKernelHaltsWithStatusZeroOnTheRunner(BenchKernel kernel) throws Exception {
        BenchRun run = runner.run(image(kernel, 3), TIMEOUT);
        assertTrue(run.console().endsWith("# qj-exit: 0\n"), run.console());
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPUTE", "INTERRUPTS"})
    void theStopwatchCountsTheInstructionsTheMachineCounts(BenchKernel kernel) throws Exception {
        BenchRun run = runner.run(image(kernel, 5), TIMEOUT);
        assertEquals(machineCount(run), report(run).instructions(), run.console());
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPUTE", "INTERRUPTS"})
    void aWorkSizeWrittenIntoTheImageIsReadBack(BenchKernel kernel) throws Exception {
        Path image = image(kernel, 12_345);
        assertEquals(12_345, WorkSize.read(image, kernel.workSymbol().orElseThrow()));
    }

    /** Each round of compute costs the same, so its count grows in a straight line with the rounds. */
    @Test
    void computesCountGrowsInAStraightLineWithItsRounds() throws Exception {
        long two = machineCount(runner.run(image(BenchKernel.COMPUTE, 2), TIMEOUT));
        long four = machineCount(runner.run(image(BenchKernel.COMPUTE, 4), TIMEOUT));
        long eight = machineCount(runner.run(image(BenchKernel.COMPUTE, 8), TIMEOUT));
        assertTrue(four > two, () -> two + " then " + four);
        assertEquals(2 * (four - two), eight - four, () -> two + ", " + four + ", " + eight);
    }

    /** Each interrupt comes 1,000 instructions after the handler set the alarm, plus the handler's own. */
    @Test
    void eachInterruptAddsAtLeastItsPeriodToTheCount() throws Exception {
        long ten = machineCount(runner.run(image(BenchKernel.INTERRUPTS, 10), TIMEOUT));
        long twenty = machineCount(runner.run(image(BenchKernel.INTERRUPTS, 20), TIMEOUT));
        assertTrue(twenty - ten >= 10 * 1_000, () -> ten + " then " + twenty);
    }
}
