package org.quaject.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quaject.cli.bench.BenchEngine;
import org.quaject.cli.bench.BenchFailure;
import org.quaject.cli.bench.BenchKernel;
import org.quaject.cli.bench.BenchRun;
import org.quaject.cli.bench.RunnerBenchEngine;
import org.quaject.compiler.Compiler;
import org.quaject.compiler.image.BundledFiles;
import org.quaject.runner.Preemption;

/** The bench kernels bundled in qj, built in a workspace and run on the runner (or on other engines). */
final class BenchSources {

    private BenchSources() {
    }

    /** What a bench command makes of its kernel's run. */
    interface Report {
        void print(BenchRun run) throws BenchFailure;
    }

    /** What a bench command makes of its kernel's runs, one an engine, in the engines' order. */
    interface Reports {
        void print(List<BenchRun> runs) throws BenchFailure;
    }

    /**
     * Builds a bundled bench kernel, runs it on the runner (in a stress mode if
     * {@code stress} is there) and hands the run to {@code report}; returns the
     * exit status, with any failure said on {@code err}.
     */
    static int runOnRunner(String source, Optional<Preemption> stress, Duration timeout, String how, PrintWriter err,
                           Report report) {
        return runOn(source, List.of(new RunnerBenchEngine()), stress, timeout, how, err,
                runs -> report.print(runs.get(0)));
    }

    /**
     * The same on each engine in turn, once: for counts, which are the same
     * on every run, and the first run as good as any.
     *
     * @param how said after the engine's name as it runs, e.g. ", in its contention mode"
     */
    static int runOn(String source, List<BenchEngine> engines, Optional<Preemption> stress, Duration timeout,
                     String how, PrintWriter err, Reports report) {
        try (Workspace workspace = Workspace.open(null)) {
            err.println("qj bench: building " + source);
            Optional<Compiler.Build> build = build(source, workspace, err);
            if (build.isEmpty()) {
                return ExitStatus.FAILURE;
            }
            List<BenchRun> runs = new ArrayList<>();
            for (BenchEngine engine : engines) {
                err.println("qj bench: running it on " + engine.name() + how);
                runs.add(engine.run(build.get().elf(), timeout, stress));
            }
            report.print(runs);
            return ExitStatus.SUCCESS;
        } catch (BenchFailure e) {
            err.println("qj bench: error: " + e.getMessage());
            return ExitStatus.FAILURE;
        } catch (IOException e) {
            err.println("qj bench: error: cannot prepare the bench kernel: " + e.getMessage());
            return ExitStatus.FAILURE;
        }
    }

    /**
     * Compiles a bundled bench kernel, with the other bundled sources beside it
     * for its imports, into a directory of the workspace (so the image lasts as
     * long as the workspace).
     */
    static Optional<Compiler.Build> build(String source, Workspace workspace, PrintWriter err) throws IOException {
        Path sources = Files.createDirectories(workspace.directory().resolve("sources"));
        BundledFiles.extract(BenchKernel.BUNDLED_FOLDER, sources, ".qj");
        String name = source.substring(0, source.length() - ".qj".length());
        try (Workspace own = Workspace.open(workspace.directory().resolve(name))) {
            return CompileStep.compile(sources.resolve(source), own, false, err);
        }
    }
}
