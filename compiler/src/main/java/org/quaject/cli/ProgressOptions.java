package org.quaject.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * When {@code qj test} shows its progress line on standard error. By default
 * only when standard error is a terminal: someone is watching a long run
 * there, while a CI log or a file would only fill up with lines that say
 * nothing about the result.
 */
final class ProgressOptions {

    /** When to print the line. */
    enum When {
        auto, always, never
    }

    /** Seconds between lines unless --progress-interval says otherwise: often enough to show a run moves. */
    static final double DEFAULT_INTERVAL_SECONDS = 5;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Print a progress line on standard error every --progress-interval seconds while an image"
                    + " runs: tests passed and failed so far, and on the runner its instructions and guest time (on"
                    + " QEMU, the wall time). ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}: only when"
                    + " standard error is a terminal. Standard output, the TAP, is the same either way.")
    When when;

    @Option(names = "--progress-interval", paramLabel = "SECONDS",
            description = "Seconds of wall time between progress lines (default: 5).")
    Double intervalSeconds;

    /** The report to feed during a run, if one is to be printed. */
    Optional<ProgressReport> start(PrintWriter err) {
        long intervalNanos = Math.round(interval() * 1e9);
        boolean shown = switch (when) {
            case always -> true;
            case never -> false;
            case auto -> standardErrorIsATerminal();
        };
        return shown ? Optional.of(ProgressReport.every(intervalNanos, err)) : Optional.empty();
    }

    private double interval() {
        if (intervalSeconds == null) {
            return DEFAULT_INTERVAL_SECONDS;
        }
        // At least a millisecond: a smaller interval would print nothing but progress lines.
        if (!(intervalSeconds >= 0.001) || intervalSeconds > EngineOptions.UNLIMITED.toSeconds()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--progress-interval must be a number of seconds from 0.001, not " + intervalSeconds);
        }
        return intervalSeconds;
    }

    /**
     * Whether file descriptor 2 is a terminal. Java can only ask that of
     * standard input and output together (System.console()); on Linux, the
     * only host the runner supports, /proc names the device behind it.
     */
    private static boolean standardErrorIsATerminal() {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
