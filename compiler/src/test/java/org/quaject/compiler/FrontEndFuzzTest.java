package org.quaject.compiler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.compiler.check.Checker;
import org.quaject.compiler.diag.CompilationFailed;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.generate.KernelGenerator;
import org.quaject.compiler.generate.QuajectTemplateGenerator;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.parse.ModelBuilder;
import org.quaject.compiler.parse.SourceLoader;

/**
 * Coverage-guided fuzzing (Jazzer) of the compiler's front end, checks and
 * code generation, everything before the tools run: any bytes as a main file
 * end in generated assembly or in diagnostics in the documented form, one
 * line each, never in another exception.
 *
 * <p>Without JAZZER_FUZZ each fuzz test runs its inputs kept in resources
 * ({@code FrontEndFuzzTestInputs/METHOD/}: crashes once found, kept as
 * regression inputs); the examples and bench kernels are the seeds, run here
 * too. {@code make test} then fuzzes {@link #shortRun} for 5,000 executions,
 * {@code make fuzz} {@link #longRun} for ten minutes, both from those seeds
 * (the Makefile copies them into Jazzer's corpus, {@code .cifuzz-corpus/}).
 */
class FrontEndFuzzTest {

    private static final Path ROOT = Path.of(System.getProperty("qj.root", "..")).toAbsolutePath().normalize();
    /** How a diagnostic reads: a position or qj, then error or warning, on one line. */
    private static final Pattern DIAGNOSTIC =
            Pattern.compile("(?:main\\.qj|lib/[^:\\n]+\\.qj|qj):(?:\\d+:\\d+:)? ?(?:error|warning): [^\\n]+");

    @FuzzTest(maxExecutions = 5_000)
    void shortRun(byte[] input) throws IOException {
        compilesOrSaysWhy(input);
    }

    @FuzzTest(maxDuration = "10m")
    void longRun(byte[] input) throws IOException {
        compilesOrSaysWhy(input);
    }

    static Stream<Path> seeds() throws IOException {
        return Stream.of("examples", "bench").flatMap(folder -> {
            try {
                return Files.walk(ROOT.resolve(folder)).filter(p -> p.toString().endsWith(".qj")).sorted();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everySeedCompilesOrSaysWhy(Path seed) throws IOException {
        compilesOrSaysWhy(Files.readAllBytes(seed));
    }

    /** Parses, checks and generates {@code input} as main.qj in a directory of its own. */
    private static void compilesOrSaysWhy(byte[] input) throws IOException {
        Path directory = Files.createTempDirectory("qj-fuzz-");
        try {
            Path main = Files.write(directory.resolve("main.qj"), input);
            Diagnostics diagnostics = new Diagnostics();
            try {
                List<SourceLoader.ParsedFile> files = new SourceLoader(diagnostics).load(main);
                diagnostics.stopIfErrors();
                Program program = new ModelBuilder(diagnostics).build(files);
                diagnostics.stopIfErrors();
                Checker.check(program, diagnostics);
                diagnostics.stopIfErrors();
                QuajectTemplateGenerator templates = new QuajectTemplateGenerator(program);
                for (QuajectClass quaject : program.classes()) {
                    assertFalse(templates.generate(quaject).isEmpty());
                    if (quaject.callentries().stream().anyMatch(Callentry::inline)) {
                        templates.generateIsolated(quaject);
                    }
                }
                assertFalse(new KernelGenerator().generate(program).isEmpty());
            } catch (CompilationFailed failed) {
                List<String> lines = failed.diagnostics().render();
                assertFalse(lines.isEmpty(), "a compilation that failed says why");
                for (String line : lines) {
                    assertTrue(DIAGNOSTIC.matcher(line.replace(directory + "/", "")).matches(),
                            () -> "not a diagnostic in the documented form: " + line);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
