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
import org.quaject.cli.bench.OtherCoreEngine;
import org.quaject.cli.bench.QemuBenchEngine;
import org.quaject.cli.bench.RunnerBenchEngine;
import org.quaject.cli.bench.WorkSize;
import org.quaject.compiler.Compiler;
import org.quaject.compiler.image.BundledFiles;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.cpu.CpuCore;
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
                    + "with both engines side by side and the runner's figure over QEMU's. Where this process's "
                    + "CPU core is not Debian's Unicorn 2.0.1 and that one is installed too, the runner is measured "
                    + "on both cores, Debian's in a second JVM, in a column each, with a ratio of the two:",
            "  start-up     the whole run of a kernel that halts at once",
            "  compute      instructions and MIPS of a tight loop over a table in RAM",
            "  interrupts   the same for a loop an RTC alarm interrupts every 1,000 instructions",
            "  stress       the same kernel in the runner's stress mode --preempt 1 --preempt-gap 100: each alarm "
                    + "fires 1 to 100 instructions after it is armed; runner only (QEMU has no stress modes, its "
                    + "cells are -)",
            "  hello        the time from boot to examples/hello's first console byte",
            "Each figure is the median of the measured runs, with the least and greatest in brackets. "
                    + "Both engines must count the same instructions and compute the same results; a warning "
                    + "on standard error says where they do not. With the default sizes the bench takes about "
                    + "a minute; the host should be otherwise idle."})
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
            description = "Measure only this engine: ${COMPLETION-CANDIDATES} (default: both, side by side); "
                    + "runner measures it on each CPU core there is.")
    EngineOptions.EngineName engine;

    @Option(names = "--quick",
            description = "Give the compute, interrupts and stress kernels a tenth of their work: shows in seconds "
                    + "that the bench works, but its figures are not worth quoting.")
    boolean quick;

    @Override
    public Integer call() {
        if (repetitions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--repetitions must be at least 1, not " + repetitions);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<OtherCoreEngine> otherCore = Optional.empty();
        try (Workspace workspace = Workspace.open(null)) {
            // The second JVM starts up while the kernels build.
            otherCore = measuresOtherCore(engine, OtherCoreEngine.wanted()) ? startOtherCore(err) : Optional.empty();
            err.println("qj bench: building the bench kernels");
            Optional<Map<BenchKernel, Path>> images = build(workspace, engine != EngineOptions.EngineName.qemu, err);
            if (images.isEmpty()) {
                return ExitStatus.FAILURE;
            }
            otherCore = connect(otherCore, err);
            Engines engines = engines(otherCore);
            BenchFigures figures = BenchFigures.of(BenchSession.run(images.get(), engines.all(), repetitions,
                    RUN_TIMEOUT, line -> err.println("qj bench: " + line)), engines.ratios());
            print(out, figures, engines.all(), otherCore, workSizes(images.get()));
            figures.warnings().forEach(w -> err.println("qj bench: warning: " + w));
            return ExitStatus.SUCCESS;
        } catch (BenchFailure e) {
            err.println("qj bench: error: " + e.getMessage());
            return ExitStatus.FAILURE;
        } catch (IOException | ElfFormatException e) {
            err.println("qj bench: error: cannot prepare the bench kernels: " + e.getMessage());
            return ExitStatus.FAILURE;
        } finally {
            otherCore.ifPresent(OtherCoreEngine::close);
        }
    }

    /**
     * Whether to measure the runner on Debian's core too, in a second JVM: when
     * the runner is measured at all and this process's core was not chosen to
     * be Debian's ({@link OtherCoreEngine#wanted()}).
     */
    static boolean measuresOtherCore(EngineOptions.EngineName engine, boolean otherCoreWanted) {
        return engine != EngineOptions.EngineName.qemu && otherCoreWanted;
    }

    private static Optional<OtherCoreEngine> startOtherCore(PrintWriter err) {
        try {
            return Optional.of(OtherCoreEngine.start());
        } catch (BenchFailure e) {
            err.println("qj bench: the runner on this process's CPU core only: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The second JVM once it has loaded Debian's core; empty, and a note why, if it has not. */
    private static Optional<OtherCoreEngine> connect(Optional<OtherCoreEngine> started, PrintWriter err)
            throws BenchFailure {
        if (started.isEmpty()) {
            return started;
        }
        Optional<String> unavailable = started.get().connect();
        if (unavailable.isPresent()) {
            err.println("qj bench: the runner on this process's CPU core only: " + unavailable.get());
            return Optional.empty();
        }
        return started;
    }

    /** The engines in the order of the table's columns, and the table's ratio columns. */
    record Engines(List<BenchEngine> all, List<BenchFigures.Ratio> ratios) {
    }

    private Engines engines(Optional<OtherCoreEngine> otherCore) {
        BenchEngine runner = null;
        if (engine == null || engine == EngineOptions.EngineName.runner) {
            runner = otherCore.isPresent()
                    ? new RunnerBenchEngine("runner (Unicorn " + CpuCore.loaded().version() + ")")
                    : new RunnerBenchEngine();
        }
        BenchEngine qemu = engine == null || engine == EngineOptions.EngineName.qemu ? new QemuBenchEngine() : null;
        return engines(runner, otherCore.orElse(null),
                otherCore.map(core -> coreRatioHeader(CpuCore.loaded().version(), core.version())).orElse(""), qemu);
    }

    /**
     * The columns: the runner on this process's core, the runner on the other
     * core, QEMU, each if measured (null if not); then the runner over QEMU, and
     * this process's core over the other, each where both were measured.
     */
    static Engines engines(BenchEngine runner, BenchEngine otherCore, String coreRatioHeader, BenchEngine qemu) {
        List<BenchEngine> all = new ArrayList<>();
        List<BenchFigures.Ratio> ratios = new ArrayList<>();
        for (BenchEngine engine : new BenchEngine[] {runner, otherCore, qemu}) {
            if (engine != null) {
                all.add(engine);
            }
        }
        if (runner != null && qemu != null) {
            ratios.add(new BenchFigures.Ratio("runner/QEMU", runner, qemu));
        }
        if (runner != null && otherCore != null) {
            ratios.add(new BenchFigures.Ratio(coreRatioHeader, runner, otherCore));
        }
        return new Engines(List.copyOf(all), List.copyOf(ratios));
    }

    /** The title of the two cores' ratio: their versions, e.g. 2.1.4/2.0.1. */
    static String coreRatioHeader(String thisCore, String otherCore) {
        return thisCore.equals(otherCore) ? "this core/Debian's" : thisCore + "/" + otherCore;
    }

    /**
     * Compiles every kernel from the sources bundled in qj, each in a work
     * directory of its own (with --quick, a tenth of its work); the kernels in
     * a stress mode only if the runner is measured.
     */
    private Optional<Map<BenchKernel, Path>> build(Workspace workspace, boolean withRunner, PrintWriter err)
            throws IOException, ElfFormatException {
        Path sources = Files.createDirectories(workspace.directory().resolve("sources"));
        BundledFiles.extract(BenchKernel.BUNDLED_FOLDER, sources, ".qj");
        Map<BenchKernel, Path> images = new LinkedHashMap<>();
        for (BenchKernel kernel : BenchKernel.values()) {
            if (kernel.stress().isPresent() && !withRunner) {
                continue;
            }
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
                       Optional<OtherCoreEngine> otherCore, Map<BenchKernel, Long> workSizes) {
        boolean withRunner = engines.stream().anyMatch(e -> e instanceof RunnerBenchEngine);
        boolean withQemu = engines.stream().anyMatch(e -> e instanceof QemuBenchEngine);
        String what = otherCore.isPresent()
                ? ": the in-process runner on two CPU cores" + (withQemu ? " next to QEMU" : "")
                : withRunner && withQemu ? ": the in-process runner next to QEMU" : "";
        out.println("qj bench runner" + what
                + (quick ? " (--quick: a tenth of the work; figures not worth quoting)" : ""));
        if (withRunner) {
            out.println(HostConditions.runnerCore());
        }
        otherCore.ifPresent(core -> out.println(HostConditions.otherRunnerCore(core.describe())));
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
        if (withQemu && workSizes.keySet().stream().anyMatch(kernel -> kernel.stress().isPresent())) {
            out.println("stress: the runner's stress mode (docs/runner.md, \"Stress modes\"); QEMU has none,"
                    + " hence no figure (-) and no ratio");
        }
        otherCore.ifPresent(core -> out.println(core.name() + ": the same runner in a second JVM (same java,"
                + " class path and options) with " + CpuCore.VARIABLE + "=" + CpuCore.DEBIAN
                + ", timing its runs itself, in turn with the other engines"));
        HostConditions.describe(withRunner, otherCore.map(OtherCoreEngine::describe), withQemu)
                .forEach(out::println);
        out.flush();
    }
}
