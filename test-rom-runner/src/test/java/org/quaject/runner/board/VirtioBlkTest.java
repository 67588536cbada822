package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quaject.runner.board.VirtioDriver.AVAIL;
import static org.quaject.runner.board.VirtioDriver.CONFIG;
import static org.quaject.runner.board.VirtioDriver.CONFIG_GENERATION;
import static org.quaject.runner.board.VirtioDriver.DATA;
import static org.quaject.runner.board.VirtioDriver.DEVICE_FEATURES;
import static org.quaject.runner.board.VirtioDriver.DEVICE_FEATURES_SEL;
import static org.quaject.runner.board.VirtioDriver.DEVICE_ID;
import static org.quaject.runner.board.VirtioDriver.DRIVER_FEATURES;
import static org.quaject.runner.board.VirtioDriver.DRIVER_FEATURES_SEL;
import static org.quaject.runner.board.VirtioDriver.HEADER;
import static org.quaject.runner.board.VirtioDriver.INDIRECT;
import static org.quaject.runner.board.VirtioDriver.INTERRUPT_ACK;
import static org.quaject.runner.board.VirtioDriver.INTERRUPT_STATUS;
import static org.quaject.runner.board.VirtioDriver.MAGIC;
import static org.quaject.runner.board.VirtioDriver.NEXT;
import static org.quaject.runner.board.VirtioDriver.QN;
import static org.quaject.runner.board.VirtioDriver.QUEUE_DESC_LOW;
import static org.quaject.runner.board.VirtioDriver.QUEUE_NUM;
import static org.quaject.runner.board.VirtioDriver.QUEUE_NUM_MAX;
import static org.quaject.runner.board.VirtioDriver.QUEUE_READY;
import static org.quaject.runner.board.VirtioDriver.QUEUE_SEL;
import static org.quaject.runner.board.VirtioDriver.STATUS;
import static org.quaject.runner.board.VirtioDriver.STATUS_REG;
import static org.quaject.runner.board.VirtioDriver.USED;
import static org.quaject.runner.board.VirtioDriver.VENDOR_ID;
import static org.quaject.runner.board.VirtioDriver.VERSION;
import static org.quaject.runner.board.VirtioDriver.VERSION_1;
import static org.quaject.runner.board.VirtioDriver.WRITE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.device.GuestErrorException;

/**
 * virtio-blk behind its transport, request by request, with a Java driver
 * ({@link VirtioDriver}) on a disk of {@value #SECTORS} sectors whose
 * sector n holds n + 1 in every byte. The values are QEMU 7.2's, as the
 * machine fixtures check them on both engines (VirtioTest).
 */
class VirtioBlkTest {
    private static final int SECTORS = 8;
    private static final int SECTOR = 512;
    private static final int OK = 0;
    private static final int IOERR = 1;
    private static final int UNSUPP = 2;
    private static final int NEEDS_RESET = 0x40;

    @TempDir
    Path dir;
    private Path file;
    private DiskFile disk;
    private VirtioDriver driver;

    @BeforeEach
    void attach() throws IOException {
        file = dir.resolve("disk.img");
        Files.write(file, contents());
        disk = DiskFile.open(file, false);
        driver = new VirtioDriver(Optional.of(disk));
    }

    @AfterEach
    void detach() throws IOException {
        disk.close();
    }

    @Test
    void identifiesAsQemusBlockDevice() {
        assertEquals(0x7472_6976, driver.get(MAGIC));
        assertEquals(2, driver.get(VERSION));
        assertEquals(2, driver.get(DEVICE_ID));
        assertEquals(0x554d_4551, driver.get(VENDOR_ID));
        assertEquals(0x3000_6e54, driver.get(DEVICE_FEATURES));
        driver.set(DEVICE_FEATURES_SEL, 1);
        assertEquals(0x101, driver.get(DEVICE_FEATURES));
        driver.set(DEVICE_FEATURES_SEL, 7);
        assertEquals(0x101, driver.get(DEVICE_FEATURES), "any selector but 0 is 1");
        assertEquals(1024, driver.get(QUEUE_NUM_MAX));
        driver.set(QUEUE_SEL, 1);
        assertEquals(0, driver.get(QUEUE_NUM_MAX), "one queue");
        assertEquals(-1, driver.get(0x0b0), "no shared memory");
    }

