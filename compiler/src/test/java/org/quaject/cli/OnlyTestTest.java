package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quaject.compiler.testing.QjCommandLine;
import org.quaject.compiler.testing.QjSources;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.EngineException;
import org.quaject.runner.ImageInfo;
import org.quaject.runner.ImageTestBlocks;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunResult;
import org.quaject.runner.RunnerEngine;

/**
 * {@code qj test --only NAME}, in-process on the runner: the image runs the
 * named test alone, with its own console input, and a name it has no test of
 * is a usage error that lists the ones it has.
 */
class OnlyTestTest {

    /**
     * Three tests, each of which tells whether it ran alone with its own
     * input: the first two read one byte each and check it is theirs, the
     * third always fails, so any test that runs unasked shows in the TAP.
     */
    static final String KERNEL = """
            import "goldfish-tty"

            kernel k {
                board virt68030
                ram 4M
                instance console: GoldfishTty at 0xff008000

                test "reads a" input "a" {
            1:      jsr     @console.ready
                    tst.l   d0
                    beq.s   1b
                    jsr     @console.getc
                    cmp.b   #'a',d0
                    fail_if ne, "did not read a"
                    pass
                }

                test "reads b" input "b" {
            1:      jsr     @console.ready
                    tst.l   d0
                    beq.s   1b
                    jsr     @console.getc
                    cmp.b   #'b',d0
                    fail_if ne, "did not read b"
                    pass
                }

                test "never asked for" {
                    fail "ran though --only named another test"
                }
            }
            """;

    /** Bounds every run here by instructions, so no verdict depends on the host's speed. */
    private static final String BUDGET = "100000000";

    @RegisterExtension
    final QjSources sources = new QjSources();

    @Test
    void runsTheNamedTestAloneAsThePlansOnlyTest() {
        Path file = sources.write("only.qj", KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("test", "--only", "reads a", "--max-instructions", BUDGET,
                file);
        assertEquals(0, result.status(), result::toString);
        assertEquals("1..1\nok 1 - reads a\n# qj-exit: 0\n1 passed, 0 failed\n", result.out(), result::toString);
    }

    /** The second test reads "b": the first test's "a" must not reach it first. */
    @Test
    void feedsTheTestItsOwnInputAlone() {
        Path file = sources.write("only.qj", KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("test", "--only", "reads b", "--max-instructions", BUDGET,
                file);
        assertEquals(0, result.status(), result::toString);
        assertEquals("1..1\nok 1 - reads b\n# qj-exit: 0\n1 passed, 0 failed\n", result.out(), result::toString);
    }

    @Test
    void aFailingTestRunAloneFailsTheRun() {
        Path file = sources.write("only.qj", KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("test", "--only", "never asked for", "--max-instructions",
                BUDGET, file);
        assertEquals(1, result.status(), result::toString);
        assertTrue(result.out().startsWith("1..1\nnot ok 1 - never asked for # ran though"), result::toString);
    }

    @Test
    void aNameWithoutATestIsAUsageErrorThatListsTheTests() {
        Path file = sources.write("only.qj", KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("test", "--only", "reads c", file);
        assertAll(
                () -> assertEquals(2, result.status(), result::toString),
                () -> assertTrue(result.err().contains("--only: the image has no test named \"reads c\"; its tests"
                        + " are \"reads a\", \"reads b\", \"never asked for\""), result::toString),
                () -> assertEquals("", result.out(), result::toString));
    }

    @Test
    void aNameInAKernelWithoutTestsIsAUsageErrorThatSaysSo() {
        Path file = sources.write("none.qj", """
                kernel k {
                    main {
                        moveq   #0,d0
                        rts
                    }
                }
                """);
        QjCommandLine.Result result = QjCommandLine.run("test", "--only", "anything", file);
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--only: the image has no test named \"anything\"; it has no tests"),
                result::toString);
    }

    @Test
    void aFolderIsAUsageError() {
        sources.write("only.qj", KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("test", "--only", "reads a", sources.dir());
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--only needs one image or .qj file"), result::toString);
    }

    @Test
    void severalImagesAreAUsageError() {
        Path file = sources.write("only.qj", KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("test", "--only", "reads a", file, file);
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--only needs one image or .qj file"), result::toString);
    }

    /** The board boots a disk image's loader, not the kernel whose test names --only would need. */
    @Test
    void aDiskImageIsAUsageError() {
        build();
        QjCommandLine.Result result = QjCommandLine.run("test", "--only", "reads a",
                sources.dir().resolve("only.img"));
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--only cannot pick a test of a disk image (.img)"), result::toString);
        assertEquals("", result.out(), result::toString);
    }

    @Test
    void anImageNamesItsTestsAndTheInputOfEach() throws IOException, ElfFormatException {
        ElfFile elf = ElfFile.read(build());
        ImageTestBlocks tests = ImageTestBlocks.of(elf, ImageInfo.of(elf).consoleInput());
        assertEquals(List.of("reads a", "reads b", "never asked for"), tests.names());
        assertEquals("a", new String(tests.input(1), StandardCharsets.UTF_8));
        assertEquals("b", new String(tests.input(2), StandardCharsets.UTF_8));
        assertEquals("", new String(tests.input(3), StandardCharsets.UTF_8));
        assertEquals(Optional.of(2), tests.number("reads b"));
        assertEquals(Optional.empty(), tests.number("reads"));
    }

    /** The harness itself, asked on the command line for a test it does not have: it runs none and says so. */
    @Test
    void theHarnessBailsOutOnATestNumberItDoesNotHave() throws EngineException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunResult result = new RunnerEngine().run(new RunRequest(build(), 4 * 1024 * 1024, true, null, console,
                Duration.ofDays(1), OptionalLong.of(Long.parseLong(BUDGET))).withOnlyTest(4));
        String transcript = new String(result.transcript(), StandardCharsets.UTF_8);
        assertTrue(transcript.startsWith("Bail out! no test 4: the image has 3 tests\n"), transcript);
        assertFalse(transcript.contains("ok "), transcript);
        assertEquals(1, result.processExitCode(), transcript);
    }

    private Path build() {
        Path file = sources.write("only.qj", KERNEL);
        Path out = sources.dir().resolve("only");
        QjCommandLine.Result built = QjCommandLine.run("build", file, "-o", out);
        assertEquals(0, built.status(), built::toString);
        Path elf = sources.dir().resolve("only.elf");
        assertTrue(Files.exists(elf), built::toString);
        return elf;
    }
}
