package org.quaject.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.DiskDrive;
import org.quaject.runner.ImageInfo;
import org.quaject.runner.Preemption;
import org.quaject.runner.board.DiskFile;
import org.quaject.runner.cpu.CpuException;
import org.quaject.runner.machine.Machine;
import org.quaject.runner.machine.MachineStop;

/**
 * The in-process runner, driven through its {@link Machine} so that the
 * console can note the machine's exact instruction count at each line. A run
 * starts before the image file is read: its time covers reading and parsing
 * the ELF file, creating the machine, loading the image, and running it;
 * with a disk, also opening the disk file (flushing and closing it, after
 * the run, is not timed).
 */
public final class RunnerBenchEngine implements RunnerLikeEngine {
    private final String name;

    /** The runner, named "runner" in the figures. */
    public RunnerBenchEngine() {
        this("runner");
    }

    /** The runner under another name, e.g. one that names its CPU core. */
    public RunnerBenchEngine(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** A run in one of the runner's stress modes, if {@code stress} is there. */
    @Override
    public BenchRun run(Path image, Duration timeout, Optional<Preemption> stress) throws BenchFailure {
        return run(image, timeout, stress, Optional.empty());
    }

    @Override
    public BenchRun run(Path image, Duration timeout, DiskDrive disk) throws BenchFailure {
        return run(image, timeout, Optional.empty(), Optional.of(disk));
    }

    private BenchRun run(Path image, Duration timeout, Optional<Preemption> stress, Optional<DiskDrive> drive)
            throws BenchFailure {
        long start = System.nanoTime();
        ConsoleWatch console = new ConsoleWatch(start);
        ElfFile elf;
        ImageInfo info;
        try {
            elf = ElfFile.read(image);
            info = ImageInfo.of(elf);
        } catch (IOException | ElfFormatException e) {
            throw new BenchFailure("cannot load " + image + ": " + e.getMessage(), e);
        }
        DiskFile disk = null;
        if (drive.isPresent()) {
            try {
                disk = DiskFile.open(drive.get().file(), drive.get().snapshot());
            } catch (IOException e) {
                throw new BenchFailure("cannot attach the disk: " + e.getMessage(), e);
            }
        }
        BenchRun run;
        try {
            run = run(image, elf, info, timeout, stress, Optional.ofNullable(disk), start, console);
        } catch (BenchFailure e) {
            if (disk != null) {
                try {
                    disk.close();
                } catch (IOException closing) {
                    // The run failed already; that failure is the one to report.
                }
            }
            throw e;
        }
        if (disk != null) {
            try {
                disk.close();
            } catch (IOException e) {
                throw new BenchFailure("could not write the disk file " + disk.file() + " back: " + e.getMessage(),
                        e);
            }
        }
        return run;
    }

    private BenchRun run(Path image, ElfFile elf, ImageInfo info, Duration timeout, Optional<Preemption> stress,
                         Optional<DiskFile> disk, long start, ConsoleWatch console) throws BenchFailure {
        try (Machine machine = Machine.boot(elf, info.ramBytes(), false, console, stress, disk)) {
            console.countInstructionsWith(machine::instructions);
            MachineStop stop = machine.run(Long.MAX_VALUE, start + timeout.toNanos(), () -> { });
            long wall = System.nanoTime() - start;
            if (stop.kind() != MachineStop.Kind.HALT) {
                throw new BenchFailure(image.getFileName() + " did not halt on the runner: " + stop.kind()
                        + (stop.detail().isEmpty() ? "" : ", " + stop.detail())
                        + (machine.deviceErrors().isEmpty() ? "" : "; the devices said: "
                                + String.join("; ", machine.deviceErrors())));
            }
            return new BenchRun(wall, console.text(), console.lineStarts());
        } catch (CpuException | IllegalArgumentException e) {
            // No 68030 on this host (no Unicorn), or an image that does not fit its RAM.
            throw new BenchFailure("cannot boot " + image + " on the runner: " + e.getMessage(), e);
        }
    }
}
