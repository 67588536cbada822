package org.quaject.cli.bench;

import java.nio.file.Path;
import java.time.Duration;

/** An engine as the bench drives it: one timed run of an image, which must halt. */
public interface BenchEngine {

    /** The engine's name in the figures. */
    String name();

    /** Whether the engine counts instructions itself ({@link ConsoleWatch.LineStart#instructions()}). */
    boolean countsInstructions();

    /** Boots the image, with an empty command line and no console input, and runs it until it halts. */
    BenchRun run(Path image, Duration timeout) throws BenchFailure;
}
