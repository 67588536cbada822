package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quaject.binutils.Toolchain;
import org.quaject.compiler.testing.QjCommandLine;

/**
 * {@code --preempt}, {@code --preempt-gap} and {@code --contend} of {@code qj
 * run} and {@code qj test}, in-process on a real image: contended-counter.s,
 * a lock-free counter bumped by the main line and an RTC handler, which
 * reports in TAP whether an increment was lost.
 */
class StressOptionsTest {
    private static final Pattern CONTEND_LINE =
            Pattern.compile("(?m)^# contend: (\\d+) CAS/CAS2, (\\d+) interrupted, (\\d+) failed$");

    @TempDir
    static Path dir;
    private static Path image;

    @BeforeAll
    static void assemble() throws IOException {
        try (InputStream source = StressOptionsTest.class.getResourceAsStream("contended-counter.s")) {
            Files.write(dir.resolve("contended-counter.s"), source.readAllBytes());
        }
        Toolchain tools = Toolchain.locate();
        tools.runChecked("as", List.of("-m68030", "--register-prefix-optional", "-o", "counter.o",
                "contended-counter.s"), dir);
        tools.runChecked("ld", List.of("-Ttext=0x1000", "-e", "_start", "-o", "counter.elf", "counter.o"), dir);
        image = dir.resolve("counter.elf");
    }

    @Test
    void testUnderContentionPassesAndPrintsTheCountsOnStandardError() {
        QjCommandLine.Result result = QjCommandLine.run("test", image, "--preempt", "1", "--contend");
        assertEquals(0, result.status(), result::toString);
        assertTrue(result.out().contains("ok 1 - no increment of the counter is lost\n"), result::toString);
        assertTrue(result.out().endsWith("1 passed, 0 failed\n"), result::toString);
        Matcher counts = CONTEND_LINE.matcher(result.err());
        assertTrue(counts.find(), result::toString);
        long executed = Long.parseLong(counts.group(1));
        long interrupted = Long.parseLong(counts.group(2));
        long failed = Long.parseLong(counts.group(3));
        assertTrue(executed >= 300 + failed && interrupted > 0 && failed > 0, result::toString);
        assertFalse(result.out().contains("# contend:"), "the counts are not part of the TAP:\n" + result);
    }

    /** {@code qj run} types standard input on the console: here, none, rather than the test JVM's own. */
    @Test
    void runUnderContentionPrintsTheCountsToo() {
        InputStream stdin = System.in;
        QjCommandLine.Result result;
        try {
            System.setIn(InputStream.nullInputStream());
            result = QjCommandLine.run("run", image, "--preempt", "5", "--preempt-gap", "40", "--contend");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, result.status(), result::toString);
        assertTrue(CONTEND_LINE.matcher(result.err()).find(), result::toString);
    }

    @Test
    void theSameSeedGivesTheSameOutput() {
        QjCommandLine.Result first = QjCommandLine.run("test", image, "--preempt", "3", "--contend");
        QjCommandLine.Result again = QjCommandLine.run("test", image, "--preempt", "3", "--contend");
        assertEquals(first.out(), again.out());
        assertEquals(first.err(), again.err());
    }

    @Test
    void preemptionAloneCountsNothing() {
        QjCommandLine.Result result = QjCommandLine.run("test", image, "--preempt", "1");
        assertEquals(0, result.status(), result::toString);
        assertFalse(result.err().contains("# contend:"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "test"})
    void contentionWithoutPreemptionIsAUsageError(String command) {
        QjCommandLine.Result result = QjCommandLine.run(command, image, "--contend");
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--contend needs --preempt SEED"), result::toString);
    }

    @Test
    void aGapWithoutPreemptionIsAUsageError() {
        QjCommandLine.Result result = QjCommandLine.run("run", image, "--preempt-gap", "10");
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--preempt-gap needs --preempt SEED"), result::toString);
    }

    @Test
    void aGapBelowOneIsAUsageError() {
        QjCommandLine.Result result = QjCommandLine.run("run", image, "--preempt", "1", "--preempt-gap", "0");
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--preempt-gap must be at least 1 instruction, not 0"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "test"})
    void qemuHasNoStressModes(String command) {
        QjCommandLine.Result result = QjCommandLine.run(command, image, "--engine", "qemu", "--preempt", "1",
                "--contend");
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--preempt and --contend need --engine runner: QEMU has no stress modes"),
                result::toString);
    }
}
