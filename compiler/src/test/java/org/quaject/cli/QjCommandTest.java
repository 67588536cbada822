package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quaject.compiler.testing.QjCommandLine;
import org.quaject.compiler.testing.QjSources;

/**
 * The {@code qj} command line, run in-process: exit statuses, what goes to which
 * stream, help, and the outputs {@code build} leaves behind.
 */
class QjCommandTest {

    /** A kernel with one mistake, on line 2. */
    static final String BAD_KERNEL = """
            kernel k {
                instance q: Nope
            }
            """;

    /** A kernel that compiles. */
    static final String GOOD_KERNEL = """
            quaject Q {
                var x: long
                callentry get() -> d0.l {
                    move.l  @x,d0
                    rts
                }
            }
            kernel k {
                instance q: Q
                test "get" {
                    jsr     @q.get
                    pass
                }
            }
            """;

    static final List<String> OUTPUT_EXTENSIONS = List.of(".elf", ".rom", ".map");

    @RegisterExtension
    final QjSources sources = new QjSources();

    @Test
    void buildOnAFileWithErrorsExitsOneAndPrintsItsDiagnosticsOnStandardError() {
        Path file = sources.write("bad.qj", BAD_KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("build", file, "-o", sources.dir().resolve("out"));
        assertReportsOnlyTheUnknownQuaject(file, result);
    }

    @Test
    void buildOnAFileWithErrorsWritesNoOutputs() {
        Path file = sources.write("bad.qj", BAD_KERNEL);
        assertEquals(1, QjCommandLine.run("build", file, "-o", sources.dir().resolve("out")).status());
        assertEquals(List.of(), existingOutputs(sources.dir().resolve("out")));
    }

    @Test
    void buildOnAFileWithErrorsRemovesTheOutputsOfAnEarlierBuild() throws IOException {
        Path out = sources.dir().resolve("out");
        for (Path stale : outputs(out)) {
            Files.writeString(stale, "from an earlier build");
        }
        Path file = sources.write("bad.qj", BAD_KERNEL);
        assertEquals(1, QjCommandLine.run("build", file, "-o", out).status());
        assertEquals(List.of(), existingOutputs(out));
    }

    @Test
    void buildOnAMissingFileExitsOneSayingSo() {
        Path missing = sources.dir().resolve("missing.qj");
        QjCommandLine.Result result = QjCommandLine.run("build", missing, "-o", sources.dir().resolve("out"));
        assertAll(
                () -> assertEquals(1, result.status(), result::toString),
                () -> assertTrue(result.err().contains(missing.toString()), result::toString),
                () -> assertTrue(result.err().contains("no such file"), result::toString),
                () -> assertFalse(result.showsAStackTrace(), result::toString),
                () -> assertEquals(List.of(), existingOutputs(sources.dir().resolve("out"))));
    }

    @ParameterizedTest(name = "qj {0} on a file with errors")
    @ValueSource(strings = {"run", "test"})
    void runAndTestOnAFileWithErrorsExitOneWithItsDiagnostics(String command) {
        Path file = sources.write("bad.qj", BAD_KERNEL);
        QjCommandLine.Result result = QjCommandLine.run(command, file);
        assertReportsOnlyTheUnknownQuaject(file, result);
    }

    @Test
    void buildWritesTheImageTheRomAndTheMap() {
        Path file = sources.write("good.qj", GOOD_KERNEL);
        Path out = sources.dir().resolve("out");
        QjCommandLine.Result result = QjCommandLine.run("build", file, "-o", out);
        assertEquals(0, result.status(), result::toString);
        assertEquals(outputs(out), existingOutputs(out));
    }

    @Test
    void buildKeepsTheGeneratedFilesInARelativeWorkDirectory() {
        Path file = sources.write("good.qj", GOOD_KERNEL);
        Path work = QjSources.relativeToWorkingDirectory(sources.dir().resolve("work"));
        QjCommandLine.Result result = QjCommandLine.run("build", file, "-o", sources.dir().resolve("out"), "--work-dir", work);
        assertEquals(0, result.status(), result::toString);
        assertTrue(Files.exists(work.resolve("kernel.s")), "no kernel.s in " + work);
    }

    static Stream<Arguments> helpRequests() {
        return Stream.of(
                Arguments.of(List.of("--help"), List.of("build", "run", "test", "bench", "new", "--help", "--version", "Exit status")),
                Arguments.of(List.of("build", "--help"), List.of("FILE.qj", "--output", "--work-dir", "--verbose")),
                Arguments.of(List.of("run", "--help"), List.of("--engine", "--timeout", "--verbose", "--preempt",
                        "--preempt-gap", "--contend")),
                Arguments.of(List.of("test", "--help"), List.of("--engine", "--timeout", "--verbose", "--preempt",
                        "--preempt-gap", "--contend", "--only", "--progress", "--progress-interval")),
                Arguments.of(List.of("new", "--help"), List.of("NAME", "pom.xml", "src/main/qj/NAME.qj",
                        "src/test/java/NameTest.java", "README.md")),
                Arguments.of(List.of("help", "build"), List.of("FILE.qj", "--output", "--work-dir", "--verbose")),
                Arguments.of(List.of("help", "--help"), List.of("COMMAND", "--help")));
    }

    @ParameterizedTest(name = "qj {0}")
    @MethodSource("helpRequests")
    void helpExitsZeroAndListsTheOptions(List<String> args, List<String> mentioned) {
        QjCommandLine.Result result = QjCommandLine.run(args.toArray());
        assertEquals(0, result.status(), result::toString);
        assertEquals("", result.err(), result::toString);
        for (String word : mentioned) {
            assertTrue(result.out().contains(word), () -> "help does not mention " + word + ":\n" + result.out());
        }
    }

    /** {@code qj --help} lists the commands, each with a summary that is a whole sentence. */
    @Test
    void helpSummarizesEachCommandInAWholeSentence() {
        String help = QjCommandLine.run("--help").out();
        List<String> summaries = commandSummaries(help);
        assertEquals(7, summaries.size(), help);
        for (String summary : summaries) {
            assertTrue(summary.endsWith("."), () -> "a summary cut short: \"" + summary + "\" in\n" + help);
        }
    }

    @ParameterizedTest(name = "qj {0}")
    @ValueSource(strings = {"--bogus", "build --bogus", "run --bogus", "test --bogus", "debug --bogus", "new --bogus"})
    void anUnknownOptionIsAUsageError(String commandLine) {
        Path file = sources.write("good.qj", GOOD_KERNEL);
        List<Object> args = new ArrayList<>(List.of(commandLine.split(" ")));
        if (args.size() > 1) {
            args.add(file);
        }
        QjCommandLine.Result result = QjCommandLine.run(args.toArray());
        assertAll(
                () -> assertEquals(2, result.status(), result::toString),
                () -> assertTrue(result.err().contains("Unknown option: '--bogus'"), result::toString),
                () -> assertTrue(result.err().contains("Usage: qj"), result::toString));
    }

    @Test
    void noCommandIsAUsageError() {
        QjCommandLine.Result result = QjCommandLine.run();
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("missing command: build, run, test, debug, bench or new"), result::toString);
    }

