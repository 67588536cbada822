package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.device.Device;
import org.quaject.runner.device.DeviceContext;
import org.quaject.runner.device.DeviceModel;
import org.quaject.runner.device.DeviceProvider;
import org.quaject.runner.device.MmioDevice;
import org.quaject.runner.device.Placement;
import org.quaject.runner.device.TestProviders;
import org.quaject.runner.device.VirtioContext;
import org.quaject.runner.device.VirtioDevice;
import org.quaject.runner.device.VirtualClock;

/** Devices of plug-ins on the board: where they go, what they get, and what the board refuses. */
class PluginDevicesTest {
    private static final int PIC_ENABLE = 0x10;

    private final VirtualClock clock = new VirtualClock();
    private final ArrayGuestMemory ram = new ArrayGuestMemory(0x1000);

    private Virt68030Board board(DeviceProvider... plugins) {
        return new Virt68030Board(clock, ram, new ByteArrayOutputStream(), 0, Optional.empty(), Optional.empty(),
                List.of(plugins));
    }

    @Test
    void aFixedDeviceIsMappedAtItsAddressAmongTheBoardsOwn() {
        Virt68030Board board = board(new TestProviders.Scratch());
        Device scratch = board.devices().stream().filter(d -> d.base() == 0xff00_a000L).findFirst().orElseThrow();
        assertEquals("scratch", scratch.name());
        assertEquals(0x1234, scratch.read(0, 4));
        scratch.write(4, 4, 0xcafe);
        assertEquals(0xcafe, scratch.read(4, 4));
        assertEquals(Virt68030Board.PAGE, Virt68030Board.mappedSize(scratch));
        assertEquals(List.of(scratch), board.pluginDevices());
        List<Long> bases = board.devices().stream().map(Device::base).toList();
        assertEquals(bases.stream().sorted().toList(), bases, "address order");
    }

    @Test
    void aFixedDevicesEventsAndLineWorkAsTheBoardsOwn() {
        Virt68030Board board = board(new Ticking());
        board.pic(1).write(PIC_ENABLE, 4, 1 << 2);
        assertEquals(OptionalLong.of(5), board.nextEventAt(), "the device scheduled its tick");
        clock.advance(5);
        board.runDueEvents();
        assertEquals(1, board.interruptLevel(), "line 1:3 raised at level 1");
        assertEquals(OptionalLong.empty(), board.nextEventAt());
    }

    @Test
    void virtioDevicesTakeTheTransportsAfterTheDisk(@TempDir Path dir) throws IOException {
        Virt68030Board withoutDisk = board(new Virtio(90), new Virtio(91));
        assertEquals(90, withoutDisk.virtio().device(127).map(VirtioDevice::deviceId).orElseThrow());
        assertEquals(91, withoutDisk.virtio().device(126).map(VirtioDevice::deviceId).orElseThrow());
        assertEquals(0x5a00_0000, withoutDisk.virtio().read(127 * VirtioMmio.STRIDE + 8, 4), "DeviceID 90, swapped");

        Path file = Files.write(dir.resolve("disk.img"), new byte[4096]);
        try (DiskFile disk = DiskFile.open(file, false)) {
            Virt68030Board withDisk = new Virt68030Board(clock, ram, new ByteArrayOutputStream(), 0,
                    Optional.empty(), Optional.of(disk), List.of(new Virtio(90)));
            assertTrue(withDisk.virtio().disk().isPresent(), "the disk stays at 127");
            assertEquals(90, withDisk.virtio().device(126).map(VirtioDevice::deviceId).orElseThrow());
            assertFalse(withDisk.virtio().device(125).isPresent());
        }
    }

