package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The runner's two CPU cores (docs/runner.md, "The CPU core"): the project's
 * Unicorn 2.1, preferred when make has fetched it, and Debian's Unicorn 2.0.1,
 * forced with QJ_CPU_CORE=debian. Every example gives the same output on both.
 */
class CpuCoresIT {

    private static final boolean PROJECT_CORE = Files.isRegularFile(QjProcess.ROOT.resolve("build/cpu-core/libunicorn.so.2"));

    @Test
    void versionNamesTheCoreTheRunnerUses() {
        QjProcess.Result preferred = QjProcess.run("--version");
        assertEquals(0, preferred.exitStatus(), preferred::toString);
        String expected = PROJECT_CORE
                ? "runner CPU core: Unicorn 2\\.1\\.\\d+ \\(" + Pattern.quote(QjProcess.ROOT.toString())
                        + "/build/cpu-core/libunicorn\\.so\\.2, the project's core\\)"
                : "runner CPU core: Unicorn 2\\.0\\.\\d+ \\(/\\S+/libunicorn\\.so\\.2, Debian's libunicorn2; .*\\)";
        assertTrue(preferred.stdout().lines().anyMatch(line -> line.matches(expected)), preferred::toString);

        QjProcess.Result debian = QjProcess.runOnCore("debian", "--version");
        assertTrue(debian.stdout().lines().anyMatch(line -> line.matches(
                "runner CPU core: Unicorn 2\\.0\\.\\d+ \\(/\\S+/libunicorn\\.so\\.2, Debian's libunicorn2,"
                        + " chosen by QJ_CPU_CORE\\)")), debian::toString);
    }

    /** make builds the core guard, and the runner calls either core through it. */
    @Test
    void versionNamesTheCoreGuard() {
        String expected = "runner core guard: " + QjProcess.ROOT.resolve("build/cpu-core/libqj-core-guard.so")
                + " (a crash inside the core ends the run, not the process)";
        for (QjProcess.Result result : List.of(QjProcess.run("--version"), QjProcess.runOnCore("debian", "--version"))) {
            assertTrue(result.stdout().lines().anyMatch(expected::equals), result::toString);
        }
    }

    @Test
    void aChosenCoreThatIsMissingIsAClearError() {
        QjProcess.Result result = QjProcess.runOnCore("/nonexistent/libunicorn.so.2", "run",
                QjProcess.example("hello"));
        assertEquals(1, result.exitStatus(), result::toString);
        assertEquals("qj: error: the runner cannot start its CPU: the CPU core /nonexistent/libunicorn.so.2"
                + " (chosen by QJ_CPU_CORE) does not exist; set QJ_CPU_CORE=debian to use Debian's libunicorn2\n",
                result.stderr());
        assertEquals("", result.stdout());
    }

    /** Instruction counts are exact on both, so the same image gives the same run, byte for byte. */
    @TestFactory
    Stream<DynamicTest> everyExamplePassesItsTestsOnDebiansCoreAsOnThePreferredOne() throws IOException {
        return ExamplesIT.examples().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            QjProcess.Result debian = QjProcess.runOnCore("debian", "test", QjProcess.example(name),
                    "--timeout", QjProcess.EXAMPLE_TIMEOUT_SECONDS);
            assertEquals(0, debian.exitStatus(), debian::toString);
            assertTrue(debian.stdout().contains(" passed, 0 failed\n"), debian::toString);
            if (PROJECT_CORE) {
                QjProcess.Result preferred = QjProcess.run("test", QjProcess.example(name),
                        "--timeout", QjProcess.EXAMPLE_TIMEOUT_SECONDS);
                assertEquals(debian.stdout(), preferred.stdout(), preferred::toString);
            }
        }));
    }
}
