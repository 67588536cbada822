package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code qj debug} driven by the real gdb-multiarch, on both engines: a
 * breakpoint on a callentry by its symbol, continue, the registers the kernel
 * set, a step to the next .qj line, and on the runner reverse steps back and
 * the guest's exit status. Kernel: {@code e2e/debuggee.qj}.
 */
class DebugIT {

    private static final String GDB = "gdb-multiarch";
    /** Safety nets only: the guest halts by itself within 20,000 instructions. */
    private static final Duration ANNOUNCE_LIMIT = Duration.ofSeconds(60);
    private static final Duration SESSION_LIMIT = Duration.ofSeconds(120);
    /** The command qj debug prints: the image for gdb (a compiled .qj file's is temporary) and the port. */
    private static final Pattern ANNOUNCED = Pattern.compile("gdb-multiarch -q (\\S+) -ex 'target remote :(\\d+)'");
    private static final Pattern LINE = Pattern.compile("Line (\\d+) of \"[^\"]*\\.qj\"");

    @TempDir
    static Path dir;

    private static Path image;

    @BeforeAll
    static void buildTheKernel() {
        Assumptions.assumeTrue(onPath(GDB), GDB + " is not installed (Debian package gdb-multiarch; make deps "
                + "installs it): the debugger tests are skipped");
        QjProcess.Result build = QjProcess.run("build", QjProcess.fixture("debuggee.qj"), "-o", dir.resolve("debuggee"));
        assertEquals(0, build.exitStatus(), build::toString);
        image = dir.resolve("debuggee.elf");
    }

    /** What gdb says about a session, and how {@code qj debug} ended. */
    private record Session(String gdb, int qjStatus, String qjErrors) {
        /** The .qj line numbers {@code info line *$pc} reported, in order. */
        List<Integer> lines() {
            List<Integer> lines = new ArrayList<>();
            for (Matcher line = LINE.matcher(gdb); line.find(); ) {
                lines.add(Integer.parseInt(line.group(1)));
            }
            return lines;
        }

        /** The values of {@code printf "NAME=%#x\n"} lines, in order. */
        List<String> values(String name) {
            return gdb.lines().filter(l -> l.startsWith(name + "=")).map(l -> l.substring(name.length() + 1)).toList();
        }

        @Override
        public String toString() {
            return "--- gdb\n" + gdb + "--- qj debug, exit " + qjStatus + "\n" + qjErrors;
        }
    }

    @Test
    void onTheRunnerABreakpointByNameRegistersStepsAndReverseStepsWork() throws Exception {
        Session session = debug("runner",
                "break adder$add",
                "continue",
                "printf \"d0=%#x\\n\", $d0",
                "printf \"d1=%#x\\n\", $d1",
                "info line *$pc",
                "step",
                "info line *$pc",
                "printf \"d0=%#x\\n\", $d0",
                "reverse-step",
                "info line *$pc",
                "printf \"pc=%#x\\n\", $pc",
                "printf \"d0=%#x\\n\", $d0",
                "reverse-stepi",
                "info line *$pc",
                "delete",
                "continue");
        assertEquals(List.of("0x1200", "0x1234", "0x1200"), session.values("d0"), session::toString);
        assertEquals(List.of("0x34"), session.values("d1"), session::toString);
        // At the callentry (line 7), a step to its rts (8), back to line 7, back into main's jsr (18).
        assertEquals(List.of(7, 8, 7, 18), session.lines(), session::toString);
        assertEquals(List.of(address("adder$add")), session.values("pc"), session::toString);
        assertTrue(session.gdb().contains("exited with code 05"), session::toString);
        assertEquals(5, session.qjStatus(), session::toString);
        assertTrue(session.qjErrors().contains("the image halted"), session::toString);
    }

    @Test
    void reverseContinueGoesBackToTheLastBreakpointHitThenToTheStart() throws Exception {
        Session session = debug("runner",
                "break qj_main",
                "break adder$add",
                "continue",
                "continue",
                "reverse-continue",
                "info line *$pc",
                "reverse-continue",
                "printf \"pc=%#x\\n\", $pc",
                "kill");
        assertEquals(List.of(16), session.lines(), session::toString);
        assertTrue(session.gdb().contains("No more reverse-execution history."), session::toString);
        assertEquals(List.of(address("_start")), session.values("pc"), session::toString);
        assertTrue(session.qjErrors().contains("gdb killed the target"), session::toString);
    }

