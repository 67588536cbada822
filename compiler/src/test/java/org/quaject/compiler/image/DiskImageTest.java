package org.quaject.compiler.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk image format of docs/disk-image.md, byte by byte. */
class DiskImageTest {

    private static final int SECTOR = DiskImage.SECTOR_BYTES;

    @TempDir
    Path dir;

    @Test
    void segmentsGoInAddressOrderEachFromASectorOfItsOwnThenTheInputThenTheDataArea() throws IOException {
        byte[] low = filled(700, 0x11);
        byte[] high = filled(10, 0x22);
        byte[] input = "typed".getBytes();
        Path file = dir.resolve("k.img");
        DiskImage.write(file, 0x1234, 0x9000, 4 << 20,
                List.of(new DiskImage.Segment(0x8000, high), new DiskImage.Segment(0x1000, low)), input,
                List.of("virtio-rng", "other"), 8 * SECTOR);

        byte[] image = Files.readAllBytes(file);
        ByteBuffer header = ByteBuffer.wrap(image, 0, SECTOR);
        assertEquals(0x514a494d, header.getInt(0x00));
        assertEquals(1, header.getInt(0x04));
        assertEquals(0x1234, header.getInt(0x0c));
        assertEquals(0x9000, header.getInt(0x10));
        assertEquals(4 << 20, header.getInt(0x14));
        assertEquals(2, header.getInt(0x18));
        // low: sectors 1-2; high: sector 3; input: sector 4; devices: sector 5; data: sectors 6-13.
        assertSegment(header, 0, 0x1000, low, 1);
        assertSegment(header, 1, 0x8000, high, 3);
        assertEquals(4, header.getInt(0x24));
        assertEquals(input.length, header.getInt(0x28));
        assertEquals(5, header.getInt(0x2c));
        assertEquals("virtio-rng\nother\n".length(), header.getInt(0x30));
        assertEquals("virtio-rng\nother\n", new String(image, 5 * SECTOR, header.getInt(0x30)));
        assertEquals(6, header.getInt(0x1c));
        assertEquals(8, header.getInt(0x20));
        assertEquals(14 * SECTOR, image.length);
        assertArrayEquals(low, Arrays.copyOfRange(image, SECTOR, SECTOR + low.length));
        assertTrue(allZero(image, SECTOR + low.length, 3 * SECTOR), "a segment's last sector is padded with zeros");
        assertArrayEquals(high, Arrays.copyOfRange(image, 3 * SECTOR, 3 * SECTOR + high.length));
        assertArrayEquals(input, Arrays.copyOfRange(image, 4 * SECTOR, 4 * SECTOR + input.length));
        assertTrue(allZero(image, 6 * SECTOR, image.length), "a new data area reads as zeros");

        byte[] headerWithoutCrc = Arrays.copyOf(image, SECTOR);
        ByteBuffer.wrap(headerWithoutCrc).putInt(0x08, 0);
        assertEquals(crc(headerWithoutCrc), header.getInt(0x08));
    }

    @Test
    void theHeaderReadsBack() throws IOException {
        Path file = dir.resolve("k.img");
        DiskImage.write(file, 0x1000, 0x2000, 1 << 20, List.of(new DiskImage.Segment(0x1000, filled(4, 1))),
                "in".getBytes(), List.of("virtio-rng"), 0);
        DiskImage.Header header = DiskImage.readHeader(file).orElseThrow();
        assertEquals(0x1000, header.entry());
        assertEquals(0x2000, header.end());
        assertEquals(1 << 20, header.ramBytes());
        assertEquals(0, header.dataSectors());
        assertArrayEquals("in".getBytes(), header.consoleInput());
        assertEquals(List.of("virtio-rng"), header.devices());
    }

    @Test
    void aHeaderThatIsDamagedOrMissingDoesNotRead() throws IOException {
        Path file = dir.resolve("k.img");
        DiskImage.write(file, 0x1000, 0x2000, 1 << 20, List.of(new DiskImage.Segment(0x1000, filled(4, 1))),
                new byte[0], List.of(), 0);
        byte[] image = Files.readAllBytes(file);
        image[0x30] ^= 1;
        assertTrue(DiskImage.readHeader(Files.write(dir.resolve("damaged.img"), image)).isEmpty());
        assertTrue(DiskImage.readHeader(Files.write(dir.resolve("short.img"), new byte[100])).isEmpty());
        assertTrue(DiskImage.readHeader(Files.write(dir.resolve("zeros.img"), new byte[SECTOR])).isEmpty());
    }

    private static void assertSegment(ByteBuffer header, int index, int address, byte[] bytes, int sector) {
        int at = 0x40 + 16 * index;
        assertEquals(address, header.getInt(at));
        assertEquals(bytes.length, header.getInt(at + 4));
        assertEquals(sector, header.getInt(at + 8));
        assertEquals(crc(bytes), header.getInt(at + 12));
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
