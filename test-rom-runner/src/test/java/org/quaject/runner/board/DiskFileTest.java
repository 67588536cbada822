package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk file behind virtio-blk: sectors as QEMU counts them, writes, snapshots, and files it cannot use. */
class DiskFileTest {
    private static final int SECTOR = DiskFile.SECTOR_BYTES;

    @TempDir
    Path dir;

    @Test
    void aPartialLastSectorCountsAndReadsZerosPastTheFile() throws IOException {
        byte[] contents = pattern(2 * SECTOR + 100);
        try (DiskFile disk = DiskFile.open(file(contents), false)) {
            assertEquals(3, disk.sectors(), "QEMU rounds the file up to whole sectors");
            byte[] last = new byte[SECTOR];
            disk.read(2 * SECTOR, last, 0, SECTOR);
            assertArrayEquals(Arrays.copyOfRange(contents, 2 * SECTOR, 2 * SECTOR + 100),
                    Arrays.copyOf(last, 100));
            assertArrayEquals(new byte[SECTOR - 100], Arrays.copyOfRange(last, 100, SECTOR));
            assertThrows(IndexOutOfBoundsException.class, () -> disk.read(3 * SECTOR, new byte[1], 0, 1));
        }
        try (DiskFile empty = DiskFile.open(file(new byte[0]), true)) {
            assertEquals(0, empty.sectors());
        }
    }

    @Test
    void writesReachTheFileAndMayCompleteItsLastSector() throws IOException {
        byte[] contents = pattern(2 * SECTOR + 100);
        Path file = file(contents);
        byte[] ones = new byte[SECTOR];
        Arrays.fill(ones, (byte) 1);
        try (DiskFile disk = DiskFile.open(file, false)) {
            disk.write(0, ones, 0, SECTOR);
            disk.write(2 * SECTOR, ones, 0, SECTOR);
            disk.writeZeroes(SECTOR, SECTOR);
            disk.flush();
        }
        byte[] expected = new byte[3 * SECTOR];
        Arrays.fill(expected, 0, SECTOR, (byte) 1);
        Arrays.fill(expected, 2 * SECTOR, 3 * SECTOR, (byte) 1);
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void aSnapshotKeepsTheFileByteForByteAndStillReadsItsOwnWrites() throws IOException {
        byte[] contents = pattern(4 * SECTOR + 7);
        Path file = file(contents);
        byte[] twos = new byte[SECTOR + 10];
        Arrays.fill(twos, (byte) 2);
        try (DiskFile disk = DiskFile.open(file, true)) {
            disk.write(SECTOR - 5, twos, 0, twos.length);
            disk.writeZeroes(4 * SECTOR, SECTOR);
            byte[] read = new byte[5 * SECTOR];
            disk.read(0, read, 0, read.length);
            byte[] expected = Arrays.copyOf(contents, 5 * SECTOR);
            Arrays.fill(expected, SECTOR - 5, 2 * SECTOR + 5, (byte) 2);
            Arrays.fill(expected, 4 * SECTOR, 5 * SECTOR, (byte) 0);
            assertArrayEquals(expected, read);
            disk.flush();
        }
        assertArrayEquals(contents, Files.readAllBytes(file));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.img");
        IOException e = assertThrows(IOException.class, () -> DiskFile.open(missing, false));
        assertEquals("the disk file " + missing + " does not exist", e.getMessage());
    }

    @Test
    void aDirectoryIsNotADisk() {
        IOException e = assertThrows(IOException.class, () -> DiskFile.open(dir, true));
        assertEquals("the disk file " + dir + " is not a regular file", e.getMessage());
    }

    /** Only where the file system refuses writes to a read-only file: not for root, as QEMU would not refuse. */
    @Test
    void aReadOnlyFileNeedsASnapshot() throws IOException {
        Path file = file(pattern(SECTOR));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assumeFalse(canWrite(file), "this user may write read-only files");
        IOException e = assertThrows(IOException.class, () -> DiskFile.open(file, false));
        assertTrue(e.getMessage().contains(file + " is read-only; attach it with --snapshot"), e.getMessage());
        try (DiskFile disk = DiskFile.open(file, true)) {
            disk.write(0, new byte[SECTOR], 0, SECTOR);
        }
        assertArrayEquals(pattern(SECTOR), Files.readAllBytes(file));
    }

    /** The same, whoever runs the test: a file system that refuses to open the file for writing. */
    @Test
    void aFileThatCannotBeWrittenNeedsASnapshot() throws IOException {
        Path file = file(pattern(SECTOR));
        DiskFile.Opener readOnly = (path, options) -> {
            if (Arrays.asList(options).contains(StandardOpenOption.WRITE)) {
                throw new AccessDeniedException(path.toString());
            }
            return FileChannel.open(path, options);
        };
        IOException e = assertThrows(IOException.class, () -> DiskFile.open(file, false, readOnly));
        assertEquals("the disk file " + file + " is read-only; attach it with --snapshot to run on a copy that the"
                + " guest's writes do not reach", e.getMessage());
        try (DiskFile disk = DiskFile.open(file, true, readOnly)) {
            assertEquals(1, disk.sectors());
        }
    }

    @Test
    void anUnreadableFileIsNamed() throws IOException {
        Path file = file(pattern(SECTOR));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "this user may read any file");
        IOException e = assertThrows(IOException.class, () -> DiskFile.open(file, true));
        assertTrue(e.getMessage().contains(file + " cannot be read"), e.getMessage());
    }

    @Test
    void closingClosesTheFile() throws IOException {
        DiskFile disk = DiskFile.open(file(pattern(SECTOR)), false);
        disk.close();
        assertThrows(IOException.class, () -> disk.read(0, new byte[1], 0, 1));
    }

    private static boolean canWrite(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            return true;
        } catch (AccessDeniedException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private Path file(byte[] contents) throws IOException {
        Path file = Files.createTempFile(dir, "disk", ".img");
        Files.write(file, contents);
        return file;
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + i / SECTOR);
        }
        return bytes;
    }
}
