package org.quaject.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quaject.cli.bench.CompilerScale;
import org.quaject.cli.bench.FigureTable;
import org.quaject.cli.bench.HostConditions;
import org.quaject.compiler.Compiler;
import org.quaject.compiler.diag.CompilationFailed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qj bench compiler}: how the build time grows with the number of quajects. */
@Command(name = "compiler",
        mixinStandardHelpOptions = true,
        header = "Time qj build on kernels of 100, 1,000 and 10,000 quajects.",
        description = {
            "Generate kernels of N quajects in two shapes, N classes with one instance each and N instances of "
                    + "one class, build each once in this JVM after a warm-up build, and print one table: the "
                    + "build time of each kernel, from parse to the written image with the binutils runs "
                    + "included, and the time per quaject. A build time that grows linearly has a constant "
                    + "time per quaject. With the default sizes the bench takes a few minutes, most of it on "
                    + "10,000 classes; the host should be otherwise idle."})
final class BenchCompilerCommand implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", paramLabel = "N",
            description = "The numbers of quajects to build kernels of (default: 100,1000,10000).")
    List<Integer> sizes = List.of(100, 1_000, 10_000);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sizes.stream().anyMatch(n -> n < 1)) {
            err.println("qj: error: --sizes takes positive numbers of quajects");
            return ExitStatus.USAGE;
        }
        try (Workspace workspace = Workspace.open(null)) {
            err.println("qj bench compiler: a warm-up build");
            err.flush();
            build(workspace.directory(), "warm-up", CompilerScale.INSTANCES.source(10));
            FigureTable table = new FigureTable(header());
            for (int quajects : sizes) {
                List<String> row = new ArrayList<>(List.of(String.format(Locale.ROOT, "%,d", quajects)));
                for (CompilerScale scale : CompilerScale.values()) {
                    err.printf(Locale.ROOT, "qj bench compiler: %,d %s%n", quajects, scale.label());
                    err.flush();
                    double seconds = build(workspace.directory(), scale.name() + quajects, scale.source(quajects));
                    row.add(String.format(Locale.ROOT, "%.2f", seconds));
                    row.add(String.format(Locale.ROOT, "%.2f", seconds * 1000 / quajects));
                }
                table.add(row);
            }
            out.println("qj bench compiler: qj build of kernels of N quajects, JVM warm");
            out.println();
            out.print(table.render());
            out.println();
            out.println("classes: N classes, one instance of each; instances: N instances of one class");
            out.println("build, s: the whole build, from parse to the written image, binutils runs included");
            out.println("per quaject, ms: the build time over N; constant when the build time grows linearly");
            HostConditions.machine().forEach(out::println);
            out.flush();
            return ExitStatus.SUCCESS;
        } catch (CompilationFailed e) {
            e.diagnostics().render().forEach(err::println);
            return ExitStatus.FAILURE;
        }
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>(List.of("quajects"));
        for (CompilerScale scale : CompilerScale.values()) {
            header.add(scale.label() + ": build, s");
            header.add("per quaject, ms");
        }
        return header;
    }

    /** Builds {@code source} in a directory of its own and returns the seconds it took. */
    private static double build(Path workspace, String name, String source) {
        try {
            Path directory = Files.createDirectories(workspace.resolve(name));
            Path file = Files.writeString(directory.resolve(name + ".qj"), source);
            Path work = Files.createDirectories(directory.resolve("work"));
            long start = System.nanoTime();
            new Compiler(line -> { }).compile(file, work);
            return (System.nanoTime() - start) / 1e9;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