    @Test
    void theInitialisationThatWorkedOnQemu() {
        assertEquals(0xb, driver.init());
        assertEquals(0xf, driver.get(STATUS_REG));
        assertEquals(1, driver.get(QUEUE_READY));
        assertEquals(VERSION_1, driver.transport().negotiated());
        assertEquals(0, driver.get(QUEUE_NUM), "write-only");
        assertEquals(0, driver.get(DRIVER_FEATURES), "write-only");
    }

    @Test
    void featuresTheDeviceLacksAreDroppedSilently() {
        assertEquals(0xb, driver.init(-1L), "FEATURES_OK reads back");
        assertEquals(VirtioBlk.FEATURES, driver.transport().negotiated());
    }

    @Test
    void featuresStayUntilAReset() {
        driver.init();
        driver.set(DRIVER_FEATURES_SEL, 0);
        driver.set(DRIVER_FEATURES, 1 << 29);
        driver.set(STATUS_REG, 0xf);
        assertEquals(VERSION_1, driver.transport().negotiated(), "FEATURES_OK again changes nothing");
        driver.set(STATUS_REG, 0);
        assertEquals(0, driver.transport().negotiated());
    }

    @Test
    void readsAndWritesReachTheFile() throws IOException {
        driver.init();
        assertEquals(OK, driver.request(VirtioBlk.T_IN, 3, SECTOR, true));
        assertArrayEquals(sector(4), driver.data(SECTOR));
        assertEquals(1, driver.usedIdx());
        assertEquals(0, driver.usedId(0));
        assertEquals(SECTOR + 1, driver.usedLen(0), "data and status byte");
        assertEquals(1, driver.get(INTERRUPT_STATUS));
        assertTrue(driver.lineHigh());
        driver.set(INTERRUPT_ACK, 1);
        assertEquals(0, driver.get(INTERRUPT_STATUS));
        assertFalse(driver.lineHigh());

        byte[] two = new byte[2 * SECTOR];
        Arrays.fill(two, (byte) 0xa5);
        driver.data(two);
        assertEquals(OK, driver.request(VirtioBlk.T_OUT, 6, 2 * SECTOR, false));
        assertEquals(1, driver.usedLen(1), "a write: the status byte only");
        byte[] expected = contents();
        Arrays.fill(expected, 6 * SECTOR, 8 * SECTOR, (byte) 0xa5);
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void requestsPastTheEndOrNotWholeSectorsFail() {
        driver.init();
        assertEquals(IOERR, driver.request(VirtioBlk.T_IN, SECTORS, SECTOR, true));
        assertEquals(SECTOR + 1, driver.usedLen(0), "the length is the writable buffers' all the same");
        assertEquals(IOERR, driver.request(VirtioBlk.T_IN, SECTORS - 1, 2 * SECTOR, true));
        assertEquals(OK, driver.request(VirtioBlk.T_IN, SECTORS, 0, true), "nothing at the end");
        assertEquals(IOERR, driver.request(VirtioBlk.T_IN, SECTORS + 1, 0, true));
        assertEquals(IOERR, driver.request(VirtioBlk.T_IN, 0, 100, true));
        assertEquals(IOERR, driver.request(VirtioBlk.T_OUT, 0, 100, false));
        assertEquals(IOERR, driver.request(VirtioBlk.T_IN, -1L, SECTOR, true), "sector 2^64 - 1");
    }

    @Test
    void flushGetIdAndTheTypesNobodyServes() {
        driver.init();
        assertEquals(OK, driver.request(VirtioBlk.T_FLUSH, 0, 0, true));
        assertEquals(OK, driver.request(VirtioBlk.T_FLUSH + VirtioBlk.T_OUT, 0, 0, true), "type 5 is a flush");
        driver.data(new byte[] {1, 1, 1, 1});
        assertEquals(OK, driver.request(VirtioBlk.T_GET_ID, 0, 20, true));
        assertEquals(21, driver.usedLen(2));
        assertArrayEquals(new byte[] {0, 1, 1, 1}, driver.data(4), "an empty serial number: one NUL");
        assertEquals(UNSUPP, driver.request(6, 0, SECTOR, true));
        assertEquals(UNSUPP, driver.request(0x10, 0, SECTOR, true));
        assertEquals(UNSUPP, driver.request(VirtioBlk.T_DISCARD - 1, 0, 16, false), "DISCARD without OUT");
        assertEquals(IOERR, driver.request(VirtioBlk.T_SCSI_CMD, 0, SECTOR, true), "too few buffers for SCSI");
        assertEquals(OK, driver.request(VirtioBlk.T_IN | VirtioBlk.T_BARRIER, 0, SECTOR, true), "BARRIER ignored");
        assertArrayEquals(sector(1), driver.data(SECTOR));
    }

    @Test
    void aScsiCommandWithItsBuffersIsUnsupportedAndMarkedFailed() {
        driver.init();
        driver.header(HEADER, VirtioBlk.T_SCSI_CMD, 0);
        driver.ram.write8(STATUS, 0xee);
        driver.desc(0, HEADER, 16, NEXT, 1);
        driver.desc(1, DATA, 6, NEXT, 2);
        driver.desc(2, DATA + 0x100, 96, NEXT | WRITE, 3);
        driver.desc(3, DATA + 0x200, 16, NEXT | WRITE, 4);
        driver.desc(4, STATUS, 1, WRITE, 0);
        driver.offer(0);
        driver.kick();
        assertEquals(UNSUPP, driver.ram.read8(STATUS));
        assertEquals(255, driver.get(DATA + 0x200, 4), "virtio_scsi_inhdr.errors");
    }

    @Test
    void writeZeroesAndDiscard() throws IOException {
        driver.init();
        range(2, 2, 0);
        assertEquals(OK, driver.request(VirtioBlk.T_WRITE_ZEROES, 0, 16, false));
        range(2, 2, 1);
        assertEquals(OK, driver.request(VirtioBlk.T_WRITE_ZEROES, 0, 16, false), "unmap may be asked for");
        range(2, 2, 2);
        assertEquals(UNSUPP, driver.request(VirtioBlk.T_WRITE_ZEROES, 0, 16, false), "unknown flag");
        range(7, 2, 0);
        assertEquals(IOERR, driver.request(VirtioBlk.T_WRITE_ZEROES, 0, 16, false), "past the end");
        range(0, VirtioBlk.MAX_SECTORS + 1, 0);
        assertEquals(IOERR, driver.request(VirtioBlk.T_DISCARD, 0, 16, false), "too many sectors");
        range(5, 1, 0);
        assertEquals(OK, driver.request(VirtioBlk.T_DISCARD, 0, 16, false));
        range(5, 1, 1);
        assertEquals(UNSUPP, driver.request(VirtioBlk.T_DISCARD, 0, 16, false), "discard cannot unmap");
        assertEquals(UNSUPP, driver.request(VirtioBlk.T_DISCARD, 0, 32, false), "two ranges");
        byte[] expected = contents();
        Arrays.fill(expected, 2 * SECTOR, 4 * SECTOR, (byte) 0);
        assertArrayEquals(expected, Files.readAllBytes(file), "discard changes nothing");
        driver.request(VirtioBlk.T_DISCARD, 0, 8, false);
        assertEquals(NEEDS_RESET, driver.get(STATUS_REG) & NEEDS_RESET, "a short range is a virtio_error");
    }

    @Test
    void oneNotificationAnswersWhatQemuAnswersAtOnceFirst() {
        driver.init();
        driver.header(HEADER, VirtioBlk.T_IN, 1);
        driver.desc(0, HEADER, 16, NEXT, 1);
        driver.desc(1, DATA, SECTOR, NEXT | WRITE, 2);
        driver.desc(2, STATUS, 1, WRITE, 0);
        driver.header(HEADER + 0x20, VirtioBlk.T_GET_ID, 0);
        driver.desc(3, HEADER + 0x20, 16, NEXT, 4);
        driver.desc(4, DATA + 0x1000, 20, NEXT | WRITE, 5);
        driver.desc(5, STATUS + 1, 1, WRITE, 0);
        driver.offer(0);
        driver.offer(3);
        driver.kick();
        assertEquals(2, driver.usedIdx(), "both done when the notification returns");
        assertEquals(3, driver.usedId(0), "GET_ID first, as QEMU completes it at once");
        assertEquals(0, driver.usedId(1), "then the read, which QEMU's block layer completes later");
        assertArrayEquals(sector(2), driver.data(SECTOR));
    }

    @Test
    void moreChainsThanTheQueueHoldsBreakTheDeviceButTheTakenOnesAreDone() {
        driver.init();
        driver.header(HEADER, VirtioBlk.T_IN, 1);
        driver.desc(0, HEADER, 16, NEXT, 1);
        driver.desc(1, DATA, SECTOR, NEXT | WRITE, 2);
        driver.desc(2, STATUS, 1, WRITE, 0);
        driver.ram.write8(STATUS, 0xee);
        for (int i = 0; i <= QN; i++) {
            driver.offer(0);
        }
        driver.kick();
        assertEquals(NEEDS_RESET, driver.get(STATUS_REG) & NEEDS_RESET, "Virtqueue size exceeded");
        assertEquals(0, driver.usedIdx(), "a broken device puts nothing on the used ring");
        assertEquals(OK, driver.ram.read8(STATUS), "though the reads it took were done");
        assertEquals(0, driver.transport().queue(0).inUse());
        assertTrue(driver.transport().errors().contains("Virtqueue size exceeded"));
    }

    @Test
    void malformedChainsBreakTheDevice() {
        assertBreaks("virtio-blk missing headers", () -> driver.desc(0, HEADER, 16, 0, 0));
        assertBreaks("virtio-blk request outhdr too short", () -> driver.desc(0, HEADER, 15, NEXT, 1));
        assertBreaks("Looped descriptor", () -> driver.desc(1, DATA, SECTOR, NEXT, 0));
        assertBreaks("Desc next is 8", () -> driver.desc(1, DATA, SECTOR, NEXT | WRITE, QN));
        assertBreaks("Incorrect order for descriptors", () -> {
            driver.desc(1, DATA, SECTOR, NEXT | WRITE, 2);
            driver.desc(2, STATUS, 1, 0, 0);
        });
        assertBreaks("virtio: zero sized buffers are not allowed", () -> driver.desc(1, DATA, 0, NEXT | WRITE, 2));
        assertBreaks("Invalid size for indirect buffer table", () -> driver.desc(0, DATA, 24, INDIRECT, 0));
        assertBreaks("Cannot map indirect buffer", () -> driver.desc(0, VirtioDriver.RAM - 16, 32, INDIRECT, 0));
        assertBreaks("virtio: bogus descriptor or out of resources",
                () -> driver.desc(1, 0x4000_0000L, 2 * VirtioMemory.BOUNCE_BYTES, NEXT | WRITE, 2));
        assertBreaks("virtio: bogus descriptor or out of resources", () -> {
            driver.desc(1, 0x4000_0000L, SECTOR, NEXT | WRITE, 2);
            driver.desc(2, 0x5000_0000L, 1, WRITE, 0);
        });
        assertBreaks("Guest says index 8 is available", () -> driver.put(AVAIL + 4, 2, QN));
    }

    @Test
    void aBrokenDeviceIgnoresNotificationsAndKeepsItsLineUntilReset() {
        assertBreaks("Looped descriptor", () -> driver.desc(1, DATA, SECTOR, NEXT, 0));
        assertEquals(3, driver.get(INTERRUPT_STATUS), "a config change");
        assertEquals(1, driver.get(CONFIG_GENERATION));
        assertTrue(driver.lineHigh());
        driver.set(INTERRUPT_ACK, 3);
        assertEquals(0, driver.get(INTERRUPT_STATUS));
        assertTrue(driver.lineHigh(), "QEMU does not lower the line of a broken device");
        assertEquals(0xee, driver.request(VirtioBlk.T_IN, 0, SECTOR, true), "ignored");
        driver.set(STATUS_REG, 0);
        assertFalse(driver.lineHigh());
        assertEquals(0xb, driver.init());
        assertEquals(OK, driver.request(VirtioBlk.T_IN, 0, SECTOR, true));
        assertEquals(1, driver.get(CONFIG_GENERATION), "the generation survives resets");
    }

    @Test
    void withoutVersion1EverythingIsBigEndian() {
        assertEquals(0xb, driver.init(0));
        assertTrue(driver.transport().bigEndian());
        assertEquals(OK, driver.request(VirtioBlk.T_IN, 5, SECTOR, true));
        assertArrayEquals(sector(6), driver.data(SECTOR));
        assertEquals(SECTOR + 1, driver.usedLen(0));
        assertEquals(SECTORS, driver.mmio.read(config(4), 4), "capacity big-endian: its low word at +4");
    }

    @Test
    void noInterruptFlagAndEventIndex() {
        driver.init();
        driver.put(AVAIL, 2, 1);
        driver.request(VirtioBlk.T_IN, 0, SECTOR, true);
        assertEquals(0, driver.get(INTERRUPT_STATUS), "VRING_AVAIL_F_NO_INTERRUPT");
        assertEquals(0, driver.get(USED, 2) & 1, "used.flags: NO_NOTIFY cleared again");

        driver.init(VERSION_1 | 1L << 29);
        long usedEvent = AVAIL + 4 + 2 * QN;
        long availEvent = USED + 4 + 8 * QN;
        driver.put(usedEvent, 2, 5);
        driver.request(VirtioBlk.T_IN, 0, SECTOR, true);
        assertEquals(1, driver.ack(), "the first completion after a reset interrupts");
        assertEquals(1, driver.get(availEvent, 2));
        driver.request(VirtioBlk.T_IN, 0, SECTOR, true);
        assertEquals(0, driver.ack(), "used.idx 2 has not passed used_event 5");
        driver.put(usedEvent, 2, 2);
        driver.request(VirtioBlk.T_IN, 0, SECTOR, true);
        assertEquals(1, driver.ack(), "used.idx 3 passed used_event 2");
        assertEquals(3, driver.get(availEvent, 2));
    }

    @Test
    void anIndirectTable() {
        driver.init();
        long table = 0x6000;
        driver.header(HEADER, VirtioBlk.T_IN, 7);
        putTableEntry(table, HEADER, 16, NEXT, 1);
        putTableEntry(table + 16, DATA, SECTOR, NEXT | WRITE, 2);
        putTableEntry(table + 32, STATUS, 1, WRITE, 0);
        driver.desc(0, table, 48, INDIRECT | NEXT, 5);
        driver.offer(0);
        driver.kick();
        assertEquals(OK, driver.ram.read8(STATUS));
        assertArrayEquals(sector(8), driver.data(SECTOR));
    }

    @Test
    void buffersOutsideRamReadZerosAndLoseWrites() throws IOException {
        driver.init();
        driver.header(HEADER, VirtioBlk.T_OUT, 1);
        driver.desc(0, HEADER, 16, NEXT, 1);
        driver.desc(1, VirtioDriver.RAM - 256, SECTOR, NEXT, 2);
        driver.desc(2, STATUS, 1, WRITE, 0);
        byte[] tail = new byte[256];
        Arrays.fill(tail, (byte) 0x77);
        driver.ram.write(VirtioDriver.RAM - 256, tail, 0, 256);
        driver.offer(0);
        driver.kick();
        assertEquals(OK, driver.ram.read8(STATUS));
        byte[] expected = contents();
        Arrays.fill(expected, SECTOR, SECTOR + 256, (byte) 0x77);
        Arrays.fill(expected, SECTOR + 256, 2 * SECTOR, (byte) 0);
        assertArrayEquals(expected, Files.readAllBytes(file), "RAM's part, then zeros");
    }

    @Test
    void ringsAcrossTheEndOfRamBreakTheDeviceAtQueueReady() {
        driver.init();
        driver.set(QUEUE_DESC_LOW, VirtioDriver.RAM - 64);
        driver.set(QUEUE_READY, 1);
        assertEquals(0xf | NEEDS_RESET, driver.get(STATUS_REG));
        assertTrue(driver.transport().errors().contains("Cannot map desc"));
    }

    @Test
    void aQueueMadeLargerAfterQueueReadyIsWhatQemuAbortsOn() {
        driver.init();
        for (int i = 0; i < QN; i++) {
            assertEquals(OK, driver.request(VirtioBlk.T_IN, 0, 0, true));
        }
        driver.set(QUEUE_NUM, 2 * QN);
        driver.offer(0);
        // The next entry is avail.ring[8], past the ring of 8 entries QEMU cached at QueueReady.
        GuestErrorException e = assertThrows(GuestErrorException.class, driver::kick);
        assertTrue(e.getMessage().contains("QEMU 7.2 aborts"), e.getMessage());
    }

    @Test
    void configSpaceFollowsQemu() {
        assertEquals(SECTORS, driver.mmio.read(config(4), 4), "big-endian before VERSION_1");
        driver.init();
        assertEquals(SECTORS, Integer.reverseBytes(driver.mmio.read(config(0), 4)));
        assertEquals(254, Integer.reverseBytes(driver.mmio.read(config(0x0c), 4)), "seg_max");
        assertEquals(0x0200_103f, driver.mmio.read(config(0x10), 4), "geometry: 2 cylinders, 16 heads, 63 sectors");
        assertEquals(512, Integer.reverseBytes(driver.mmio.read(config(0x14), 4)));
        assertEquals(0, driver.mmio.read(config(0x20), 1), "wce 0: FLUSH not negotiated");
        assertEquals(1, driver.mmio.read(config(0x22), 1), "num_queues");
        driver.mmio.write(config(0x20), 1, 1);
        assertEquals(1, driver.mmio.read(config(0x20), 1), "wce is writable");
        driver.set(STATUS_REG, 0);
        assertEquals(1, driver.mmio.read(config(0x20), 1), "a reset turns the cache back on");
        driver.init(VERSION_1 | 1L << VirtioBlk.F_FLUSH);
        assertEquals(1, driver.mmio.read(config(0x20), 1), "with FLUSH negotiated it stays on");
    }

    @Test
    void aConfigWriteBeforeAnyReadTurnsTheCacheOff() {
        driver.mmio.write(config(0), 1, 0);
        assertEquals(0, driver.mmio.read(config(0x20), 1), "QEMU hands back config space as last read: all zeros");
    }

    @Test
    void theGeometryComesFromThePartitionTable() throws IOException {
        byte[] bytes = new byte[2048 * SECTOR];
        bytes[510] = 0x55;
        bytes[511] = (byte) 0xaa;
        int entry = 0x1be;
        bytes[entry + 5] = 3;
        bytes[entry + 6] = 32;
        bytes[entry + 12] = 100;
        Path mbr = dir.resolve("mbr.img");
        Files.write(mbr, bytes);
        try (DiskFile partitioned = DiskFile.open(mbr, true)) {
            VirtioDriver withTable = new VirtioDriver(Optional.of(partitioned));
            withTable.init();
            assertEquals(0x1000_0420, withTable.mmio.read(config(0x10), 4),
                    "2048 / (4 * 32) = 16 cylinders, 4 heads, 32 sectors");
        }
    }

    private void assertBreaks(String error, Runnable spoil) {
        driver.init();
        driver.header(HEADER, VirtioBlk.T_IN, 0);
        driver.desc(0, HEADER, 16, NEXT, 1);
        driver.desc(1, DATA, SECTOR, NEXT | WRITE, 2);
        driver.desc(2, STATUS, 1, WRITE, 0);
        driver.ram.write8(STATUS, 0xee);
        driver.put(AVAIL + 4, 2, 0);
        driver.put(AVAIL + 2, 2, 1);
        spoil.run();
        driver.kick();
        assertEquals(0xf | NEEDS_RESET, driver.get(STATUS_REG), error);
        assertEquals(0, driver.usedIdx(), error);
        assertEquals(0xee, driver.ram.read8(STATUS), error);
        assertTrue(driver.transport().broken(), error);
        assertEquals(error, driver.transport().errors().get(driver.transport().errors().size() - 1));
    }

    private void range(long sector, long count, int flags) {
        driver.put(DATA, 8, sector);
        driver.put(DATA + 8, 4, count);
        driver.put(DATA + 12, 4, flags);
    }

    private void putTableEntry(long at, long address, int length, int flags, int next) {
        driver.put(at, 8, address);
        driver.put(at + 8, 4, length);
        driver.put(at + 12, 2, flags);
        driver.put(at + 14, 2, next);
    }

    /** Offset of config field {@code offset} of transport 127 in the virtio region. */
    private static int config(int offset) {
        return VirtioMmio.STRIDE * VirtioMmio.DISK_TRANSPORT + CONFIG + offset;
    }

    private static byte[] sector(int fill) {
        byte[] bytes = new byte[SECTOR];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    private static byte[] contents() {
        byte[] bytes = new byte[SECTORS * SECTOR];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i / SECTOR + 1);
        }
        return bytes;
    }
}
