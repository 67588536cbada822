package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/qj} as a user would, and captures what it prints. */
final class QjProcess {

    /** The repository root, as the build passes it. */
    static final Path ROOT = Path.of(System.getProperty("qj.root", "..")).toAbsolutePath().normalize();

    /** What one run of bin/qj did. */
    record Result(int exitStatus, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitStatus + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /**
     * A bound against a process that hangs; each command bounds its guest's run
     * itself (qj test's instruction budget on the runner, its --timeout on
     * QEMU), and the longest, the queues example under
     * stress, takes a few minutes on a loaded machine.
     */
    static final Duration PROCESS_LIMIT = Duration.ofMinutes(15);

    /** qj test's --timeout for the examples: room for the queues example's million-element runs. */
    static final String EXAMPLE_TIMEOUT_SECONDS = "600";

    private QjProcess() {
    }

    static Path example(String name) {
        return ROOT.resolve("examples").resolve(name).resolve(name + ".qj");
    }

    static Path fixture(String name) {
        return ROOT.resolve("compiler/src/test/resources/e2e").resolve(name);
    }

    /** Runs {@code bin/qj ARGS} with the given standard input. */
    static Result runWithInput(String input, Object... args) {
        return start(Map.of(), input, args);
    }

    /** Runs {@code bin/qj ARGS} with empty standard input and {@code QJ_CPU_CORE=core} (docs/runner.md). */
    static Result runOnCore(String core, Object... args) {
        return runWithEnvironment(Map.of("QJ_CPU_CORE", core), args);
    }

    /** Runs {@code bin/qj ARGS} with empty standard input and {@code environment} added to the environment. */
    static Result runWithEnvironment(Map<String, String> environment, Object... args) {
        return start(environment, "", args);
    }

    private static Result start(Map<String, String> environment, String input, Object... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("bin/qj").toString());
        for (Object arg : args) {
            command.add(arg.toString());
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            CompletableFuture<String> stdout = drain(process.getInputStream());
            CompletableFuture<String> stderr = drain(process.getErrorStream());
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("bin/qj " + String.join(" ", command) + " did not finish in " + PROCESS_LIMIT.toSeconds() + " s");
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code bin/qj ARGS} with empty standard input. */
    static Result run(Object... args) {
        return runWithInput("", args);
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
