package org.quaject.cli;

import java.time.Duration;
import org.quaject.runner.Engine;
import org.quaject.runner.QemuEngine;
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

    Engine engine() {
        return switch (engine) {
            case qemu -> new QemuEngine();
        };
    }

    Duration timeout() {
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }
}
