package org.quaject.runner.machine;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.RunResult;
import org.quaject.runner.RunnerEngine;
import org.quaject.runner.cpu.UnicornCpu;
import org.quaject.runner.TapReport;
import org.quaject.runner.TestResult;

/**
 * Every fixture runs on the runner and on QEMU, and the two console
 * transcripts must match line for line, with the same outcome: the runner is
 * QEMU's board, so a guest cannot tell them apart. Where QEMU 7.2 departs from
 * the MC68030 manual the fixture checks the manual, and is listed below
 * instead, with the reason; so are the fixtures whose ending only the runner
 * has. Needs qemu-system-m68k (Debian qemu-system-misc).
 */
class DifferentialTest {

    /** The fixtures compared, with the console input each needs. */
    private static final Map<String, String> COMPARED = Map.ofEntries(
            Map.entry("trap", ""),
            Map.entry("trapv", ""),
            Map.entry("chk", ""),
            Map.entry("zero_divide", ""),
            Map.entry("illegal", ""),
            Map.entry("line_a", ""),
            Map.entry("line_f", ""),
            Map.entry("privilege", ""),
            Map.entry("rte", ""),
            Map.entry("stacks", ""),
            Map.entry("vbr", ""),
            Map.entry("interrupts", "x"),
            Map.entry("interrupt_timing", ""),
            Map.entry("bootinfo", ""),
            Map.entry("stop", ""),
            Map.entry("rtc", ""),
            Map.entry("tty", "abcdef"),
            Map.entry("pic", ""),
            Map.entry("panic", ""),
            Map.entry("cas", ""),
            Map.entry("preempt_points", ""),
            Map.entry("cas_contend", ""),
            Map.entry("translation_churn", ""),
            Map.entry("trace", ""),
            Map.entry("trace_trap", ""));

    /** QEMU 7.2 departs from the manual; each fixture's header says how. QEMU fails some of its tests. */
    private static final List<String> QEMU_DEPARTS = List.of(
            // CHK with extension words: QEMU stacks the CHK's address + 2.
            "chk_extension_words",
            // QEMU ORs the interrupt level into the old mask instead of setting it.
            "interrupt_mask",
            // QEMU has no format error: it returns through an unknown frame as if it were format $0.
            "format_error",
            // QEMU's STOP wakes on a masked interrupt and carries on without taking it.
            "stop_masked",
            // QEMU stops at a STOP begun with T1 set, which the 68030 traces instead.
            "trace_stop");

    /**
     * Followed by the runner where its CPU core can stop inside a translation
     * block (Unicorn 2.1.4); else where the runner departs from the manual.
     */
    private static final List<String> FOLLOWED_WHERE_THE_CORE_STOPS_INSIDE_BLOCKS = List.of(
            // The machine takes a device write's interrupt where the core's translation block ends.
            "interrupt_after_write");

    /** The runner departs from the manual, QEMU follows it (docs/runner.md). The runner fails some of their tests. */
    private static final List<String> RUNNER_DEPARTS = Stream.concat(Stream.of(
            // The CPU core (Unicorn 2.0.1 and 2.1.4) decodes TRAPcc as Scc and never traps.
            "trapcc",
            // The CPU core executes MOVE from SR in user mode, as a 68000 would.
            "move_from_sr"),
            coreStopsInsideBlocks() ? Stream.empty() : FOLLOWED_WHERE_THE_CORE_STOPS_INSIDE_BLOCKS.stream()).toList();

    private static boolean coreStopsInsideBlocks() {
        try (UnicornCpu cpu = UnicornCpu.open()) {
            return cpu.stopsInsideBlocks();
        }
    }

    /**
     * Endings only the runner has (QEMU would wait, reset, read 0, or trace), the budgets' endless loop, and code on
     * which QEMU's translator crashes.
     */
    private static final List<String> RUNNER_ONLY = List.of(
            "stop_hung", "double_fault", "reset", "unmapped", "endless", "untranslatable",
            "untranslatable_written", "trace_by_sr_write");

    @TempDir
    Path dir;

