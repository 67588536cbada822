package org.quaject.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.quaject.runner.Preemption;

/**
 * An engine that is the runner, in this JVM or in another: it counts
 * instructions itself and has the stress modes, so a plain run is a run in
 * none of them.
 */
interface RunnerLikeEngine extends BenchEngine {

    @Override
    default boolean countsInstructions() {
        return true;
    }

    @Override
    default boolean hasStressModes() {
        return true;
    }

    @Override
    default BenchRun run(Path image, Duration timeout) throws BenchFailure {
        return run(image, timeout, Optional.empty());
    }

    /** A run in one of the runner's stress modes if {@code stress} is there. */
    @Override
    BenchRun run(Path image, Duration timeout, Optional<Preemption> stress) throws BenchFailure;
}
