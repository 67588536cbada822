package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.compiler.Compiler;
import org.quaject.compiler.image.BundledFiles;
import org.quaject.runner.DiskDrive;

/**
 * The bench kernel of {@code qj bench disk}, bench/disk.qj, built from the
 * sources that ship with qj and run on the runner with a disk attached: it
 * measures every kind of request and moves the whole disk every way, counts
 * the same every time, and really writes the disk.
 */
class DiskKernelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int DISK_BYTES = 1 << 20;

    @TempDir
    static Path work;

    private static Path image;

    @BeforeAll
    static void build() throws IOException {
        Path sources = Files.createDirectories(work.resolve("sources"));
        BundledFiles.extract(BenchKernel.BUNDLED_FOLDER, sources, ".qj");
        image = new Compiler(line -> { }).compile(sources.resolve("disk.qj"),
                Files.createDirectories(work.resolve("disk"))).elf();
    }

    private static DiskDrive emptyDisk(Path file) throws IOException {
        try (RandomAccessFile disk = new RandomAccessFile(file.toFile(), "rw")) {
            disk.setLength(DISK_BYTES);
        }
        return new DiskDrive(file, false);
    }

    @Test
    void theKernelMeasuresEveryRequestAndMovesTheWholeDiskEveryWay(@TempDir Path scratch) throws Exception {
        Path file = scratch.resolve("disk.img");
        BenchRun run = new RunnerBenchEngine().run(image, TIMEOUT, emptyDisk(file));
        assertTrue(run.console().endsWith("# qj-exit: 0\n"), run.console());
        DiskMeasurement measured = DiskMeasurement.parse(run);
        assertEquals(List.of("polled read, 1 sector", "polled write, 1 sector", "polled read, 128 sectors",
                        "polled write, 128 sectors", "interrupt read, 1 sector", "interrupt write, 1 sector",
                        "interrupt read, 128 sectors", "interrupt write, 128 sectors"),
                measured.costs().stream().map(DiskMeasurement.Cost::label).toList());
        for (DiskMeasurement.Cost cost : measured.costs()) {
            assertEquals(64, cost.requests(), cost::toString);
            // 64 requests that cost the same: a whole number each.
            assertEquals(0, cost.instructions() % 64, cost::toString);
            assertEquals(cost.request().startsWith("interrupt"), cost.submit().isPresent(), cost::toString);
        }
        assertEquals(List.of("polled write", "polled read", "interrupt write", "interrupt read"),
                measured.transfers().stream().map(DiskMeasurement.Transfer::request).toList());
        for (DiskMeasurement.Transfer transfer : measured.transfers()) {
            assertEquals(DISK_BYTES, transfer.bytes(), transfer::toString);
        }
        // The last sector holds what the buffers held: each long its own address, 1 MiB up.
        ByteBuffer last = ByteBuffer.wrap(Files.readAllBytes(file), DISK_BYTES - 4, 4);
        assertEquals(0x100000 + 8 * 0x10000 - 4, last.getInt(), "the last long of the disk");
    }

    @Test
    void theRunnerCountsTheSameEveryRun(@TempDir Path scratch) throws Exception {
        DiskDrive disk = emptyDisk(scratch.resolve("disk.img"));
        DiskMeasurement first = DiskMeasurement.parse(new RunnerBenchEngine().run(image, TIMEOUT, disk));
        DiskMeasurement second = DiskMeasurement.parse(new RunnerBenchEngine().run(image, TIMEOUT, disk));
        assertEquals(first.costs(), second.costs());
        assertEquals(first.transfers().stream().map(DiskMeasurement.Transfer::instructions).toList(),
                second.transfers().stream().map(DiskMeasurement.Transfer::instructions).toList());
    }
}