    static Stream<String> compared() {
        return Stream.concat(COMPARED.keySet().stream(),
                FOLLOWED_WHERE_THE_CORE_STOPS_INSIDE_BLOCKS.stream().filter(f -> !RUNNER_DEPARTS.contains(f))).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compared")
    void theRunnerAndQemuPrintTheSameLines(String fixture) throws Exception {
        Path image = Fixtures.link(dir, fixture);
        String input = COMPARED.getOrDefault(fixture, "");
        RunResult qemu = Fixtures.run(new QemuEngine(), image, input);
        RunResult runner = Fixtures.run(new RunnerEngine(), image, input);
        String qemuLines = new String(qemu.transcript(), US_ASCII);
        String runnerLines = new String(runner.transcript(), US_ASCII);
        assertSameLines(qemuLines, runnerLines);
        assertEquals(qemu.outcome(), runner.outcome(), "QEMU: " + qemu.detail() + "; runner: " + runner.detail());
        // The same on both, and right: a fixture that fails on both engines alike is still a failure.
        Fixtures.assertAllPass(qemuLines);
    }

    static Stream<String> qemuDeparts() {
        return QEMU_DEPARTS.stream();
    }

    /** Keeps the list honest: when QEMU follows the manual in a later version, the fixture moves to COMPARED. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("qemuDeparts")
    void qemuStillDepartsFromTheManual(String fixture) throws Exception {
        RunResult qemu = Fixtures.run(new QemuEngine(), Fixtures.link(dir, fixture), "");
        assertFalse(passesEverything(qemu),
                () -> "QEMU now passes " + fixture + ":\n" + new String(qemu.transcript(), US_ASCII));
    }

    static Stream<String> runnerDeparts() {
        return RUNNER_DEPARTS.stream();
    }

    /** Keeps the list and docs/runner.md honest: when the runner follows the manual, the fixture moves to COMPARED. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runnerDeparts")
    void theRunnerStillDepartsFromTheManual(String fixture) throws Exception {
        RunResult runner = Fixtures.run(new RunnerEngine(), Fixtures.link(dir, fixture), "");
        assertFalse(passesEverything(runner),
                () -> "the runner now passes " + fixture + ":\n" + new String(runner.transcript(), US_ASCII));
    }

    /** The fixtures the runner fails are right about the manual, as far as QEMU shows. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runnerDeparts")
    void qemuPassesWhatTheRunnerDoesNot(String fixture) throws Exception {
        Fixtures.assertAllPass(Fixtures.run(new QemuEngine(), Fixtures.link(dir, fixture), ""));
    }

    @Test
    void everyFixtureIsComparedOrListedWithItsReason() throws IOException, URISyntaxException {
        Path resources = Path.of(Fixtures.class.getResource("tap.inc").toURI()).getParent();
        Set<String> fixtures = new TreeSet<>();
        try (Stream<Path> files = Files.list(resources)) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".s"))
                    .forEach(name -> fixtures.add(name.substring(0, name.length() - ".s".length())));
        }
        Set<String> listed = new HashSet<>(COMPARED.keySet());
        listed.addAll(FOLLOWED_WHERE_THE_CORE_STOPS_INSIDE_BLOCKS);
        listed.addAll(QEMU_DEPARTS);
        listed.addAll(RUNNER_DEPARTS);
        listed.addAll(RUNNER_ONLY);
        assertEquals(fixtures, new TreeSet<>(listed));
    }

    /** Every planned test reported, and passed. */
    private static boolean passesEverything(RunResult result) {
        TapReport report = TapReport.parse(result.transcript());
        return report.plannedCount().isPresent()
                && report.results().size() == report.plannedCount().getAsInt()
                && report.results().stream().allMatch(TestResult::passed);
    }

    /** Fails at the first line that differs, showing its number and both texts. */
    static void assertSameLines(String qemu, String runner) {
        List<String> expected = qemu.lines().toList();
        List<String> actual = runner.lines().toList();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String q = i < expected.size() ? expected.get(i) : "(no more lines)";
            String r = i < actual.size() ? actual.get(i) : "(no more lines)";
            if (!q.equals(r)) {
                fail(String.format("line %d differs:%n  QEMU:   %s%n  runner: %s%n--- QEMU transcript:%n%s",
                        i + 1, q, r, qemu));
            }
        }
    }
}
