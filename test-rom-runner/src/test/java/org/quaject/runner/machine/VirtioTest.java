package org.quaject.runner.machine;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quaject.runner.DiskDrive;
import org.quaject.runner.Engine;
import org.quaject.runner.EngineException;
import org.quaject.runner.Outcome;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.RunRequest;
import org.quaject.runner.RunResult;
import org.quaject.runner.RunnerEngine;
import org.quaject.testing.CrossToolchain;

/**
 * The virtio-mmio transports and the virtio-blk disk, driven by hand-written
 * guests (test resources in {@code virtio/} beside this class) on the runner
 * and on QEMU 7.2: each gets a fresh copy of the same disk file, the two
 * console transcripts must match line for line with every test passing, and
 * the two files must end byte for byte the same, with what the guest wrote.
 * The runner is bounded by its instruction count; QEMU, which cannot count,
 * by a generous wall-clock timeout that a passing run never comes near.
 * Needs qemu-system-m68k and binutils-m68k-linux-gnu.
 */
class VirtioTest {
    /** The disk: 128 whole sectors and 100 bytes of a 129th, sector n holding (3n + i) mod 256 at byte i. */
    static final int DISK_BYTES = 128 * 512 + 100;
    private static final int SECTOR = 512;
    private static final long INSTRUCTIONS = 1_000_000_000L;
    private static final Pattern INCLUDE = Pattern.compile("(?m)^(\\s*\\.include\\s+)\"([^\"/]+)\"");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"virtio_transports", "virtio_blk", "virtio_rings", "virtio_errors"})
    void theRunnerAndQemuAgreeOnTheDisk(String fixture) throws Exception {
        Path image = link(fixture);
        Path qemuDisk = disk("qemu.img");
        Path runnerDisk = disk("runner.img");
        RunResult qemu = run(new QemuEngine(), image, new DiskDrive(qemuDisk, false));
        RunResult runner = run(new RunnerEngine(), image, new DiskDrive(runnerDisk, false));
        String qemuLines = new String(qemu.transcript(), US_ASCII);
        DifferentialTest.assertSameLines(qemuLines, new String(runner.transcript(), US_ASCII));
        assertEquals(qemu.outcome(), runner.outcome(), "QEMU: " + qemu.detail() + "; runner: " + runner.detail());
        Fixtures.assertAllPass(runner);
        assertArrayEquals(Files.readAllBytes(qemuDisk), Files.readAllBytes(runnerDisk),
                "the two engines left different disks");
    }

    @Test
    void writesReachTheFile() throws Exception {
        Path disk = disk("disk.img");
        Fixtures.assertAllPass(run(new RunnerEngine(), link("virtio_blk"), new DiskDrive(disk, false)));
        byte[] bytes = Files.readAllBytes(disk);
        assertEquals(129 * SECTOR, bytes.length, "writing the partial last sector completes it, as on QEMU");
        byte[] expected = contents();
        byte[] grown = Arrays.copyOf(expected, 129 * SECTOR);
        fill(grown, 1, 0x11, 1);
        fill(grown, 2, 0x22, 3);
        fill(grown, 3, 0x33, 5);
        Arrays.fill(grown, 4 * SECTOR, 5 * SECTOR, (byte) 0);
        Arrays.fill(grown, 5 * SECTOR, 6 * SECTOR, (byte) 0);
        System.arraycopy(new byte[] {0x70, 0x02, 0x4e, 0x75}, 0, grown, 5 * SECTOR, 4);
        fill(grown, 128, 0x80, 1);
        assertSectorsEqual(grown, bytes);
    }

    @Test
    void aWriteFromOutsideRamWritesZeros() throws Exception {
        Path disk = disk("disk.img");
        Fixtures.assertAllPass(run(new RunnerEngine(), link("virtio_rings"), new DiskDrive(disk, false)));
        byte[] expected = contents();
        Arrays.fill(expected, 6 * SECTOR, 7 * SECTOR, (byte) 0);
        assertSectorsEqual(expected, Files.readAllBytes(disk));
    }

    /** With a snapshot the file stays as it was, on both engines, and the guest sees its own writes all the same. */
    @Test
    void aSnapshotLeavesTheFileAlone() throws Exception {
        Path image = link("virtio_blk");
        Path qemuDisk = disk("qemu.img");
        Path runnerDisk = disk("runner.img");
        RunResult qemu = run(new QemuEngine(), image, new DiskDrive(qemuDisk, true));
        RunResult runner = run(new RunnerEngine(), image, new DiskDrive(runnerDisk, true));
        DifferentialTest.assertSameLines(new String(qemu.transcript(), US_ASCII),
                new String(runner.transcript(), US_ASCII));
        Fixtures.assertAllPass(runner);
        assertArrayEquals(contents(), Files.readAllBytes(qemuDisk), "QEMU changed the file");
        assertArrayEquals(contents(), Files.readAllBytes(runnerDisk), "the runner changed the file");
    }

    @Test
    void aMissingDiskStopsTheRunBeforeItStarts() throws Exception {
        Path image = link("virtio_transports");
        Path missing = dir.resolve("missing.img");
        EngineException e = assertThrows(EngineException.class,
                () -> run(new RunnerEngine(), image, new DiskDrive(missing, false)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        EngineException snapshot = assertThrows(EngineException.class,
                () -> run(new RunnerEngine(), image, new DiskDrive(missing, true)));
        assertTrue(snapshot.getMessage().contains(missing.toString()), snapshot.getMessage());
    }

    @Test
    void aDirectoryIsNoDisk() throws Exception {
        EngineException e = assertThrows(EngineException.class,
                () -> run(new RunnerEngine(), link("virtio_transports"), new DiskDrive(dir, false)));
        assertTrue(e.getMessage().contains(dir + " is not a regular file"), e.getMessage());
    }

    /** What the device complains of, the runner reports after the run, as QEMU's engine quotes QEMU. */
    @Test
    void theDevicesComplaintsAreReported() throws Exception {
        RunResult result = run(new RunnerEngine(), link("virtio_errors"), new DiskDrive(disk("disk.img"), false));
        assertEquals(Outcome.HALT, result.outcome());
        for (String message : List.of("virtio-blk request outhdr too short", "Looped descriptor", "Desc next is 9",
                "Guest says index 8 is available", "virtio-blk missing headers", "Incorrect order for descriptors",
                "virtio: zero sized buffers are not allowed", "virtio: bogus descriptor or out of resources",
                "virtio-blk discard/write_zeroes header too short", "Cannot map desc")) {
            assertTrue(result.detail().contains("virtio-blk at transport 127 (0xff01fe00): " + message),
                    () -> message + " is missing from: " + result.detail());
        }
    }

    /** The contents of the disk file every run starts from. */
    static byte[] contents() {
        byte[] bytes = new byte[DISK_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (3 * (i / SECTOR) + i % SECTOR);
        }
        return bytes;
    }

    private Path disk(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, contents());
        return file;
    }

    private static RunResult run(Engine engine, Path image, DiskDrive disk) throws EngineException {
        InputStream input = new ByteArrayInputStream(new byte[0]);
        OptionalLong budget = engine instanceof RunnerEngine ? OptionalLong.of(INSTRUCTIONS) : OptionalLong.empty();
        return engine.run(new RunRequest(image, Fixtures.RAM_BYTES, false, input, OutputStream.nullOutputStream(),
                Fixtures.TIMEOUT, budget).withDisk(disk));
    }

    /** Sector n of {@code bytes} := FIRST + STEP * i at byte i. */
    private static void fill(byte[] bytes, int sector, int first, int step) {
        for (int i = 0; i < SECTOR; i++) {
            bytes[sector * SECTOR + i] = (byte) (first + step * i);
        }
    }

    /** Fails naming the first sector that differs. */
    private static void assertSectorsEqual(byte[] expected, byte[] actual) {
        assertEquals(expected.length, actual.length, "file length");
        for (int sector = 0; sector * SECTOR < expected.length; sector++) {
            int from = sector * SECTOR;
            int to = Math.min(expected.length, from + SECTOR);
            assertArrayEquals(Arrays.copyOfRange(expected, from, to), Arrays.copyOfRange(actual, from, to),
                    "sector " + sector);
        }
    }

    /**
     * Links fixture {@code virtio/NAME.s} at 0x1000: its includes are
     * copied beside it, {@code tap.inc} from the machine fixtures and
     * {@code virtio.inc} from {@code virtio/}, and named by absolute path.
     */
    private Path link(String name) throws IOException, InterruptedException {
        Matcher include = INCLUDE.matcher(resource("virtio/" + name + ".s"));
        StringBuilder source = new StringBuilder();
        while (include.find()) {
            String file = include.group(2);
            Path copy = dir.resolve(file);
            Files.writeString(copy, resource(file.equals("tap.inc") ? file : "virtio/" + file), US_ASCII);
            include.appendReplacement(source, Matcher.quoteReplacement(include.group(1) + "\"" + copy + "\""));
        }
        include.appendTail(source);
        return CrossToolchain.link(dir, name, source.toString());
    }

    private static String resource(String name) {
        try (InputStream in = VirtioTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture resource " + name + " beside " + VirtioTest.class);
            }
            return new String(in.readAllBytes(), US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