    @Test
    void onQemuABreakpointByNameRegistersAndStepsWork() throws Exception {
        Assumptions.assumeTrue(onPath("qemu-system-m68k"), "QEMU is not installed (qemu-system-misc)");
        Session session = debug("qemu",
                "break adder$add",
                "continue",
                "printf \"d0=%#x\\n\", $d0",
                "printf \"d1=%#x\\n\", $d1",
                "info line *$pc",
                "step",
                "info line *$pc",
                "printf \"d0=%#x\\n\", $d0",
                "delete",
                "continue");
        assertEquals(List.of("0x1200", "0x1234"), session.values("d0"), session::toString);
        assertEquals(List.of("0x34"), session.values("d1"), session::toString);
        assertEquals(List.of(7, 8), session.lines(), session::toString);
        // QEMU tells gdb only that it ended; qj debug reads the image's status from the console, as qj run does.
        assertTrue(session.gdb().contains("exited normally"), session::toString);
        assertEquals(5, session.qjStatus(), session::toString);
    }

    @Test
    void theTestsOfAKernelFileAreDebuggedWithTest() throws Exception {
        // examples/counter: test 2 increments a (to 1), then b; at b.inc, d0 still holds a's count.
        Session session = debug(List.of(QjProcess.example("counter").toString(), "--test"),
                "break b$inc",
                "continue",
                "info line *$pc",
                "printf \"d0=%#x\\n\", $d0",
                "delete",
                "continue");
        assertEquals(List.of(10), session.lines(), session::toString);
        assertEquals(List.of("0x1"), session.values("d0"), session::toString);
        assertTrue(session.gdb().contains("exited normally"), session::toString);
        assertEquals(0, session.qjStatus(), session::toString);
    }

