package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Every example builds, and its tests pass on QEMU; the runnable ones do what they say. */
@Order(1) // the longest class starts first: compiler/pom.xml runs two classes at once
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExamplesIT {

    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");

    @TempDir
    Path out;

    static List<String> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(QjProcess.ROOT.resolve("examples"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(d.getFileName() + ".qj")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleBuildsItsFourOutputs() throws IOException {
        return examples().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            QjProcess.Result result = QjProcess.run("build", QjProcess.example(name), "-o", out.resolve(name));
            assertEquals(0, result.exitStatus(), result::toString);
            for (String extension : List.of(".elf", ".rom", ".map", ".img")) {
                Path file = out.resolve(name + extension);
                assertTrue(Files.size(file) > 0, file + " is missing or empty");
            }
        }));
    }

    /** Each example's tests pass on QEMU, and the in-process runner gives the same output, line for line. */
    @Order(1) // the longest of the class: the queues example's million elements on QEMU
    @TestFactory
    Stream<DynamicTest> everyExamplePassesItsTestsOnQemuAndTheRunnerAgrees() throws IOException {
        return examples().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            QjProcess.Result qemu = QjProcess.run("test", QjProcess.example(name), "--engine", "qemu",
                    "--timeout", QjProcess.EXAMPLE_TIMEOUT_SECONDS);
            assertEquals(0, qemu.exitStatus(), qemu::toString);
            Matcher summary = SUMMARY.matcher(qemu.stdout());
            assertTrue(summary.find(), qemu::toString);
            assertTrue(Integer.parseInt(summary.group(1)) > 0, "no test ran\n" + qemu);
            assertEquals("0", summary.group(2), qemu::toString);
            assertTrue(qemu.stdout().startsWith("1.." + summary.group(1) + "\n"), qemu::toString);
            // No --timeout: on the runner, qj test's default instruction budget bounds the run, on any host.
            QjProcess.Result runner = QjProcess.run("test", QjProcess.example(name), "--engine", "runner");
            assertEquals(0, runner.exitStatus(), runner::toString);
            assertEquals(qemu.stdout(), runner.stdout());
        }));
    }

    @Test
    void helloPrintsItsGreetingAndNothingElse() {
        QjProcess.Result result = QjProcess.run("run", QjProcess.example("hello"), "--engine", "qemu");
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("Hello from a quaject kernel on the MC68030!\n", result.stdout());
    }

    @Test
    void echoWritesBackItsInputUntilTheInputEnds() {
        QjProcess.Result result = QjProcess.runWithInput("first line\nsecond\n", "run", QjProcess.example("echo"),
                "--engine", "qemu");
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("first line\nsecond\n", result.stdout());
    }

    @Test
    void synthPipesHalThroughItsRunTimeStagesAsIbm() {
        for (String engine : new String[] {"runner", "qemu"}) {
            QjProcess.Result result = QjProcess.run("run", QjProcess.example("synth"), "--engine", engine);
            assertEquals(0, result.exitStatus(), result::toString);
            assertEquals("IBM\n", result.stdout(), engine);
        }
    }

    @Test
    void pipesShowsTheBlockingPipeDeliveringAllAndTheOtherDropping() {
        for (String engine : new String[] {"runner", "qemu"}) {
            QjProcess.Result result = QjProcess.run("run", QjProcess.example("pipes"), "--engine", engine);
            assertEquals(0, result.exitStatus(), result::toString);
            List<String> lines = result.stdout().lines().toList();
            assertEquals(2, lines.size(), result::toString);
            assertTrue(lines.get(0).matches("non-blocking: Bytes .* \\(dropped [1-9][0-9]*\\)"),
                    engine + ": " + lines);
            assertEquals("blocking:     Bytes put faster than they are taken: one pipe waits, one drops.", lines.get(1),
                    engine);
        }
    }

    /** Preempted threads interleave their lines by the clock, the same way on both engines and on every run. */
    @Test
    void threadsInterleaveTheirLinesTheSameOnBothEnginesAndEveryRun() {
        QjProcess.Result first = QjProcess.run("run", QjProcess.example("threads"), "--engine", "runner");
        assertEquals(0, first.exitStatus(), first::toString);
        List<String> lines = first.stdout().lines().toList();
        assertEquals(12, lines.size(), first::toString);
        for (int worker = 1; worker <= 3; worker++) {
            String prefix = "worker " + worker + " finished round ";
            List<String> own = lines.stream().filter(l -> l.startsWith(prefix)).toList();
            assertEquals(List.of(prefix + 1, prefix + 2, prefix + 3, prefix + 4), own, first::toString);
        }
        assertNotEquals(lines.stream().sorted().toList(), lines, "the workers did not interleave: " + lines);
        assertEquals(first.stdout(), QjProcess.run("run", QjProcess.example("threads"), "--engine", "runner").stdout());
        QjProcess.Result qemu = QjProcess.run("run", QjProcess.example("threads"), "--engine", "qemu");
        assertEquals(0, qemu.exitStatus(), qemu::toString);
        assertEquals(first.stdout(), qemu.stdout());
    }

    /** docs/threads.md's size of a thread is the one the map of the example gives. */
    @Test
    void theThreadsGuideStatesTheThreadBlocksSize() throws IOException {
        QjProcess.Result result = QjProcess.run("build", QjProcess.example("threads"), "-o", out.resolve("threads"));
        assertEquals(0, result.exitStatus(), result::toString);
        Matcher size = Pattern.compile("(?m)^quaject Thread: template at 0x\\p{XDigit}+, (\\d+) bytes")
                .matcher(Files.readString(out.resolve("threads.map")));
        assertTrue(size.find(), "no Thread template in the map");
        String doc = Files.readString(QjProcess.ROOT.resolve("docs/threads.md"));
        String bytes = String.format(Locale.ROOT, "%,d", Long.parseLong(size.group(1)));
        assertTrue(doc.contains("A thread's block is " + bytes + " bytes"), "docs/threads.md does not say " + bytes);
        assertTrue(doc.contains(size.group(1) + " bytes\")"), "docs/threads.md does not quote the map's line");
    }

    /** The kernel of docs/threads.md runs as printed, on both engines. */
    @Test
    void theThreadsGuidesKernelRuns() throws IOException {
        String doc = Files.readString(QjProcess.ROOT.resolve("docs/threads.md"));
        int start = doc.indexOf("import \"thread\"");
        Path source = Files.writeString(out.resolve("counting.qj"), doc.substring(start, doc.indexOf("```", start)));
        for (String engine : new String[] {"runner", "qemu"}) {
            QjProcess.Result result = QjProcess.run("run", source, "--engine", engine);
            assertEquals(0, result.exitStatus(), engine + ": " + result);
            assertEquals("", result.stdout(), engine);
        }
    }

    @Test
    void aBuiltImageRunsLikeItsSource() {
        Path base = out.resolve("hello");
        assertEquals(0, QjProcess.run("build", QjProcess.example("hello"), "-o", base).exitStatus());
        QjProcess.Result result = QjProcess.run("run", base + ".elf", "--engine", "qemu");
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("Hello from a quaject kernel on the MC68030!\n", result.stdout());
    }
}
