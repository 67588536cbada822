package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.device.InterruptLine;

/**
 * The 128 virtio-mmio transports' registers by address, as the CPU sees
 * them (board-virt68030.md, "virtio-mmio"; values checked against QEMU 7.2
 * by the virtio_transports fixture): little-endian and unswapped, so a
 * {@code move.l} of MagicValue reads {@code 0x76697274}.
 */
class VirtioMmioTest {
    private static final int RAW_MAGIC = 0x7669_7274;
    private static final int RAW_VERSION = 0x0200_0000;
    private static final int RAW_VENDOR = 0x5145_4d55;

    @TempDir
    Path dir;
    private DiskFile disk;

    @AfterEach
    void closeDisk() throws IOException {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void everyTransportWithoutADeviceSaysVirtVersionTwoAndNoDevice() {
        VirtioMmio mmio = new VirtioMmio(n -> new InterruptLine(high -> { }), new ArrayGuestMemory(0x1000),
                Optional.empty());
        for (int n = 0; n < VirtioMmio.TRANSPORTS; n++) {
            int at = n * VirtioMmio.STRIDE;
            assertEquals(RAW_MAGIC, mmio.read(at, 4), "transport " + n);
            assertEquals(RAW_VERSION, mmio.read(at + 0x004, 4), "transport " + n);
            assertEquals(0, mmio.read(at + 0x008, 4), "transport " + n);
            assertEquals(RAW_VENDOR, mmio.read(at + 0x00c, 4), "transport " + n);
            for (int offset = 0x010; offset < VirtioMmio.STRIDE; offset += 4) {
                assertEquals(0, mmio.read(at + offset, 4), String.format("transport %d offset 0x%x", n, offset));
            }
        }
        assertEquals(0x1_0000, mmio.size());
        assertEquals(0xff01_0000L, mmio.base());
        assertEquals(0xff01_fe00L, VirtioMmio.address(VirtioMmio.DISK_TRANSPORT));
        assertTrue(mmio.disk().isEmpty());
    }

    @Test
    void withoutADeviceNarrowReadsGiveTheRegistersLowBytes() {
        VirtioMmio mmio = new VirtioMmio(n -> new InterruptLine(high -> { }), new ArrayGuestMemory(0x1000),
                Optional.empty());
        assertEquals(0x76, mmio.read(0, 1));
        assertEquals(0, mmio.read(1, 1));
        assertEquals(0x7669, mmio.read(0, 2));
        assertEquals(0, mmio.read(2, 2));
        assertEquals(0x0200, mmio.read(4, 2));
        assertEquals(0x51, mmio.read(0xc, 1), "VendorID's low byte, 'Q'");
    }

    @Test
    void withoutADeviceWritesAreIgnored() {
        VirtioMmio mmio = new VirtioMmio(n -> new InterruptLine(high -> { }), new ArrayGuestMemory(0x1000),
                Optional.empty());
        for (int offset = 0; offset < VirtioMmio.STRIDE; offset += 4) {
            mmio.write(offset, 4, -1);
        }
        assertEquals(RAW_MAGIC, mmio.read(0, 4));
        assertEquals(0, mmio.read(0x070, 4));
        assertEquals(0, mmio.read(0x100, 4));
    }

    @Test
    void accessesOfOddSizesOrUnalignedOrPastTheRegionReadZero() {
        VirtioMmio mmio = new VirtioMmio(n -> new InterruptLine(high -> { }), new ArrayGuestMemory(0x1000),
                Optional.empty());
        assertEquals(0, mmio.read(0, 3));
        assertEquals(0, mmio.read(0, 8));
        assertEquals(0, mmio.read(2, 4));
        assertEquals(0, mmio.read(1, 2));
        assertEquals(0, mmio.read(VirtioMmio.SIZE, 4));
        assertEquals(0, mmio.read(-4, 4));
        mmio.write(VirtioMmio.SIZE, 4, 1);
    }

    @Test
    void theDiskIsAtTransport127AndTheOthersStayEmpty() throws IOException {
        VirtioDriver driver = driver();
        VirtioMmio mmio = driver.mmio;
        int at = VirtioMmio.STRIDE * VirtioMmio.DISK_TRANSPORT;
        assertEquals(RAW_MAGIC, mmio.read(at, 4));
        assertEquals(0x0200_0000, mmio.read(at + 0x008, 4), "DeviceID 2, little-endian");
        assertEquals(0, mmio.read(126 * VirtioMmio.STRIDE + 0x008, 4), "transport 126 has no device");
        assertTrue(mmio.disk().isPresent());
    }

    @Test
    void withADeviceRegistersTakeOnly32BitAccesses() throws IOException {
        VirtioDriver driver = driver();
        VirtioMmio mmio = driver.mmio;
        int at = VirtioMmio.STRIDE * VirtioMmio.DISK_TRANSPORT;
        assertEquals(0, mmio.read(at, 1), "a byte of MagicValue");
        assertEquals(0, mmio.read(at, 2), "a word of MagicValue");
        mmio.write(at + 0x070, 1, 1);
        mmio.write(at + 0x070, 2, 1);
        assertEquals(0, driver.get(VirtioDriver.STATUS_REG), "narrow Status writes do nothing");
        driver.set(VirtioDriver.STATUS_REG, 1);
        assertEquals(1, driver.get(VirtioDriver.STATUS_REG));
    }

    @Test
    void configSpaceReadsLikeMemoryAtAnyWidth() throws IOException {
        VirtioDriver driver = driver();
        driver.init();
        VirtioMmio mmio = driver.mmio;
        int config = VirtioMmio.STRIDE * VirtioMmio.DISK_TRANSPORT + 0x100;
        // capacity 3 sectors, little-endian: 03 00 00 00 00 00 00 00
        assertEquals(0x0300_0000, mmio.read(config, 4));
        assertEquals(0x0300, mmio.read(config, 2));
        assertEquals(0x03, mmio.read(config, 1));
        assertEquals(0, mmio.read(config + 1, 1));
        // blk_size 512: 00 02 00 00
        assertEquals(0x02, mmio.read(config + 0x15, 1));
        assertEquals(0x0002, mmio.read(config + 0x14, 2));
        assertEquals(0xff, mmio.read(config + VirtioBlk.CONFIG_LENGTH, 1), "past config space: all ones");
        assertEquals(0xffff, mmio.read(config + VirtioBlk.CONFIG_LENGTH - 1, 2), "a word that reaches past it");
        assertEquals(-1, mmio.read(config + 0xfc, 4));
    }

    @Test
    void onlyTheDisksLineIsDriven() throws IOException {
        List<Integer> driven = new ArrayList<>();
        disk = DiskFile.open(file(3 * 512), false);
        VirtioMmio mmio = new VirtioMmio(n -> new InterruptLine(high -> driven.add(n)), new ArrayGuestMemory(0x1000),
                Optional.of(new VirtioBlk(disk)));
        int at = VirtioMmio.STRIDE * VirtioMmio.DISK_TRANSPORT;
        mmio.write(at + 0x070, 4, 0);
        assertFalse(driven.isEmpty(), "a reset drives the line low");
        assertTrue(driven.stream().allMatch(n -> n == VirtioMmio.DISK_TRANSPORT));
    }

    private VirtioDriver driver() throws IOException {
        disk = DiskFile.open(file(3 * 512), false);
        return new VirtioDriver(Optional.of(disk));
    }

    private Path file(int bytes) throws IOException {
        Path file = dir.resolve("disk.img");
        Files.write(file, new byte[bytes]);
        return file;
    }
}
