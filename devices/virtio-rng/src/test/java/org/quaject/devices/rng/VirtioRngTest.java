package org.quaject.devices.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.quaject.runner.board.Virt68030Board;
import org.quaject.runner.board.VirtioMmio;
import org.quaject.runner.device.DeviceProvider;
import org.quaject.runner.device.GuestMemory;
import org.quaject.runner.device.Placement;
import org.quaject.runner.device.VirtualClock;

/**
 * The model on the runner's board, driven through transport 127 as a guest
 * driver would: little-endian registers swapped, one split queue in RAM.
 */
class VirtioRngTest {
    private static final int T127 = VirtioMmio.STRIDE * 127;
    private static final long DESC = 0x1000;
    private static final long AVAIL = 0x2000;
    private static final long USED = 0x3000;
    private static final long DATA = 0x4000;

    @Test
    void theServiceFileNamesTheProvider() {
        List<DeviceProvider> found = ServiceLoader.load(DeviceProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size());
        DeviceProvider provider = found.get(0);
        assertEquals("virtio-rng", provider.type());
        assertEquals(Placement.nextVirtioTransport(), provider.placement());
        assertEquals(List.of("-device", "virtio-rng-device"), provider.qemuArguments());
    }

    @Test
    void itIsAnEntropyDeviceWithQemusFeatures() {
        Guest guest = new Guest();
        assertEquals(0x7472_6976, guest.get(0x000), "magic");
        assertEquals(4, guest.get(0x008), "device ID");
        guest.set(0x014, 0);
        assertEquals(0x3000_0000, guest.get(0x010), "RING_INDIRECT_DESC, RING_EVENT_IDX");
        guest.set(0x014, 1);
        assertEquals(0x101, guest.get(0x010), "VERSION_1, RING_RESET");
    }

    @Test
    void availableBuffersAreFilledAndReturnedWithTheirLength() {
        Guest guest = new Guest();
        guest.init();
        // One chain of two writable buffers, 10 and 6 bytes, then a chain of 40.
        guest.desc(0, DATA, 10, 1 | 2, 1);
        guest.desc(1, DATA + 0x100, 6, 2, 0);
        guest.desc(2, DATA + 0x200, 40, 2, 0);
        guest.offer(0, 0);
        guest.offer(1, 2);
        guest.set(0x050, 0);
        assertEquals(2, guest.ram.read16le(USED + 2), "both chains used");
        assertEquals(0, guest.ram.read32le(USED + 4));
        assertEquals(16, guest.ram.read32le(USED + 8), "the bytes written");
        assertEquals(2, guest.ram.read32le(USED + 12));
        assertEquals(40, guest.ram.read32le(USED + 16));
        assertEquals(1, guest.get(0x060), "the used-ring interrupt");
        byte[] first = guest.ram.bytes(DATA, 10);
        byte[] forty = guest.ram.bytes(DATA + 0x200, 40);
        assertFalse(Arrays.equals(new byte[10], first));
        assertTrue(Arrays.equals(new byte[4], guest.ram.bytes(DATA + 10, 4)), "nothing past the buffer");
        assertEquals(0, guest.ram.bytes(DATA + 0x200 + 40, 1)[0], "nothing past the buffer");
        assertFalse(Arrays.equals(Arrays.copyOf(forty, 10), first), "later bytes are other bytes");
    }

    @Test
    void theBytesAreTheSameEveryRun() {
        byte[][] runs = new byte[2][];
        for (int run = 0; run < 2; run++) {
            Guest guest = new Guest();
            guest.init();
            guest.desc(0, DATA, 64, 2, 0);
            guest.offer(0, 0);
            guest.set(0x050, 0);
            runs[run] = guest.ram.bytes(DATA, 64);
        }
        assertArrayEquals(runs[0], runs[1]);
    }

    /** A guest with a 64 KiB RAM and the device at transport 127. */
    private static final class Guest {
        final Ram ram = new Ram(0x10000);
        final VirtioMmio mmio = new Virt68030Board(new VirtualClock(), ram, OutputStream.nullOutputStream(), 0,
                Optional.empty(), Optional.empty(), List.of(new VirtioRngProvider())).virtio();
        private int availIdx;

        int get(int offset) {
            return Integer.reverseBytes(mmio.read(T127 + offset, 4));
        }

        void set(int offset, int value) {
            mmio.write(T127 + offset, 4, Integer.reverseBytes(value));
        }

        /** Reset, VERSION_1, queue 0 of 8 entries at DESC, AVAIL and USED, DRIVER_OK. */
        void init() {
            set(0x070, 0);
            set(0x070, 3);
            set(0x024, 1);
            set(0x020, 1);
            set(0x070, 0xb);
            set(0x030, 0);
            set(0x038, 8);
            set(0x080, (int) DESC);
            set(0x090, (int) AVAIL);
            set(0x0a0, (int) USED);
            set(0x044, 1);
            set(0x070, 0xf);
            assertEquals(0xf, get(0x070));
        }

        void desc(int index, long address, int length, int flags, int next) {
            long at = DESC + 16L * index;
            ram.write32le(at, (int) address);
            ram.write32le(at + 4, 0);
            ram.write32le(at + 8, length);
            ram.write16le(at + 12, flags);
            ram.write16le(at + 14, next);
        }

        void offer(int slot, int head) {
            ram.write16le(AVAIL + 4 + 2L * slot, head);
            ram.write16le(AVAIL + 2, ++availIdx);
        }
    }

    private static final class Ram implements GuestMemory {
        private final byte[] bytes;

        Ram(int size) {
            bytes = new byte[size];
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public void read(long address, byte[] into, int offset, int length) {
            System.arraycopy(bytes, (int) address, into, offset, length);
        }

        @Override
        public void write(long address, byte[] from, int offset, int length) {
            System.arraycopy(from, offset, bytes, (int) address, length);
        }

        byte[] bytes(long address, int length) {
            return Arrays.copyOfRange(bytes, (int) address, (int) address + length);
        }

        int read16le(long address) {
            return (bytes[(int) address] & 0xff) | (bytes[(int) address + 1] & 0xff) << 8;
        }

        int read32le(long address) {
            return read16le(address) | read16le(address + 2) << 16;
        }

        void write16le(long address, int value) {
            bytes[(int) address] = (byte) value;
            bytes[(int) address + 1] = (byte) (value >>> 8);
        }

        void write32le(long address, int value) {
            write16le(address, value);
            write16le(address + 2, value >>> 16);
        }
    }
}
