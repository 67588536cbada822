package org.quaject.compiler.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.quaject.compiler.model.Board;

/**
 * The disk image format (docs/disk-image.md): what {@code qj build} writes as
 * {@code OUT.img} and what the boot loader in {@code boot/loader/} reads.
 *
 * <p>Sector 0 holds the header, big-endian like everything the 68030 reads
 * natively; the kernel's segments follow, each from a sector of its own and
 * padded with zeros to a whole sector, so that the loader can read each
 * straight to its load address; then, for the host, the optional console
 * input of the kernel's tests and the devices the kernel asks for; then the
 * kernel's data area, which the file holds as zeros (a hole in file systems
 * that have them).
 */
public final class DiskImage {

    public static final int SECTOR_BYTES = (int) Board.SECTOR_BYTES;
    /** "QJIM". */
    public static final int MAGIC = 0x514a_494d;
    public static final int VERSION = 1;
    /** Segments the header has room for. */
    public static final int MAX_SEGMENTS = 16;

    // Header fields: offsets in sector 0.
    static final int MAGIC_AT = 0x00;
    static final int VERSION_AT = 0x04;
    static final int HEADER_CRC_AT = 0x08;
    static final int ENTRY_AT = 0x0c;
    static final int END_AT = 0x10;
    static final int RAM_AT = 0x14;
    static final int SEGMENT_COUNT_AT = 0x18;
    static final int DATA_SECTOR_AT = 0x1c;
    static final int DATA_SECTORS_AT = 0x20;
    static final int INPUT_SECTOR_AT = 0x24;
    static final int INPUT_BYTES_AT = 0x28;
    static final int DEVICES_SECTOR_AT = 0x2c;
    static final int DEVICES_BYTES_AT = 0x30;
    static final int SEGMENT_TABLE_AT = 0x40;
    static final int SEGMENT_ENTRY_BYTES = 16;

    private DiskImage() {
    }

    /** One loaded piece of the kernel: its bytes go to {@code address}. */
    public record Segment(long address, byte[] bytes) {
    }

    /**
     * What the header says.
     *
     * @param end          the kernel's highest address (its {@code _end}), past which the loader
     *                     writes the boot information
     * @param consoleInput the console input the kernel's tests expect, empty if none
     * @param devices      the device types the kernel asks for ({@code device "TYPE"}), in order
     */
    public record Header(long entry, long end, long ramBytes, long dataSector, long dataSectors,
                         byte[] consoleInput, List<String> devices) {
    }

