package org.quaject.runner.machine;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.Engine;
import org.quaject.runner.EngineException;
import org.quaject.runner.Outcome;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunResult;
import org.quaject.runner.TapReport;
import org.quaject.runner.TestResult;
import org.quaject.testing.CrossToolchain;

/**
 * The hand-written fixtures of this package (test resources beside it): each
 * {@code NAME.s} is linked at 0x1000 with its includes and run on an engine
 * or booted on a {@link Machine}. Fixtures report in TAP on the console and
 * halt; {@link #assertAllPass} reads that report.
 */
public final class Fixtures {

    /** A small board: the fixtures need a few tens of KB, and a double fault test wants RAM to end early. */
    public static final long RAM_BYTES = 1024 * 1024;
    /** Wall time for a run that should end by itself in well under a second. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Instructions for such a run: the fixtures take tens of thousands. */
    static final long INSTRUCTIONS = 100_000_000L;

    private static final Pattern INCLUDE = Pattern.compile("(?m)^(\\s*\\.include\\s+)\"([^\"/]+)\"");

    private Fixtures() {
    }

    /**
     * Links fixture {@code name} into {@code dir/name.elf}. GAS looks for an
     * {@code .include} in the assembler's working directory, not beside the
     * source, so each included resource is copied to {@code dir} and named
     * there by its absolute path.
     */
    public static Path link(Path dir, String name) throws IOException, InterruptedException {
        Matcher include = INCLUDE.matcher(resource(name + ".s"));
        StringBuilder source = new StringBuilder();
        while (include.find()) {
            Path copy = dir.resolve(include.group(2));
            Files.writeString(copy, resource(include.group(2)), US_ASCII);
            include.appendReplacement(source, Matcher.quoteReplacement(include.group(1) + "\"" + copy + "\""));
        }
        include.appendTail(source);
        return CrossToolchain.link(dir, name, source.toString());
    }

    /** Runs a linked fixture on an engine, with {@code input} typed on its console (may be empty). */
    static RunResult run(Engine engine, Path image, String input) throws EngineException {
        InputStream typed = new ByteArrayInputStream(input.getBytes(US_ASCII));
        return engine.run(new RunRequest(image, RAM_BYTES, false, typed, OutputStream.nullOutputStream(), TIMEOUT));
    }

    /** Boots a linked fixture on a machine of its own, its console written to {@code console}. */
    static Machine boot(Path image, ByteArrayOutputStream console) throws IOException {
        try {
            return Machine.boot(ElfFile.read(image), RAM_BYTES, false, console);
        } catch (ElfFormatException e) {
            throw new IOException(image + " is not an image the runner reads", e);
        }
    }

    /** Runs a booted machine until it ends by itself (or {@link #INSTRUCTIONS} or {@link #TIMEOUT} run out). */
    static MachineStop runToEnd(Machine machine) {
        return machine.run(INSTRUCTIONS, System.nanoTime() + TIMEOUT.toNanos(), () -> { });
    }

    /**
     * The run halted, its TAP plan was there, and every planned test reported
     * ok; otherwise fails with the transcript.
     */
    static void assertAllPass(RunResult result) {
        String transcript = new String(result.transcript(), US_ASCII);
        assertEquals(Outcome.HALT, result.outcome(), () -> result.detail() + "\n" + transcript);
        assertAllPass(transcript);
    }

    /** Every test of a transcript's TAP plan reported ok, and nothing but TAP and comments was printed. */
    public static void assertAllPass(String transcript) {
        TapReport report = TapReport.parse(transcript);
        assertTrue(report.plannedCount().isPresent(), () -> "no TAP plan in:\n" + transcript);
        List<TestResult> failed = report.results().stream().filter(r -> !r.passed()).toList();
        assertEquals(List.of(), failed, () -> "failed tests in:\n" + transcript);
        assertEquals(report.plannedCount().getAsInt(), report.results().size(), () -> "plan not met:\n" + transcript);
        List<String> other = report.otherLines().stream().filter(line -> !line.startsWith("#")).toList();
        assertEquals(List.of(), other, () -> "unexpected output in:\n" + transcript);
    }

    private static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture resource " + name + " beside " + Fixtures.class);
            }
            return new String(in.readAllBytes(), US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
