package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quaject.compiler.testing.QjCommandLine;
import org.quaject.compiler.testing.QjSources;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunnerEngine;

/**
 * {@code qj test --progress} and {@code --progress-interval}, in-process: the
 * progress lines go to standard error only, and the TAP on standard output is
 * the same with them as without. How many lines a run prints depends on the
 * host's speed, so no verdict here counts them.
 */
class ProgressOptionsTest {

    /** A test that takes a few million instructions, so that a run spans several short intervals. */
    static final String KERNEL = """
            kernel k {
                test "loops a while" {
                    move.l  #2000000,d1
            1:      subq.l  #1,d1
                    bne.s   1b
                    pass
                }
            }
            """;

    private static final Pattern LINE = Pattern.compile("qj test: \\d+ passed, \\d+ failed, "
            + "(\\d{1,3}(,\\d{3})* instructions, \\d+\\.\\d (ms|s) of guest time|\\d+\\.\\d s of wall time)");

    @RegisterExtension
    final QjSources sources = new QjSources();

    @Test
    void progressLinesGoToStandardErrorAndLeaveTheTapAsItIs() {
        Path file = sources.write("loop.qj", KERNEL);
        QjCommandLine.Result quiet = QjCommandLine.run("test", file, "--progress", "never");
        QjCommandLine.Result shown = QjCommandLine.run("test", file, "--progress", "always",
                "--progress-interval", "0.001");
        assertAll(
                () -> assertEquals(0, quiet.status(), quiet::toString),
                () -> assertEquals("", quiet.err(), quiet::toString),
                () -> assertEquals(quiet.out(), shown.out(), "the TAP with progress lines and without"),
                () -> assertEquals(0, shown.status(), shown::toString),
                () -> shown.err().lines().forEach(line ->
                        assertTrue(LINE.matcher(line).matches(), () -> "not a progress line: " + line)));
    }

    @ParameterizedTest(name = "--progress-interval {0}")
    @ValueSource(strings = {"0", "-1", "0.0001", "NaN"})
    void anIntervalUnderAMillisecondIsAUsageError(String seconds) {
        Path file = sources.write("loop.qj", KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("test", file, "--progress-interval", seconds);
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--progress-interval must be a number of seconds from 0.001"),
                result::toString);
    }

    @Test
    void anUnknownWhenIsAUsageError() {
        Path file = sources.write("loop.qj", KERNEL);
        QjCommandLine.Result result = QjCommandLine.run("test", file, "--progress", "sometimes");
        assertEquals(2, result.status(), result::toString);
        assertTrue(result.err().contains("--progress"), result::toString);
        assertTrue(result.err().contains("auto, always, never"), result::toString);
    }

    /**
     * The runner tells its counts between slices, rising to the end of the
     * run; without STOP, guest time is 128 ns an instruction exactly.
     */
    @Test
    void theRunnerTellsItsInstructionsAndGuestTimeAsTheRunGoes() throws Exception {
        Path file = sources.write("loop.qj", KERNEL);
        QjCommandLine.Result built = QjCommandLine.run("build", file, "-o", sources.dir().resolve("loop"));
        assertEquals(0, built.status(), built::toString);
        List<long[]> told = new ArrayList<>();
        new RunnerEngine((instructions, guestNanos) -> told.add(new long[] {instructions, guestNanos}))
                .run(new RunRequest(sources.dir().resolve("loop.elf"), 4 * 1024 * 1024, true, null,
                        OutputStream.nullOutputStream(), Duration.ofDays(1), OptionalLong.of(100_000_000)));
        assertTrue(told.size() > 4, "a run of some 4 million instructions spans several slices: " + told.size());
        for (int i = 0; i < told.size(); i++) {
            assertEquals(told.get(i)[0] * 128, told.get(i)[1], "guest time at report " + i);
            if (i > 0) {
                assertTrue(told.get(i)[0] >= told.get(i - 1)[0], "instructions fell at report " + i);
            }
        }
        assertTrue(told.get(told.size() - 1)[0] > 4_000_000, "the last report comes near the run's end");
    }
}