    @Test
    void aCrashOnTheRunnerStopsGdbWithSigsegvAndQjDebugReportsWhere() throws Exception {
        Path crashing = QjProcess.fixture("unmapped-read.qj");
        Session session = debug(List.of(crashing.toString()),
                "continue",
                "info line *$pc",
                "printf \"d3=%#x\\n\", $d3",
                "reverse-stepi",
                "info line *$pc",
                "kill");
        assertTrue(session.gdb().contains("Program received signal SIGSEGV"), session::toString);
        assertEquals(List.of(8, 7), session.lines(), session::toString);
        assertEquals(List.of("0x12345678"), session.values("d3"), session::toString);
        assertTrue(session.qjErrors().contains("read of unmapped address 0x40000000"), session::toString);
        assertTrue(session.qjErrors().contains("unmapped-read.qj:8"), session::toString);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"runner", "qemu"})
    void ctrlCInGdbStopsAGuestThatLoopsForever(String engine) throws Exception {
        Assumptions.assumeTrue(engine.equals("runner") || onPath("qemu-system-m68k"), "QEMU is not installed");
        Path looping = QjProcess.fixture("loops-forever.qj");
        Session session = debug(List.of(looping.toString(), "--engine", engine),
                DebugIT::interruptOnceConnected,
                "continue",
                "info line *$pc",
                "kill");
        assertTrue(session.gdb().contains("Program received signal SIGINT"), session::toString);
        // The loop is the kernel's main, line 5 (a branch to itself).
        assertEquals(List.of(5), session.lines(), session::toString);
    }

    /**
     * Sends gdb SIGINT, as Ctrl-C at its terminal does, once it has connected
     * (it has shown where the target stopped), every half second until it
     * says the target stopped: the first may come before its continue.
     */
    private static void interruptOnceConnected(Process gdb, StringBuffer said) {
        long deadline = System.nanoTime() + SESSION_LIMIT.toNanos();
        try {
            while (System.nanoTime() < deadline && gdb.isAlive() && !said.toString().contains("SIGINT")) {
                if (said.toString().contains("start.s")) {
                    ProcessHandle.of(gdb.pid()).ifPresent(handle -> signalInterrupt(handle.pid()));
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void signalInterrupt(long pid) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts {@code qj debug} on the kernel and runs gdb's commands against it in batch mode. */
    private static Session debug(String engine, String... commands) throws Exception {
        return debug(List.of(image.toString(), "--engine", engine), commands);
    }

    private static Session debug(List<String> arguments, String... commands) throws Exception {
        return debug(arguments, (gdb, said) -> { }, commands);
    }

    /** What a test does while gdb runs, given gdb and what it has said so far. */
    private interface GdbWatcher {
        void watch(Process gdb, StringBuffer said);
    }

    /** Starts {@code qj debug ARGUMENTS --port 0} and runs gdb's commands against it in batch mode. */
    private static Session debug(List<String> arguments, GdbWatcher watcher, String... commands) throws Exception {
        List<String> qjCommand = new ArrayList<>(List.of(QjProcess.ROOT.resolve("bin/qj").toString(), "debug"));
        qjCommand.addAll(arguments);
        qjCommand.addAll(List.of("--port", "0"));
        Process qj = new ProcessBuilder(qjCommand)
                .directory(QjProcess.ROOT.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader errors = new BufferedReader(new InputStreamReader(qj.getErrorStream(),
                    StandardCharsets.UTF_8));
            Matcher announced = CompletableFuture.supplyAsync(() -> announcement(errors))
                    .get(ANNOUNCE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            int gdbPort = Integer.parseInt(announced.group(2));
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readAll(errors, new StringBuffer()));
            if (arguments.contains("qemu")) {
                awaitListening(gdbPort);
            }
            List<String> gdb = new ArrayList<>(List.of(GDB, "-nx", "--batch", "-q", announced.group(1),
                    "-ex", "set confirm off", "-ex", "target remote :" + gdbPort));
            for (String command : commands) {
                gdb.add("-ex");
                gdb.add(command);
            }
            Process debugger = new ProcessBuilder(gdb).redirectErrorStream(true).start();
            StringBuffer sofar = new StringBuffer();
            CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> readAll(
                    new BufferedReader(new InputStreamReader(debugger.getInputStream(), StandardCharsets.UTF_8)),
                    sofar));
            watcher.watch(debugger, sofar);
            if (!debugger.waitFor(SESSION_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                debugger.destroyForcibly();
                fail("gdb did not finish in " + SESSION_LIMIT.toSeconds() + " s:\n" + sofar);
            }
            if (!qj.waitFor(SESSION_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                fail("qj debug did not end after gdb did:\n" + said.get());
            }
            return new Session(said.get(), qj.exitValue(), rest.get());
        } finally {
            qj.descendants().forEach(ProcessHandle::destroyForcibly);
            qj.destroyForcibly();
        }
    }

    /** Reads qj debug's standard error up to the gdb command it prints, and returns it matched. */
    private static Matcher announcement(BufferedReader errors) {
        try {
            StringBuilder seen = new StringBuilder();
            for (String line = errors.readLine(); line != null; line = errors.readLine()) {
                seen.append(line).append('\n');
                Matcher command = ANNOUNCED.matcher(line);
                if (command.find()) {
                    return command;
                }
            }
            throw new AssertionError("qj debug printed no gdb command:\n" + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until QEMU listens on the port (Linux's socket table, state 0A),
     * without connecting: QEMU's gdbstub would take a probe for gdb.
     */
    private static void awaitListening(int port) throws IOException, InterruptedException {
        String local = String.format(Locale.ROOT, ":%04X ", port);
        long deadline = System.nanoTime() + ANNOUNCE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<String> sockets = Files.lines(Path.of("/proc/net/tcp"))) {
                if (sockets.anyMatch(line -> line.contains(local) && line.contains(" 0A "))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        fail("QEMU did not listen on port " + port + " within " + ANNOUNCE_LIMIT.toSeconds() + " s");
    }

    private static String address(String symbol) throws Exception {
        Process nm = new ProcessBuilder("m68k-linux-gnu-nm", image.toString()).start();
        String symbols = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(nm.waitFor(60, TimeUnit.SECONDS));
        return symbols.lines().filter(line -> line.endsWith(" " + symbol)).findFirst()
                .map(line -> "0x" + Long.toHexString(Long.parseLong(line.substring(0, 8), 16)))
                .orElseThrow(() -> new AssertionError("no symbol " + symbol));
    }

    /** Reads to the end, keeping {@code text} up to date as lines come; returns it. */
    private static String readAll(BufferedReader reader, StringBuffer text) {
        try (reader) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                text.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
