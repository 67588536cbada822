package org.quaject.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.Engine;
import org.quaject.runner.EngineException;
import org.quaject.runner.ImageInfo;
import org.quaject.runner.Outcome;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunResult;
import org.quaject.runner.RunnerEngine;
import org.quaject.runner.report.CodeLocator;
import org.quaject.runner.report.GuestReport;
import org.quaject.runner.report.RegisterReport;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "runner",
            description = "What boots the image: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, "
                    + "the in-process virt68030 machine; qemu is QEMU's virt board, the reference).")
    EngineName engine;

    @Option(names = "--max-instructions", paramLabel = "N",
            description = "Stop the image after it has executed N instructions (runner engine only).")
    Long maxInstructions;

    /** Long enough to mean "until the user stops it" for an interactive run. */
    static final Duration UNLIMITED = Duration.ofDays(365);

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop the image after this many seconds of wall time "
                    + "(default: no limit for run, 60 for test).")
    Double timeoutSeconds;

    @Mixin
    StressOptions stress;

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
            RunResult result = engine().run(new RunRequest(image.get().elf(), info.ramBytes(), testMode,
                    input.apply(info), consoleOutput, timeout(defaultTimeout), instructionBudget(),
                    stress.preemption(spec, engine == EngineName.runner)));
            return Optional.of(new Boot(result, locateCrashes(result, image.get().elf())));
        } catch (EngineException e) {
            err.println("qj: error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A finished run, and for each crash report the guest printed, where it
     * points in the image: a report line
     * {@code     at 0x... symbol+0x.. (file:line): instruction}.
     */
    record Boot(RunResult result, Map<GuestReport, String> crashLocations) {

        boolean halted() {
            return result.outcome() == Outcome.HALT;
        }

        /** For a run in the contention stress mode, its counts on one line. */
        void reportContention(PrintWriter err) {
            result.contention().ifPresent(counts -> err.println(counts.line()));
        }
    }

    /** Where the crash reports in a run's output point; read now, as a compiled image is temporary. */
    private static Map<GuestReport, String> locateCrashes(RunResult result, Path image) {
        List<GuestReport> reports = GuestReport.findAll(new String(result.transcript(), StandardCharsets.UTF_8));
        if (reports.isEmpty()) {
            return Map.of();
        }
        Map<GuestReport, String> locations = new LinkedHashMap<>();
        try {
            CodeLocator locator = CodeLocator.of(image, ElfFile.read(image));
            reports.forEach(r -> locations.put(r, RegisterReport.where(locator.locate(r.faultAddress()))));
        } catch (IOException | ElfFormatException e) {
            // The run itself read the image; failing now is no reason to hide its result.
        }
        return locations;
    }

    private OptionalLong instructionBudget() {
        if (maxInstructions == null) {
            return OptionalLong.empty();
        }
        if (maxInstructions <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-instructions must be a positive number, not " + maxInstructions);
        }
        if (engine != EngineName.runner) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-instructions needs --engine runner: QEMU cannot count instructions to a limit");
        }
        return OptionalLong.of(maxInstructions);
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
