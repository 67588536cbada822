package org.quaject.runner;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.testing.CrossToolchain;

/** QEMU end to end, with hand-written images; needs qemu-system-m68k (Debian qemu-system-misc). */
class QemuEngineTest {
    private static final long RAM = ImageInfo.DEFAULT_RAM_BYTES;
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final QemuEngine engine = new QemuEngine();

    /** A QEMU error after the guest spoke is the guest's doing: its panic is a panic, not a failed boot. */
    @Test
    void aPanicAfterAnErrorTheGuestCausedIsAPanic() throws EngineException {
        RunRequest request = new RunRequest(dir.resolve("k.elf"), RAM, false, null, console, GENEROUS);
        String said = "qemu-system-m68k: virtio: zero sized buffers are not allowed";
        assertEquals(Outcome.PANIC, QemuEngine.outcome(request, 1, said, true));
        EngineException e = assertThrows(EngineException.class, () -> QemuEngine.outcome(request, 1, said, false));
        assertTrue(e.getMessage().startsWith("QEMU could not boot "), e.getMessage());
        assertEquals(Outcome.PANIC, QemuEngine.outcome(request, 1, "", false));
        assertEquals(Outcome.HALT, QemuEngine.outcome(request, 0, said, true));
    }

    @Test
    void haltWithStatusLine() throws Exception {
        RunResult result = run(GuestImages.HELLO, null, GENEROUS);
        assertEquals(Outcome.HALT, result.outcome(), result.detail());
        assertEquals(OptionalInt.of(7), result.exitStatus());
        assertEquals(7, result.processExitCode());
        assertEquals("hello\n1..1\nok 1 - greets\n", console.toString(US_ASCII));
        assertEquals("hello\n1..1\nok 1 - greets\n# qj-exit: 7\n", new String(result.transcript(), US_ASCII));
        assertEquals(List.of("ok 1 - greets"),
                TapReport.parse(result.transcript()).results().stream().map(TestResult::toTapLine).toList());
    }

    @Test
    void panic() throws Exception {
        RunResult result = run(GuestImages.PANIC, null, GENEROUS);
        assertEquals(Outcome.PANIC, result.outcome(), result.detail());
        assertEquals(OptionalInt.empty(), result.exitStatus());
        assertEquals(RunResult.FAILURE_EXIT_CODE, result.processExitCode());
        assertEquals("X", console.toString(US_ASCII));
    }

    @Test
    void endlessLoopTimesOut() throws Exception {
        long start = System.nanoTime();
        RunResult result = run(GuestImages.LOOP, null, Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Outcome.TIMEOUT, result.outcome(), result.detail());
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took);
        assertEquals(RunResult.FAILURE_EXIT_CODE, result.processExitCode());
    }

    @Test
    void consoleInputReachesTheGuest() throws Exception {
        RunResult result = run(GuestImages.ECHO, new ByteArrayInputStream("abc\ndef.ignored".getBytes(US_ASCII)),
                GENEROUS);
        assertEquals(Outcome.HALT, result.outcome(), result.detail());
        assertEquals("abc\ndef", console.toString(US_ASCII));
    }

    @Test
    void guestTimeAdvancesByTheIcountRule() throws Exception {
        String expected = String.format("%08x", GuestImages.CLOCK_INSTRUCTIONS << QemuEngine.ICOUNT_SHIFT);
        for (int i = 0; i < 2; i++) {
            console.reset();
            RunResult result = run(GuestImages.CLOCK, null, GENEROUS);
            assertEquals(Outcome.HALT, result.outcome(), result.detail());
            assertEquals(expected, console.toString(US_ASCII));
        }
    }

    @Test
    void testModeStillBoots() throws Exception {
        Path image = CrossToolchain.link(dir, "hello", GuestImages.HELLO);
        RunResult result = engine.run(new RunRequest(image, RAM, true, null, console, GENEROUS));
        assertEquals(Outcome.HALT, result.outcome(), result.detail());
    }

    @Test
    void imageQemuCannotBootIsAnEngineError() throws Exception {
        Path garbage = dir.resolve("garbage.elf");
        Files.writeString(garbage, "not an image");
        EngineException e = assertThrows(EngineException.class,
                () -> engine.run(new RunRequest(garbage, RAM, false, null, console, GENEROUS)));
        assertTrue(e.getMessage().contains("QEMU could not boot"), e.getMessage());
        assertTrue(e.getMessage().contains("could not load kernel"), e.getMessage());
    }

    @Test
    void missingEmulatorSaysHowToInstallIt() {
        QemuEngine missing = new QemuEngine("qemu-system-m68k-that-does-not-exist");
        EngineException e = assertThrows(EngineException.class,
                () -> missing.run(new RunRequest(dir.resolve("x.elf"), RAM, false, null, console, GENEROUS)));
        assertTrue(e.getMessage().contains("apt-get install qemu-system-misc"), e.getMessage());
    }

    @Test
    void commandLineFollowsTheBoardRules() {
        Path qemu = Path.of("/usr/bin/qemu-system-m68k");
        Path image = Path.of("/images/kernel.elf");
        List<String> normal = QemuEngine.commandLine(qemu, new RunRequest(image, 104 * 1024, false, null, console,
                GENEROUS));
        assertEquals(List.of("/usr/bin/qemu-system-m68k", "-M", "virt", "-cpu", "m68030", "-m", "104K",
                "-nodefaults", "-display", "none", "-serial", "stdio", "-kernel", "/images/kernel.elf",
                "-icount", "shift=" + QemuEngine.ICOUNT_SHIFT + ",sleep=off", "-rtc", "clock=vm,base=" + QemuEngine.RTC_BASE,
                "-action", "panic=exit-failure"), normal);
        List<String> test = QemuEngine.commandLine(qemu, new RunRequest(image, 2L << 20, true, null, console,
                GENEROUS));
        assertEquals(List.of("-m", "2M"), test.subList(5, 7));
        assertEquals(List.of("-append", "qj.test"), test.subList(test.size() - 2, test.size()));
    }

    /** The harness learns which test to run alone from the command line, as on the runner. */
    @Test
    void commandLineOfARunOfOneTestNamesItsNumber() {
        List<String> test = QemuEngine.commandLine(Path.of("/usr/bin/qemu-system-m68k"),
                new RunRequest(Path.of("/images/kernel.elf"), RAM, true, null, console, GENEROUS).withOnlyTest(3));
        assertEquals(List.of("-append", "qj.test qj.only=3"), test.subList(test.size() - 2, test.size()));
    }

    private RunResult run(String source, InputStream input, Duration timeout) throws Exception {
        Path image = CrossToolchain.link(dir, "guest", source);
        return engine.run(new RunRequest(image, RAM, false, input, console, timeout));
    }
}
