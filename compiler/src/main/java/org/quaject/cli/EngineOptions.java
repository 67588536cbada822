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
import org.quaject.runner.RunnerEngine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How {@code run} and {@code test} boot an image. */
final class EngineOptions {

    /** The machines an image can boot on. */
    enum EngineName {
        runner, qemu
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "qemu",
            description = "What boots the image: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    EngineName engine;

    /** Long enough to mean "until the user stops it" for an interactive run. */
    static final Duration UNLIMITED = Duration.ofDays(365);

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop the image after this many seconds of wall time "
                    + "(default: no limit for run, 60 for test).")
    Double timeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Print compiler phases when given a .qj file.")
    boolean verbose;

    /**
     * Boots an image, or a .qj file compiled first, and runs it to its end.
     * Returns empty after saying on {@code err} why it could not.
     *
     * @param input the console input, given what the image says about itself
     */
    Optional<Boot> boot(Path argument, boolean testMode, Duration defaultTimeout,
                        Function<ImageInfo, InputStream> input, OutputStream consoleOutput, PrintWriter err) {
        try (Workspace workspace = Workspace.open(null)) {
            Optional<ImageArgument.Image> image = ImageArgument.load(argument, workspace, verbose, err);
            if (image.isEmpty()) {
                return Optional.empty();
            }
            ImageInfo info = image.get().info();
            Duration timeout = timeout(defaultTimeout);
            RunResult result = engine().run(new RunRequest(image.get().elf(), info.ramBytes(), testMode,
                    input.apply(info), consoleOutput, timeout));
            return Optional.of(new Boot(result, timeout));
        } catch (EngineException e) {
            err.println("qj: error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A finished run and the time it was given. */
    record Boot(RunResult result, Duration timeout) {

        boolean halted() {
            return result.outcome() == Outcome.HALT;
        }

        /** Why the run ended without halting, for messages. */
        String whyNotHalted() {
            return result.outcome() == Outcome.TIMEOUT
                    ? "the image did not stop within " + timeout.toMillis() / 1000.0 + " s"
                    : "the image panicked";
        }
    }

    private Engine engine() {
        return switch (engine) {
            case runner -> new RunnerEngine();
            case qemu -> new QemuEngine();
        };
    }

    private Duration timeout(Duration defaultTimeout) {
        if (timeoutSeconds == null) {
            return defaultTimeout;
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > UNLIMITED.toSeconds()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timeout must be a positive number of seconds, not " + timeoutSeconds);
        }
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }
}