    /**
     * Writes an image.
     *
     * @param segments  the kernel's loaded bytes; at most {@value #MAX_SEGMENTS}
     * @param devices   the device types the kernel asks for, in order
     * @param dataBytes the kernel's data area, a whole number of sectors (0 for none)
     */
    public static void write(Path file, long entry, long end, long ramBytes, List<Segment> segments,
                             byte[] consoleInput, List<String> devices, long dataBytes) throws IOException {
        if (segments.isEmpty() || segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("an image holds 1 to " + MAX_SEGMENTS + " segments, not "
                    + segments.size());
        }
        if (dataBytes % SECTOR_BYTES != 0) {
            throw new IllegalArgumentException("the data area must be whole sectors, not " + dataBytes + " bytes");
        }
        List<Segment> ordered = new ArrayList<>(segments);
        // In address order: the tail of a segment's last sector may spill over the start of the next,
        // which the next one's load then writes over.
        ordered.sort(Comparator.comparingLong(Segment::address));
        ByteBuffer header = ByteBuffer.allocate(SECTOR_BYTES).order(ByteOrder.BIG_ENDIAN);
        header.putInt(MAGIC_AT, MAGIC).putInt(VERSION_AT, VERSION).putInt(ENTRY_AT, (int) entry)
                .putInt(END_AT, (int) end).putInt(RAM_AT, (int) ramBytes).putInt(SEGMENT_COUNT_AT, ordered.size());
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long sector = 1;
            for (int i = 0; i < ordered.size(); i++) {
                Segment segment = ordered.get(i);
                int at = SEGMENT_TABLE_AT + SEGMENT_ENTRY_BYTES * i;
                header.putInt(at, (int) segment.address()).putInt(at + 4, segment.bytes().length)
                        .putInt(at + 8, (int) sector).putInt(at + 12, crc32(segment.bytes()));
                sector = writeSectors(out, sector, segment.bytes());
            }
            if (consoleInput.length > 0) {
                header.putInt(INPUT_SECTOR_AT, (int) sector).putInt(INPUT_BYTES_AT, consoleInput.length);
                sector = writeSectors(out, sector, consoleInput);
            }
            if (!devices.isEmpty()) {
                byte[] lines = devices.stream().map(type -> type + "\n").collect(Collectors.joining())
                        .getBytes(StandardCharsets.UTF_8);
                header.putInt(DEVICES_SECTOR_AT, (int) sector).putInt(DEVICES_BYTES_AT, lines.length);
                sector = writeSectors(out, sector, lines);
            }
            header.putInt(DATA_SECTOR_AT, (int) sector).putInt(DATA_SECTORS_AT, (int) (dataBytes / SECTOR_BYTES));
            header.putInt(HEADER_CRC_AT, crc32(header.array()));
            out.write(header.rewind(), 0);
            long length = (sector * SECTOR_BYTES) + dataBytes;
            if (dataBytes > 0) {
                // One byte at the very end: the data area reads as zeros, and costs no blocks where holes exist.
                out.write(ByteBuffer.allocate(1), length - 1);
            }
        }
    }

    /**
     * The header of {@code file}, if it is an image in this format whose header
     * is intact; empty for anything else (the loader says what is wrong).
     */
    public static Optional<Header> readHeader(Path file) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(SECTOR_BYTES).order(ByteOrder.BIG_ENDIAN);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (header.hasRemaining() && in.read(header) >= 0) {
                // Until the sector is full or the file ends.
            }
            if (header.hasRemaining() || header.getInt(MAGIC_AT) != MAGIC || header.getInt(VERSION_AT) != VERSION) {
                return Optional.empty();
            }
            int crc = header.getInt(HEADER_CRC_AT);
            byte[] bytes = header.array().clone();
            ByteBuffer.wrap(bytes).putInt(HEADER_CRC_AT, 0);
            if (crc32(bytes) != crc) {
                return Optional.empty();
            }
            byte[] input = hostData(in, header, INPUT_SECTOR_AT, INPUT_BYTES_AT);
            List<String> devices = new String(hostData(in, header, DEVICES_SECTOR_AT, DEVICES_BYTES_AT),
                    StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
            return Optional.of(new Header(unsigned(header, ENTRY_AT), unsigned(header, END_AT),
                    unsigned(header, RAM_AT), unsigned(header, DATA_SECTOR_AT), unsigned(header, DATA_SECTORS_AT),
                    input, devices));
        } catch (NegativeArraySizeException e) {
            return Optional.empty();
        }
    }

    /** Bytes for the host that the header places: from the sector at {@code sectorAt}, as many as at {@code bytesAt}. */
    private static byte[] hostData(FileChannel in, ByteBuffer header, int sectorAt, int bytesAt) throws IOException {
        byte[] bytes = new byte[header.getInt(bytesAt)];
        in.read(ByteBuffer.wrap(bytes), Integer.toUnsignedLong(header.getInt(sectorAt)) * SECTOR_BYTES);
        return bytes;
    }

    /** The CRC-32 of IEEE 802.3, as zlib and the loader's {@code crc32} compute it. */
    static int crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** Writes {@code bytes} from {@code sector}, padded to whole sectors; returns the next free sector. */
    private static long writeSectors(FileChannel out, long sector, byte[] bytes) throws IOException {
        int padded = (bytes.length + SECTOR_BYTES - 1) / SECTOR_BYTES * SECTOR_BYTES;
        ByteBuffer buffer = ByteBuffer.allocate(padded).put(bytes).rewind();
        out.write(buffer, sector * SECTOR_BYTES);
        return sector + padded / SECTOR_BYTES;
    }

    private static long unsigned(ByteBuffer header, int at) {
        return Integer.toUnsignedLong(header.getInt(at));
    }
}
