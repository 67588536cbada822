package org.quaject.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.quaject.runner.DiskDrive;
import org.quaject.runner.Preemption;

/** An engine as the bench drives it: one timed run of an image, which must halt. */
public interface BenchEngine {

    /** The engine's name in the figures. */
    String name();

    /** Whether the engine counts instructions itself ({@link ConsoleWatch.LineStart#instructions()}). */
    boolean countsInstructions();

    /** Boots the image, with an empty command line and no console input, and runs it until it halts. */
    BenchRun run(Path image, Duration timeout) throws BenchFailure;

    /** Whether the engine has the runner's stress modes (docs/runner.md, "Stress modes"): QEMU has not. */
    default boolean hasStressModes() {
        return false;
    }

    /**
     * A run in one of the runner's stress modes if {@code stress} is there;
     * an engine without them ({@link #hasStressModes()}) can only run without.
     */
    default BenchRun run(Path image, Duration timeout, Optional<Preemption> stress) throws BenchFailure {
        if (stress.isPresent()) {
            throw new BenchFailure(name() + " has no stress modes: it cannot run " + image.getFileName()
                    + " with preemption");
        }
        return run(image, timeout);
    }

    /**
     * A run with {@code disk} attached as the board's first virtio-blk disk
     * (docs/devices.md, "Attaching a disk"), as {@code qj run --disk} attaches
     * it. The runner and QEMU can; an engine that cannot fails.
     */
    default BenchRun run(Path image, Duration timeout, DiskDrive disk) throws BenchFailure {
        throw new BenchFailure(name() + " cannot attach a disk: it cannot run " + image.getFileName()
                + " with " + disk.file().getFileName());
    }
}
