package org.quaject.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.DiskDrive;
import org.quaject.runner.EngineException;
import org.quaject.runner.ImageInfo;
import org.quaject.runner.Outcome;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunResult;

/**
 * QEMU through the same {@link QemuEngine} as {@code qj run}, with the same
 * command line. A run's time starts just before QEMU's process is started,
 * and the console's bytes are timed as they reach this process from QEMU's
 * standard output.
 */
public final class QemuBenchEngine implements BenchEngine {

    @Override
    public String name() {
        return "QEMU";
    }

    @Override
    public boolean countsInstructions() {
        return false;
    }

    /** Fails, saying which package to install, if QEMU's emulator is not on PATH. */
    public void checkInstalled() throws BenchFailure {
        try {
            new QemuEngine().checkInstalled();
        } catch (EngineException e) {
            throw new BenchFailure(e.getMessage(), e);
        }
    }

    /**
     * The same, for a command that can do without QEMU: the failure also says
     * how, e.g. "time the runner alone: qj bench disk --engine runner".
     */
    public void checkInstalled(String orWithout) throws BenchFailure {
        try {
            checkInstalled();
        } catch (BenchFailure e) {
            throw new BenchFailure(e.getMessage() + "; or " + orWithout, e);
        }
    }

    @Override
    public BenchRun run(Path image, Duration timeout) throws BenchFailure {
        return timedRun(image, timeout, Optional.empty());
    }

    @Override
    public BenchRun run(Path image, Duration timeout, DiskDrive disk) throws BenchFailure {
        return timedRun(image, timeout, Optional.of(disk));
    }

    private BenchRun timedRun(Path image, Duration timeout, Optional<DiskDrive> disk) throws BenchFailure {
        long ramBytes;
        try {
            ramBytes = ImageInfo.read(image).ramBytes();
        } catch (IOException | ElfFormatException e) {
            throw new BenchFailure("cannot load " + image + ": " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        ConsoleWatch console = new ConsoleWatch(start);
        RunResult result;
        try {
            RunRequest request = new RunRequest(image, ramBytes, false, null, console, timeout);
            result = new QemuEngine().run(disk.isPresent() ? request.withDisk(disk.get()) : request);
        } catch (EngineException e) {
            throw new BenchFailure(e.getMessage(), e);
        }
        long wall = System.nanoTime() - start;
        if (result.outcome() != Outcome.HALT) {
            throw new BenchFailure(image.getFileName() + " did not halt on QEMU: " + result.detail());
        }
        // The transcript, not the watch's bytes: QemuEngine passes on everything but the status line.
        return new BenchRun(wall, new String(result.transcript(), StandardCharsets.UTF_8), console.lineStarts());
    }
}
