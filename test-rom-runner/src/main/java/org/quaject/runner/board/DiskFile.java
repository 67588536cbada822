package org.quaject.runner.board;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A raw disk file behind the board's virtio-blk device, as QEMU 7.2 serves
 * {@code -drive file=F,format=raw}: the disk is the file's bytes, in
 * {@value #SECTOR_BYTES}-byte sectors.
 *
 * <p>Like QEMU, the disk has as many sectors as the file has bytes rounded up
 * to a whole sector: a last partial sector is part of the disk, it reads as
 * the file's bytes followed by zeros, and writing it makes the file a whole
 * number of sectors long (checked on this machine with a 65,636-byte file:
 * QEMU reports 129 sectors and a write of sector 128 leaves 66,048 bytes).
 *
 * <p>With {@code snapshot} the file is opened for reading only and never
 * changes; written sectors are kept in memory, where later reads find them,
 * as QEMU's {@code snapshot=on} keeps them in a temporary overlay. Without it,
 * writes go straight to the file, and {@link #flush()} and {@link #close()}
 * force them to the storage device.
 *
 * <p>Not thread-safe: the device uses it from the thread that runs the CPU.
 */
public final class DiskFile implements Closeable {
    /** The sector: the unit of every virtio-blk request. */
    public static final int SECTOR_BYTES = 512;

    private final Path file;
    private final FileChannel channel;
    private final boolean snapshot;
    private final long sectors;
    /** Sectors written in a snapshot, by number. */
    private final Map<Long, byte[]> written = new HashMap<>();

    private DiskFile(Path file, FileChannel channel, boolean snapshot) throws IOException {
        this.file = file;
        this.channel = channel;
        this.snapshot = snapshot;
        long bytes = channel.size();
        this.sectors = bytes / SECTOR_BYTES + (bytes % SECTOR_BYTES == 0 ? 0 : 1);
    }

    /**
     * Opens {@code file} as a disk.
     *
     * @param snapshot run on a copy: the file is only read
     * @throws IOException with a message that names the file and says what is wrong with it: missing, not a
     *                     regular file, not readable, or (without {@code snapshot}) not writable
     */
    public static DiskFile open(Path file, boolean snapshot) throws IOException {
        return open(file, snapshot, FileChannel::open);
    }

    /** How the file is opened: {@link FileChannel#open}, or a stand-in in tests. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path file, OpenOption... options) throws IOException;
    }

    static DiskFile open(Path file, boolean snapshot, Opener opener) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new IOException("the disk file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("the disk file " + file + " is not a regular file");
        }
        FileChannel channel;
        try {
            channel = snapshot ? opener.open(file, StandardOpenOption.READ)
                    : opener.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            if (!snapshot && Files.isReadable(file)) {
                throw new IOException("the disk file " + file + " is read-only; attach it with --snapshot to run"
                        + " on a copy that the guest's writes do not reach", e);
            }
            throw new IOException("the disk file " + file + " cannot be read: permission denied", e);
        } catch (FileSystemException e) {
            throw new IOException("the disk file " + file + " cannot be opened: " + reason(e), e);
        }
        try {
            return new DiskFile(file, channel, snapshot);
        } catch (IOException e) {
            channel.close();
            throw new IOException("the disk file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file the disk reads. */
    public Path file() {
        return file;
    }

    /** Whether the guest's writes stay in memory. */
    public boolean snapshot() {
        return snapshot;
    }

    /** The disk's capacity in sectors: the file's length rounded up to a whole sector, as QEMU counts it. */
    public long sectors() {
        return sectors;
    }

    /**
     * Reads {@code length} bytes of the disk from {@code position} into {@code into[offset...]}; bytes past the
     * end of the file read as zeros.
     */
    public void read(long position, byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        requireOnDisk(position, length);
        while (length > 0) {
            long sector = position / SECTOR_BYTES;
            int inSector = (int) (position % SECTOR_BYTES);
            int piece = Math.min(length, SECTOR_BYTES - inSector);
            byte[] copy = written.get(sector);
            if (copy != null) {
                System.arraycopy(copy, inSector, into, offset, piece);
            } else {
                readFile(position, into, offset, piece);
            }
            position += piece;
            offset += piece;
            length -= piece;
        }
    }

    /** Writes {@code length} bytes from {@code from[offset...]} to the disk at {@code position}. */
    public void write(long position, byte[] from, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, from.length);
        requireOnDisk(position, length);
        if (!snapshot) {
            ByteBuffer buffer = ByteBuffer.wrap(from, offset, length);
            long at = position;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            return;
        }
        while (length > 0) {
            long sector = position / SECTOR_BYTES;
            int inSector = (int) (position % SECTOR_BYTES);
            int piece = Math.min(length, SECTOR_BYTES - inSector);
            byte[] copy = written.get(sector);
            if (copy == null) {
                copy = new byte[SECTOR_BYTES];
                readFile(sector * SECTOR_BYTES, copy, 0, SECTOR_BYTES);
                written.put(sector, copy);
            }
            System.arraycopy(from, offset, copy, inSector, piece);
            position += piece;
            offset += piece;
            length -= piece;
        }
    }

    /** Writes {@code length} zero bytes at {@code position}. */
    public void writeZeroes(long position, long length) throws IOException {
        byte[] zeros = new byte[(int) Math.min(length, 64 * SECTOR_BYTES)];
        while (length > 0) {
            int piece = (int) Math.min(length, zeros.length);
            write(position, zeros, 0, piece);
            position += piece;
            length -= piece;
        }
    }

    /** Forces what the guest wrote to the storage device; nothing to do in a snapshot. */
    public void flush() throws IOException {
        if (!snapshot) {
            channel.force(false);
        }
    }

    /** Flushes, and closes the file; a snapshot's writes are forgotten. */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            written.clear();
            channel.close();
        }
    }

    private void readFile(long position, byte[] into, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, offset, length);
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                // Past the end of the file: zeros, as QEMU's raw driver reads them.
                while (buffer.hasRemaining()) {
                    buffer.put((byte) 0);
                }
                return;
            }
            at += read;
        }
    }

    private void requireOnDisk(long position, long length) {
        if (position < 0 || length < 0 || position > sectors * SECTOR_BYTES - length) {
            throw new IndexOutOfBoundsException(String.format("bytes %d..+%d are not on the disk of %d sectors",
                    position, length, sectors));
        }
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }
}
