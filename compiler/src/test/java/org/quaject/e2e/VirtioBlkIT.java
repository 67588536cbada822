package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.compiler.image.DiskImage;

/**
 * The virtio-blk driver of the library (lib/virtio-blk.qj, docs/devices.md)
 * on a disk attached with {@code --disk}: the same test output on the runner
 * and on QEMU, and on both the disk file holds afterwards exactly what the
 * guest wrote.
 */
class VirtioBlkIT {

    /** The disk of e2e/virtio-disk.qj: 2 MiB. */
    private static final int SECTORS = 4096;
    private static final int SECTOR_BYTES = DiskImage.SECTOR_BYTES;
    private static final int MIB = 1 << 20;

    /** The tests of e2e/virtio-disk.qj. */
    private static final int DISK_TESTS = 14;

    /** The step of the guest's pattern (Exercise.fill in e2e/virtio-disk.qj). */
    private static final int PATTERN_STEP = 0x9e37_79b9;

    /** The seed of the last MiB the guest writes over sectors 0 to 2047, by interrupts in 512-byte requests. */
    private static final int LAST_SEED = 0x5eed_0004;

    /** The seed of the pattern the guest writes to the last sector. */
    private static final int LAST_SECTOR_SEED = 0x1a57_0000;

    @Test
    void aMebibyteGoesToTheDiskAndBackAlikeOnBothEngines(@TempDir Path dir) throws IOException {
        Path qemuDisk = hostDisk(dir.resolve("qemu.img"));
        Path runnerDisk = hostDisk(dir.resolve("runner.img"));
        QjProcess.Result qemu = testOnDisk("qemu", qemuDisk);
        assertEquals(0, qemu.exitStatus(), qemu::toString);
        assertTrue(qemu.stdout().endsWith(DISK_TESTS + " passed, 0 failed\n"), qemu::toString);
        assertDiskHoldsWhatTheGuestWrote(qemuDisk);

        QjProcess.Result runner = testOnDisk("runner", runnerDisk);
        assertEquals(qemu.stdout(), runner.stdout(), "the same test output on both engines");
        assertEquals(qemu.exitStatus(), runner.exitStatus());
        assertDiskHoldsWhatTheGuestWrote(runnerDisk);
    }

    /** With --snapshot the guest's writes stay in the run: the file is as it was. */
    @Test
    void aSnapshotRunLeavesTheDiskFileAsItWas(@TempDir Path dir) throws IOException {
        for (String engine : new String[] {"qemu", "runner"}) {
            Path disk = hostDisk(dir.resolve(engine + ".img"));
            QjProcess.Result result = QjProcess.run("test", QjProcess.fixture("virtio-disk.qj"),
                    "--engine", engine, "--disk", disk, "--snapshot");
            assertEquals(0, result.exitStatus(), result::toString);
            assertArrayEquals(hostBytes(), Files.readAllBytes(disk), engine + ": the disk file changed");
        }
    }

    /** Without a disk, init says there is none and every request is refused: no crash, no wait. */
    @Test
    void withoutADiskInitAndEveryRequestFailCleanly() {
        BothEngines.assertPassesAlike("virtio-no-disk.qj", 3);
    }

    /**
     * The instructions the driver takes a request (e2e/virtio-cost.qj), exact
     * on the runner, whose disk completes a request when notified: printed
     * for the record, and held to a bound so that the driver does not grow
     * slower unnoticed.
     */
    @Test
    void theDriversInstructionsPerRequestStayFew(@TempDir Path dir) throws IOException {
        Path disk = hostDisk(dir.resolve("cost.img"));
        QjProcess.Result result = QjProcess.run("run", QjProcess.fixture("virtio-cost.qj"),
                "--engine", "runner", "--disk", disk);
        assertEquals(0, result.exitStatus(), result::toString);
        System.out.print(result.stdout());
        Matcher row = Pattern.compile("(?m)^(polled|interrupt) (read|write), (1|128) sectors?: *(\\d+) instructions a request")
                .matcher(result.stdout());
        int rows = 0;
        while (row.find()) {
            rows++;
            int instructions = Integer.parseInt(row.group(4));
            assertTrue(instructions > 50 && instructions < 250, row.group() + "\n" + result);
        }
        assertEquals(8, rows, result::toString);
    }

    /** The example of docs/devices.md §5 copies sector 0 to sector 1, on both engines. */
    @Test
    void theDevicesGuidesExampleCopiesASector(@TempDir Path dir) throws IOException {
        String doc = Files.readString(QjProcess.ROOT.resolve("docs/devices.md"));
        int start = doc.indexOf("import \"virtio-blk\"\n\n// Counts the requests");
        String example = doc.substring(start, doc.indexOf("```", start));
        Path source = Files.writeString(dir.resolve("copy_sector.qj"), example);
        for (String engine : new String[] {"qemu", "runner"}) {
            Path disk = hostDisk(dir.resolve(engine + ".img"));
            QjProcess.Result result = QjProcess.run("run", source, "--engine", engine, "--disk", disk);
            assertEquals(0, result.exitStatus(), result::toString);
            byte[] expected = hostBytes();
            System.arraycopy(expected, 0, expected, SECTOR_BYTES, SECTOR_BYTES);
            assertArrayEquals(expected, Files.readAllBytes(disk), engine + ": sector 0 was not copied to sector 1");
        }
    }

    private static QjProcess.Result testOnDisk(String engine, Path disk) {
        return QjProcess.run("test", QjProcess.fixture("virtio-disk.qj"), "--engine", engine, "--disk", disk);
    }

    /** A disk of {@link #SECTORS} sectors holding the host's pattern. */
    private static Path hostDisk(Path file) throws IOException {
        return Files.write(file, hostBytes());
    }

    /** The host's pattern: the long at byte offset o holds o ^ 0xa5a5a5a5, big-endian. */
    private static byte[] hostBytes() {
        ByteBuffer disk = ByteBuffer.allocate(SECTORS * SECTOR_BYTES);
        for (int offset = 0; offset < disk.capacity(); offset += 4) {
            disk.putInt(offset, offset ^ 0xa5a5_a5a5);
        }
        return disk.array();
    }

    /**
     * What e2e/virtio-disk.qj leaves: its last pattern over the first MiB, its
     * last-sector pattern in the last sector, and the host's bytes between.
     */
    private static void assertDiskHoldsWhatTheGuestWrote(Path file) throws IOException {
        ByteBuffer expected = ByteBuffer.wrap(hostBytes());
        fillPattern(expected, 0, MIB, LAST_SEED);
        fillPattern(expected, (SECTORS - 1) * SECTOR_BYTES, SECTOR_BYTES, LAST_SECTOR_SEED);
        byte[] actual = Files.readAllBytes(file);
        assertEquals(expected.capacity(), actual.length, "the disk's size");
        for (int offset = 0; offset < actual.length; offset += 4) {
            int want = expected.getInt(offset);
            int got = ByteBuffer.wrap(actual, offset, 4).getInt();
            if (want != got) {
                throw new AssertionError(String.format("%s: the long at byte 0x%x is 0x%08x, not 0x%08x",
                        file.getFileName(), offset, got, want));
            }
        }
    }

    /** seed + k x PATTERN_STEP in the k-th long from {@code start}, for {@code bytes} bytes. */
    private static void fillPattern(ByteBuffer disk, int start, int bytes, int seed) {
        int value = seed;
        for (int offset = start; offset < start + bytes; offset += 4) {
            disk.putInt(offset, value);
            value += PATTERN_STEP;
        }
    }
}