    @Test
    void aPlacementThatIsNotFreeIsRefusedWithTheType() {
        assertEquals("device fixed: line 6:1 is taken; free lines are 1:2 to 1:31 and 6:3 to 6:32",
                refusal(new Fixed(0xff00_a000L, 6, 1)));
        assertEquals("device fixed: line 5:7 is taken; free lines are 1:2 to 1:31 and 6:3 to 6:32",
                refusal(new Fixed(0xff00_a000L, 5, 7)), "the virtio transports' lines");
        assertEquals("device fixed: there is no line 7:1 (PICs 1 to 6, lines 1 to 32)",
                refusal(new Fixed(0xff00_a000L, 7, 1)));
        assertEquals("device fixed at 0xff009000 (8 bytes) overlaps virt-ctrl at 0xff009000",
                refusal(new Fixed(0xff00_9000L, 1, 3)));
        assertEquals("device fixed at 0xff011000 overlaps the virtio-mmio transports at 0xff010000",
                refusal(new Fixed(0xff01_1000L, 1, 3)));
        assertEquals("device fixed: its address 0xff00a100 is not on a 4 KiB page boundary",
                refusal(new Fixed(0xff00_a100L, 1, 3)));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> board(new TestProviders.Scratch(), new TestProviders.Scratch()));
        assertTrue(twice.getMessage().contains("line 1:2 is taken"), twice.getMessage());
    }

    @Test
    void aModelOfTheWrongKindIsRefused() {
        assertTrue(refusal(new Mismatched(Placement.nextVirtioTransport(), c -> new TestProviders.Scratch().create(c)))
                .startsWith("device mismatched goes behind a virtio-mmio transport, so its provider must create a"
                        + " VirtioDevice"));
        assertTrue(refusal(new Mismatched(Placement.fixed(0xff00_b000L, 1, 4), c -> new Virtio(1)))
                .startsWith("device mismatched has a fixed address, so its provider must create a Device"));
    }

    private String refusal(DeviceProvider provider) {
        return assertThrows(IllegalArgumentException.class, () -> board(provider)).getMessage();
    }

    /** A device at 0xff00a000, line 1:3, that raises its line 5 instructions after it is created. */
    private static final class Ticking extends Provider {
        Ticking() {
            super("ticking", Placement.fixed(0xff00_a000L, 1, 3));
        }

        @Override
        public DeviceModel create(DeviceContext context) {
            context.scheduler().afterInstructions(5, () -> context.interruptLine().set(true));
            return scratch(context);
        }
    }

    /** 8 bytes of registers that read 0, wherever placed. */
    private static final class Fixed extends Provider {
        Fixed(long base, int pic, int irq) {
            super("fixed", Placement.fixed(base, pic, irq));
        }

        @Override
        public DeviceModel create(DeviceContext context) {
            return scratch(context);
        }
    }

    private static final class Mismatched extends Provider {
        private final Function<DeviceContext, DeviceModel> model;

        Mismatched(Placement placement, Function<DeviceContext, DeviceModel> model) {
            super("mismatched", placement);
            this.model = model;
        }

        @Override
        public DeviceModel create(DeviceContext context) {
            return model.apply(context);
        }
    }

    private static Device scratch(DeviceContext context) {
        return new MmioDevice("scratch", context.base(), 8, MmioDevice.NarrowAccess.PASSED) {
            @Override
            protected int readRegister(int offset) {
                return 0;
            }

            @Override
            protected void writeRegister(int offset, int value) {
            }
        };
    }

    private abstract static class Provider implements DeviceProvider {
        private final String type;
        private final Placement placement;

        Provider(String type, Placement placement) {
            this.type = type;
            this.placement = placement;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String description() {
            return type;
        }

        @Override
        public Placement placement() {
            return placement;
        }

        @Override
        public List<String> qemuArguments() {
            return List.of();
        }
    }

    /** A virtio device with a device ID and nothing else. */
    private static final class Virtio implements VirtioDevice, DeviceProvider {
        private final int id;

        Virtio(int id) {
            this.id = id;
        }

        @Override
        public String name() {
            return "virtio-" + id;
        }

        @Override
        public int deviceId() {
            return id;
        }

        @Override
        public long features() {
            return 1L << 32;
        }

        @Override
        public int queueSize(int index) {
            return 8;
        }

        @Override
        public void queueNotified(VirtioContext transport, int index) {
        }

        @Override
        public void statusWritten(int status, long negotiated) {
        }

        @Override
        public void reset() {
        }

        @Override
        public String type() {
            return name();
        }

        @Override
        public String description() {
            return name();
        }

        @Override
        public Placement placement() {
            return Placement.nextVirtioTransport();
        }

        @Override
        public List<String> qemuArguments() {
            return List.of();
        }

        @Override
        public DeviceModel create(DeviceContext context) {
            return this;
        }
    }
}