    @Test
    void buildWithoutAFileIsAUsageError() {
        QjCommandLine.Result result = QjCommandLine.run("build");
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("Missing required parameter: 'FILE.qj'"), result::toString);
    }

    /** OUT.elf, OUT.rom and OUT.map. */
    private static List<Path> outputs(Path out) {
        return OUTPUT_EXTENSIONS.stream().map(extension -> out.resolveSibling(out.getFileName() + extension)).toList();
    }

    private static List<Path> existingOutputs(Path out) {
        return outputs(out).stream().filter(Files::exists).toList();
    }

    /** The summary of each command in the Commands section of qj's help, its wrapped lines joined. */
    private static List<String> commandSummaries(String help) {
        List<String> summaries = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help.lines().toList()) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                break;
            } else if (inCommands && line.matches("  \\S+ +\\S.*")) {
                summaries.add(line.strip().split(" +", 2)[1]);
            } else if (inCommands) {
                int last = summaries.size() - 1;
                summaries.set(last, summaries.get(last) + " " + line.strip());
            }
        }
        return summaries;
    }

    /** BAD_KERNEL's one mistake, on standard error only, with exit status 1. */
    private static void assertReportsOnlyTheUnknownQuaject(Path file, QjCommandLine.Result result) {
        assertAll(
                () -> assertEquals(1, result.status(), result::toString),
                () -> assertEquals("", result.out(), result::toString),
                () -> assertEquals(List.of(file + ":2:17: error: unknown quaject 'Nope'"),
                        result.err().lines().toList()));
    }

    @Test
    void embeddedAUsageErrorPrintsItsMessageWithoutTheUsageHelp() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Qj.executeEmbedded(new String[] {"test", "k.elf", "--engine", "bochs"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertAll(
                () -> assertEquals(ExitStatus.USAGE, status),
                () -> assertEquals("qj: Invalid value for option '--engine': expected one of [runner, qemu]"
                        + " (case-sensitive) but was 'bochs'", err.toString().strip()),
                () -> assertEquals("", out.toString()));
    }
}
