package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quaject.binutils.Toolchain;

/**
 * Exit statuses, failed and crashed tests, crash reports and budgets, as users
 * see them: on both engines where the board behaves the same, on the runner
 * alone where it reports what QEMU cannot.
 */
class OutcomesIT {

    /** Where a crash report points: address, symbol+offset, .qj line, instruction. */
    private static final String DIVIDE_LOCATION = "    at 0x[0-9a-f]{8} divider\\$divide\\+0x0 "
            + "\\(compiler/src/test/resources/e2e/%s:%d\\): divuw %%d1,%%d0\n";

    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void aDivisionByZeroPrintsTheRegisterReportAndWhereItHappened(String engine) {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("divide-by-zero.qj"), "--engine", engine);
        assertEquals(3, result.exitStatus(), result::toString);
        String console = result.stdout();
        assertTrue(Pattern.compile("\\*\\*\\* Zero divide \\(vector 5\\) at PC 0x[0-9a-f]{8} "
                + "\\(instruction at 0x[0-9a-f]{8}\\)\n").matcher(console).find(), result::toString);
        assertTrue(console.contains("D0 0x12345678"), "d0 at the fault is reported\n" + result);
        assertTrue(console.contains("D7 0xcafe0007"), "d7 at the fault is reported\n" + result);
        assertTrue(console.matches("(?s).*A7 0x[0-9a-f]{8}.*"), result::toString);
        assertTrue(console.contains("SR 0x"), result::toString);
        assertTrue(Pattern.compile("qj: Zero divide:\n" + DIVIDE_LOCATION.formatted("divide-by-zero.qj", 7))
                .matcher(result.stderr()).find(), result::toString);
        assertTrue(result.stderr().contains("panicked"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void aCrashingTestFailsWithTheExceptionAndTheNextTestStillRuns(String engine) {
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("crash-in-test.qj"), "--engine", engine);
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains("not ok 1 - divides by zero # Zero divide (vector 5) at PC 0x"),
                result::toString);
        assertTrue(Pattern.compile("\n# \\*\\*\\* Zero divide .*\n# " + DIVIDE_LOCATION.formatted("crash-in-test.qj", 5))
                .matcher(result.stdout()).find(), "the report's first line is followed by where it points\n" + result);
        assertTrue(result.stdout().contains("\nok 2 - runs after the crash\n"), result::toString);
        assertTrue(result.stdout().endsWith("1 passed, 1 failed\n"), result::toString);
    }

    /** The runner survives code its CPU core cannot translate; QEMU, which crashes on it, is said to have. */
    @Test
    void codeTheCoreCannotTranslateCrashesItsTestAndNotTheRunner() {
        QjProcess.Result runner = QjProcess.run("test", QjProcess.fixture("untranslatable.qj"));
        assertEquals(1, runner.exitStatus(), runner::toString);
        assertTrue(runner.stdout().contains("not ok 1 - runs an FPU conditional with an undefined predicate "
                + "# Line 1111 emulator (vector 11) at PC 0x"), runner::toString);
        assertTrue(runner.stdout().contains("bad$go+0x0: .short 0xf277"), runner::toString);
        assertTrue(runner.stdout().contains("\nok 2 - runs after the crash\n"), runner::toString);
        QjProcess.Result qemu = QjProcess.run("test", QjProcess.fixture("untranslatable.qj"), "--engine", "qemu");
        assertEquals(1, qemu.exitStatus(), qemu::toString);
        assertTrue(qemu.stderr().contains("QEMU crashed (signal 11) while running"), qemu::toString);
    }

    /** Code the guest writes itself is not looked at: the core crashes on it, and the run ends with a report. */
    @Test
    void codeTheCoreCannotTranslateWrittenByTheGuestEndsTheRunWithAReport() {
        QjProcess.Result runner = QjProcess.run("test", QjProcess.fixture("untranslatable-written.qj"));
        assertEquals(1, runner.exitStatus(), runner::toString);
        assertTrue(runner.stdout().contains("not ok 1 - (not reported) # the CPU core crashed running the code at PC"
                + " 0x"), runner::toString);
        assertTrue(runner.stdout().contains(" (SIGSEGV inside the CPU core, at offset 0x"), runner::toString);
        assertTrue(runner.stdout().contains("writer$code+0x0"), runner::toString);
        assertTrue(runner.stdout().endsWith("0 passed, 2 failed\n"), runner::toString);
        QjProcess.Result again = QjProcess.run("test", QjProcess.fixture("untranslatable-written.qj"));
        assertEquals(runner.stdout(), again.stdout());
        // As docs/runner.md shows it.
        QjProcess.Result run = QjProcess.run("run", QjProcess.fixture("untranslatable-written.qj"));
        assertEquals(3, run.exitStatus(), run::toString);
        assertTrue(run.stderr().matches("(?s)qj: the CPU core crashed running the code at PC 0x\\p{XDigit}{8} \\(SIGSEGV"
                + " inside the CPU core, at offset 0x.*"), run::toString);
        assertTrue(run.stderr().contains(" writer$code+0x0 ("), run::toString);
    }

