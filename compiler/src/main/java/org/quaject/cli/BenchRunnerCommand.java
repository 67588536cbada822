package org.quaject.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quaject.cli.bench.BenchEngine;
import org.quaject.cli.bench.BenchFailure;
import org.quaject.cli.bench.BenchFigures;
import org.quaject.cli.bench.BenchKernel;
import org.quaject.cli.bench.BenchSession;
import org.quaject.cli.bench.HostConditions;
import org.quaject.cli.bench.QemuBenchEngine;
import org.quaject.cli.bench.RunnerBenchEngine;
import org.quaject.cli.bench.WorkSize;
import org.quaject.compiler.Compiler;
import org.quaject.compiler.image.BundledFiles;
import org.quaject.elf.ElfFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qj bench runner}: the in-process runner's speed next to QEMU's. */
@Command(name = "runner",
        mixinStandardHelpOptions = true,
        header = "Measure the in-process runner next to QEMU.",
        description = {
            "Build the bench kernels that ship with qj and run each on the in-process runner and on QEMU: "
                    + "one warm-up run, then the measured runs, the engines taking turns. Then print one table "
                    + "with both engines side by side and the runner's figure over QEMU's:",
            "  start-up     the whole run of a kernel that halts at once",
            "  compute      instructions and MIPS of a tight loop over a table in RAM",
            "  interrupts   the same for a loop an RTC alarm interrupts every 1,000 instructions",
            "  hello        the time from boot to examples/hello's first console byte",
            "Each figure is the median of the measured runs, with the least and greatest in brackets. "
                    + "Both engines must count the same instructions and compute the same results; a warning "
                    + "on standard error says where they do not. With the default sizes the bench takes about "
                    + "half a minute; the host should be otherwise idle."})
final class BenchRunnerCommand implements Callable<Integer> {

    /** --quick divides the work of each kernel by this. */
    private static final int QUICK_DIVISOR = 10;

    /** Far beyond any run at full size, on either engine. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    @Spec
    CommandSpec spec;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "3",
            description = "Measured runs of each kernel on each engine, after one warm-up run "
                    + "(default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Measure only this engine: ${COMPLETION-CANDIDATES} (default: both, side by side).")
    EngineOptions.EngineName engine;

    @Option(names = "--quick",
            description = "Give the compute and interrupts kernels a tenth of their work: shows in seconds that "
                    + "the bench works, but its figures are not worth quoting.")
    boolean quick;

    @Override
    public Integer call() {
        if (repetitions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--repetitions must be at least 1, not " + repetitions);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<BenchEngine> engines = engines();
        try (Workspace workspace = Workspace.open(null)) {
            err.println("qj bench: building the bench kernels");
            Optional<Map<BenchKernel, Path>> images = build(workspace, err);
            if (images.isEmpty()) {
                return ExitStatus.FAILURE;
            }
            BenchFigures figures = BenchFigures.of(BenchSession.run(images.get(), engines, repetitions,
                    RUN_TIMEOUT, line -> err.println("qj bench: " + line)));
            print(out, figures, engines, workSizes(images.get()));
            figures.warnings().forEach(w -> err.println("qj bench: warning: " + w));
            return ExitStatus.SUCCESS;
        } catch (BenchFailure e) {
            err.println("qj bench: error: " + e.getMessage());
            return ExitStatus.FAILURE;
        } catch (IOException | ElfFormatException e) {
            err.println("qj bench: error: cannot prepare the bench kernels: " + e.getMessage());
            return ExitStatus.FAILURE;
        }
    }

    private List<BenchEngine> engines() {
        List<BenchEngine> engines = new ArrayList<>();
        if (engine == null || engine == EngineOptions.EngineName.runner) {
            engines.add(new RunnerBenchEngine());
        }
        if (engine == null || engine == EngineOptions.EngineName.qemu) {
            engines.add(new QemuBenchEngine());
        }
        return engines;
    }

    /** Compiles every kernel from the sources bundled in qj, each in a work directory of its own. */
    private Optional<Map<BenchKernel, Path>> build(Workspace workspace, PrintWriter err)
            throws IOException, ElfFormatException {
        Path sources = Files.createDirectories(workspace.directory().resolve("sources"));
        BundledFiles.extract(BenchKernel.BUNDLED_FOLDER, sources, ".qj");
        Map<BenchKernel, Path> images = new LinkedHashMap<>();
        for (BenchKernel kernel : BenchKernel.values()) {
            Optional<Compiler.Build> build;
            // A directory kept inside the temporary workspace: its image lasts as long as the workspace.
            try (Workspace own = Workspace.open(workspace.directory().resolve(kernel.label()))) {
                build = CompileStep.compile(sources.resolve(kernel.sourceFileName()), own, false, err);
            }
            if (build.isEmpty()) {
                return Optional.empty();
            }
            Path elf = build.get().elf();
            if (quick && kernel.workSymbol().isPresent()) {
                String symbol = kernel.workSymbol().get();
                WorkSize.write(elf, symbol, Math.max(1, WorkSize.read(elf, symbol) / QUICK_DIVISOR));
            }
            images.put(kernel, elf);
        }
        return Optional.of(images);
    }

    private static Map<BenchKernel, Long> workSizes(Map<BenchKernel, Path> images)
            throws IOException, ElfFormatException {
        Map<BenchKernel, Long> sizes = new LinkedHashMap<>();
        for (Map.Entry<BenchKernel, Path> image : images.entrySet()) {
            Optional<String> symbol = image.getKey().workSymbol();
            if (symbol.isPresent()) {
                sizes.put(image.getKey(), WorkSize.read(image.getValue(), symbol.get()));
            }
        }
        return sizes;
    }

    private void print(PrintWriter out, BenchFigures figures, List<BenchEngine> engines,
                       Map<BenchKernel, Long> workSizes) {
        out.println("qj bench runner" + (engines.size() == 2 ? ": the in-process runner next to QEMU" : "")
                + (quick ? " (--quick: a tenth of the work; figures not worth quoting)" : ""));
        out.println("median of " + repetitions + (repetitions == 1 ? " run" : " runs (least..greatest)")
                + " per kernel and engine, after one warm-up run each");
        out.println();
        out.print(figures.table());
        out.println();
        List<String> work = new ArrayList<>();
        workSizes.forEach((kernel, size) -> work.add(kernel.label() + ": " + kernel.describeWork(size)));
        out.println("work: " + String.join("; ", work));
        out.println("instructions: those between a kernel's two stopwatch lines (bench/stopwatch.qj), counted"
                + " by the runner's machine and, on QEMU, by the guest clock");
        out.println("MIPS: those instructions over the host time between the two lines' arrival, which leaves"
                + " start-up and shutdown out");
        out.println("whole run: from starting the engine to its end; start-up: the whole run of a kernel that"
                + " halts at once");
        out.println("boot to first byte: on the runner from reading the ELF file, JVM warm; on QEMU from"
                + " starting its process to the byte's arrival from its standard output");
        HostConditions.describe(engines.stream().anyMatch(e -> e instanceof QemuBenchEngine)).forEach(out::println);
        out.flush();
    }
}
