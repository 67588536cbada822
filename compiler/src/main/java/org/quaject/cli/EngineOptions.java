package org.quaject.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.quaject.runner.Engine;
import org.quaject.runner.EngineException;
import org.quaject.runner.ImageInfo;
import org.quaject.runner.Outcome;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunResult;
import picocli.CommandLine.Option;

/** How {@code run} and {@code test} boot an image. */
final class EngineOptions {

    /** The machines an image can boot on. */
    enum EngineName {
        qemu
    }

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "qemu",
            description = "What boots the image: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    EngineName engine;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Stop the image after this many seconds of wall time (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Print compiler phases when given a .qj file.")
    boolean verbose;

    /**
     * Boots an image, or a .qj file compiled first, and runs it to its end.
     * Returns empty after saying on {@code err} why it could not.
     *
     * @param input the console input, given what the image says about itself
     */
    Optional<RunResult> boot(Path argument, boolean testMode, Function<ImageInfo, InputStream> input,
                             OutputStream consoleOutput, PrintWriter err) {
        try (Workspace workspace = Workspace.open(null)) {
            Optional<ImageArgument.Image> image = ImageArgument.load(argument, workspace, verbose, err);
            if (image.isEmpty()) {
                return Optional.empty();
            }
            ImageInfo info = image.get().info();
            return Optional.of(engine().run(new RunRequest(image.get().elf(), info.ramBytes(), testMode,
                    input.apply(info), consoleOutput, timeout())));
        } catch (EngineException e) {
            err.println("qj: error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Why a run ended without halting, for messages. */
    String whyNotHalted(RunResult result) {
        return result.outcome() == Outcome.TIMEOUT
                ? "the image did not stop within " + timeoutSeconds + " s"
                : "the image panicked";
    }

    private Engine engine() {
        return switch (engine) {
            case qemu -> new QemuEngine();
        };
    }

    private Duration timeout() {
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }
}