    /** A crash in a thread names the thread and the .qj line it started at; the next test starts afresh. */
    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void aCrashInAThreadNamesTheThreadAndWhereItStarted(String engine) {
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("thread-crash.qj"), "--engine", engine);
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(Pattern.compile("\nnot ok 1 - a thread crashes # Illegal instruction \\(vector 4\\) at PC "
                + "0x[0-9a-f]{8} in thread 0x[0-9a-f]{8} \\(entry 0x[0-9a-f]{8}\\)\n").matcher(result.stdout())
                .find(), result::toString);
        assertTrue(Pattern.compile("\n#     thread entry 0x[0-9a-f]{8} crasher\\$run\\+0x0 "
                + "\\(compiler/src/test/resources/e2e/thread-crash.qj:8\\): illegal\n").matcher(result.stdout())
                .find(), result::toString);
        assertTrue(result.stdout().contains("\nok 2 - the next test starts with no thread running\n"),
                result::toString);
        assertTrue(result.stdout().endsWith("1 passed, 1 failed\n"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void failingTestsAreReportedWithTheirReasons(String engine) {
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("failing-test.qj"), "--engine", engine);
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().startsWith("1..3\nok 1 - passes\n"), result::toString);
        assertTrue(result.stdout().contains("\nnot ok 2 - fails with a reason # two is not three\n"), result::toString);
        assertTrue(result.stdout().contains(
                "\nnot ok 3 - forgets to pass # the test ended without passing or failing\n"), result::toString);
        assertTrue(result.stdout().endsWith("1 passed, 2 failed\n"), result::toString);
    }

    /**
     * Each test's TAP line is out the moment the test ends, while the image
     * still runs; and qj stopped then (SIGTERM) stops QEMU with it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void testStreamsEachResultAsTheTestEnds(String engine) throws Exception {
        Process qj = new ProcessBuilder(QjProcess.ROOT.resolve("bin/qj").toString(), "test",
                QjProcess.fixture("loops-forever.qj").toString(), "--engine", engine, "--timeout", "600")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<ProcessHandle> children;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(qj.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("1..2", out.readLine());
            assertEquals("ok 1 - passes", out.readLine());
            // The second test loops until the budget or the timeout, minutes away.
            assertTrue(qj.isAlive(), "qj had ended before its first result was read");
            children = qj.descendants().toList();
        } finally {
            qj.destroy();
            qj.waitFor();
        }
        for (ProcessHandle child : children) {
            // A safety net, not a measure: a stopped QEMU is gone in milliseconds.
            child.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    /** --junit-xml writes what the TAP says, a test case per test block; a run that cannot start leaves none. */
    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void theJUnitXmlReportHasATestCasePerTestBlock(String engine, @TempDir Path dir) throws Exception {
        Path report = dir.resolve("reports/TEST-failing-test.xml");
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("failing-test.qj"), "--engine", engine,
                "--junit-xml", report);
        assertEquals(1, result.exitStatus(), result::toString);
        String xml = Files.readString(report);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"failing-test\""
                + " tests=\"3\" failures=\"2\" errors=\"0\" skipped=\"0\">\n"), xml);
        assertTrue(xml.contains("\n  <testcase name=\"passes\" classname=\"failing-test\"></testcase>\n"), xml);
        assertTrue(xml.contains("\n  <testcase name=\"fails with a reason\" classname=\"failing-test\">"
                + "<failure message=\"two is not three\"></failure></testcase>\n"), xml);
        assertTrue(xml.contains("<system-out>1..3\nok 1 - passes\n"), xml);

        Path broken = Files.writeString(dir.resolve("broken.qj"), "kernel {\n");
        QjProcess.Result failed = QjProcess.run("test", broken, "--engine", engine, "--junit-xml", report);
        assertEquals(1, failed.exitStatus(), failed::toString);
        assertFalse(Files.exists(report), "the report of the earlier run is still there");
    }

    /**
     * Several images, or a folder, at once: each one's TAP after a line
     * naming it, then the totals; a folder's .qj libraries (no kernel) are
     * left out, and with several images --junit-xml is a folder of reports.
     */
    @Test
    void testRunsSeveralImagesAndTheKernelsInAFolder(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("kernels"));
        Files.copy(QjProcess.fixture("failing-test.qj"), folder.resolve("failing-test.qj"));
        Files.copy(QjProcess.example("hello"), folder.resolve("hello.qj"));
        Files.copy(QjProcess.ROOT.resolve("examples/queues/preempt.qj"), folder.resolve("preempt.qj"));
        Path reports = dir.resolve("reports");
        QjProcess.Result result = QjProcess.run("test", folder, QjProcess.fixture("exit-status.qj"),
                "--junit-xml", reports);
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().startsWith("# " + folder.resolve("failing-test.qj") + "\n1..3\nok 1 - passes\n"),
                result::toString);
        assertTrue(result.stdout().contains("\n1 passed, 2 failed\n# " + folder.resolve("hello.qj")
                + "\n1..1\nok 1 - the greeting is one line\n"), result::toString);
        assertTrue(result.stdout().contains("\n# " + QjProcess.fixture("exit-status.qj") + "\n"), result::toString);
        assertFalse(result.stdout().contains("preempt.qj"), result::toString);
        assertTrue(result.stdout().endsWith("\n3 images: 2 passed, 2 failed\n"), result::toString);
        try (var written = Files.list(reports)) {
            assertEquals(List.of("TEST-exit-status.qj.xml", "TEST-failing-test.qj.xml", "TEST-hello.qj.xml"),
                    written.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** A folder with nothing to test is an error that says so, before anything runs. */
    @Test
    void testOfAFolderWithoutKernelsOrImagesSaysSo(@TempDir Path dir) throws Exception {
        Files.copy(QjProcess.ROOT.resolve("examples/queues/preempt.qj"), dir.resolve("preempt.qj"));
        QjProcess.Result result = QjProcess.run("test", dir, QjProcess.example("hello"));
        assertEquals(1, result.exitStatus(), result::toString);
        assertEquals("", result.stdout());
        assertEquals("qj: error: " + dir + " holds no kernel (.qj) and no image (.elf, .img)\n", result.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void mainsResultIsTheExitStatus(String engine) {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("exit-status.qj"), "--engine", engine);
        assertEquals(7, result.exitStatus(), result::toString);
        assertEquals("", result.stdout(), "the status line is not console output");
    }

    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void anExitStatusBeyondEightBitsIsReportedAs255(String engine) {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("large-exit-status.qj"), "--engine", engine);
        assertEquals(255, result.exitStatus(), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void runStopsAnImageThatNeverEndsAtItsTimeout(String engine) {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("loops-forever.qj"), "--engine", engine,
                "--timeout", "1.5");
        assertEquals(3, result.exitStatus(), result::toString);
        assertTrue(result.stderr().contains("the image did not stop within 1.5 s"), result::toString);
    }

    @Test
    void theRunnerSaysWhereAnImageThatRanOutOfTimeWas() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("loops-forever.qj"), "--timeout", "0.5");
        assertEquals(3, result.exitStatus(), result::toString);
        assertTrue(Pattern.compile("the image did not stop within 0.5 s \\(\\d+ instructions executed\\)\n"
                        + "    at 0x[0-9a-f]{8} qj_main\\+0x0 \\(compiler/src/test/resources/e2e/loops-forever.qj:5\\): "
                        + "bras 0x[0-9a-f]+\n").matcher(result.stderr()).find(), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void testReportsTheTestsATimeoutCutOff(String engine) {
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("loops-forever.qj"), "--engine", engine,
                "--timeout", "1.5");
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains("\nok 1 - passes\n"), result::toString);
        assertTrue(result.stdout().contains("\nnot ok 2 - (not reported) # the image did not stop within 1.5 s"),
                result::toString);
        assertTrue(result.stdout().endsWith("1 passed, 1 failed\n"), result::toString);
    }

    @Test
    void theRunnerIsTheDefaultEngineAndHonoursAnInstructionBudget() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("loops-forever.qj"),
                "--max-instructions", "200000");
        assertEquals(3, result.exitStatus(), result::toString);
        assertTrue(Pattern.compile("qj: the instruction budget ran out after 200000 instructions "
                        + "\\(raise it with --max-instructions N\\)\n"
                        + "    at 0x[0-9a-f]{8} qj_main\\+0x0 \\(compiler/src/test/resources/e2e/loops-forever.qj:5\\)")
                .matcher(result.stderr()).find(), result::toString);
    }

    /**
     * Without --timeout, test on the runner has no wall-clock limit: a runaway
     * image is stopped by the instruction budget alone (by default 20 billion
     * instructions, EngineOptions.Limits), so the verdict is the same on every host.
     */
    @Test
    void anInstructionBudgetCutsOffTheTestsItStops() {
        QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("loops-forever.qj"),
                "--max-instructions", "200000");
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains("\nok 1 - passes\n"), result::toString);
        assertTrue(result.stdout().contains("\nnot ok 2 - (not reported) # the instruction budget ran out after "
                + "200000 instructions (raise it with --max-instructions N)\n"), result::toString);
        assertTrue(result.stdout().contains("\n#     at 0x"), "where the CPU was\n" + result);
        assertTrue(result.stdout().endsWith("1 passed, 1 failed\n"), result::toString);
        assertFalse(result.stdout().contains("did not stop within"), "no wall-clock limit took part\n" + result);
    }

    @Test
    void anInstructionBudgetNeedsTheRunner() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("exit-status.qj"), "--engine", "qemu",
                "--max-instructions", "1000");
        assertEquals(2, result.exitStatus(), result::toString);
        assertTrue(result.stderr().contains("--max-instructions needs --engine runner"), result::toString);
    }

    @Test
    void anInstructionBudgetThatIsNotPositiveIsAUsageError() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("exit-status.qj"), "--max-instructions", "0");
        assertEquals(2, result.exitStatus(), result::toString);
        assertTrue(result.stderr().contains("--max-instructions must be a positive number"), result::toString);
    }

    /** QEMU's virt board reads zeros there (docs/runner.md); the runner stops, as such an access is a bug. */
    @Test
    void theRunnerStopsAtAnAccessToUnmappedMemoryAndSaysWhere() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("unmapped-read.qj"));
        assertEquals(3, result.exitStatus(), result::toString);
        assertTrue(Pattern.compile("qj: read of unmapped address 0x40000000 at PC 0x[0-9a-f]{8} "
                        + "\\(\\d+ instructions executed\\)\n    SR 0x2700  USP 0x00000000  SSP 0x[0-9a-f]{8}\n"
                        + "    D0 0x[0-9a-f]{8}  D1 0x[0-9a-f]{8}  D2 0x[0-9a-f]{8}  D3 0x12345678\n"
                        + "(    .*\n){3}"
                        + "    at 0x[0-9a-f]{8} qj_main\\+0x6 \\(compiler/src/test/resources/e2e/unmapped-read.qj:8\\): "
                        + "movel 0x40000000,%d0\n").matcher(result.stderr()).find(), result::toString);
    }

    @Test
    void theRunnerEndsARunThatStoppedTheCpuForGood() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("stops-forever.qj"));
        assertEquals(3, result.exitStatus(), result::toString);
        assertTrue(result.stderr().contains(
                "qj: the CPU executed STOP (SR 0x2700) and no enabled interrupt can wake it"), result::toString);
        assertTrue(result.stderr().contains("stops-forever.qj:6): rts"), "where it would have gone on\n" + result);
    }

    @Test
    void aTimeoutThatIsNotPositiveIsAUsageError() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("exit-status.qj"), "--timeout", "0");
        assertEquals(2, result.exitStatus(), result::toString);
        assertTrue(result.stderr().contains("--timeout must be a positive number of seconds"), result::toString);
    }

    /** An ELF image for the board built without the compiler: bytes to the TTY, then HALT. */
    private static final String FOREIGN_IMAGE = """
                .globl _start
                .text
            _start:
                lea     text,a0
            1:  move.b  (a0)+,d0
                beq     2f
                move.l  d0,0xff008000
                bra     1b
            2:  move.l  #2,0xff009004
            3:  bra     3b
            text:
                .asciz  "not built by qj\\n"
            """;

    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void runBootsAnyElfImageForTheBoard(String engine, @TempDir Path dir) throws Exception {
        Toolchain tools = Toolchain.locate();
        Files.writeString(dir.resolve("foreign.s"), FOREIGN_IMAGE);
        tools.runChecked("as", List.of("-m68030", "--register-prefix-optional", "-o", "foreign.o", "foreign.s"), dir);
        tools.runChecked("ld", List.of("-Ttext=0x400", "-e", "_start", "-o", "foreign.elf", "foreign.o"), dir);
        QjProcess.Result result = QjProcess.run("run", dir.resolve("foreign.elf"), "--engine", engine);
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("not built by qj\n", result.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"runner", "qemu"})
    void aForeignFileIsRejectedCleanly(String engine) {
        QjProcess.Result result = QjProcess.run("run", QjProcess.ROOT.resolve("README.md"), "--engine", engine);
        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stderr().startsWith("qj: error: "), result::toString);
        assertTrue(!result.stderr().contains("Exception"), result::toString);
    }
}
