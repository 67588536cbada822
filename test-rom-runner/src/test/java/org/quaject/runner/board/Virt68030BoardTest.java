package org.quaject.runner.board;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.board.VirtCtrl.Command;
import org.quaject.runner.device.Device;
import org.quaject.runner.device.VirtualClock;

/**
 * The board's map and wiring (board-virt68030.md, memory map and
 * interrupts), driven by address the way a guest drives it.
 */
class Virt68030BoardTest {
    private static final long PAGE = 0x1000;
    private static final long PIC1 = 0xff00_0000L;
    private static final long PIC5 = 0xff00_4000L;
    private static final long PIC6 = 0xff00_5000L;
    private static final long RTC0 = 0xff00_6000L;
    private static final long RTC1 = 0xff00_7000L;
    private static final long TTY = 0xff00_8000L;
    private static final long VIRT_CTRL = 0xff00_9000L;
    private static final int PIC_IRQ_PENDING = 0x04;
    private static final int PIC_DISABLE = 0x0c;
    private static final int PIC_ENABLE = 0x10;
    private static final int RTC_TIME_LOW = 0x00;
    private static final int RTC_ALARM_LOW = 0x08;
    private static final int RTC_IRQ_ENABLED = 0x10;
    private static final int RTC_CLEAR_INTERRUPT = 0x1c;
    private static final int TTY_PUT_CHAR = 0x00;
    private static final int TTY_CMD = 0x08;
    private static final int TTY_INT_ENABLE = 1;
    private static final int CTRL_CMD = 0x04;

    private final VirtualClock clock = new VirtualClock();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Virt68030Board board = new Virt68030Board(clock, new ArrayGuestMemory(0x1000), console, 0);

    @Test
    void devicesSitAtTheirAddresses() {
        List<String> map = board.devices().stream()
                .map(device -> String.format("%08x %-15s %x", device.base(), device.name(), device.size()))
                .toList();
        assertEquals(List.of(
                "ff000000 goldfish-pic #1 24",
                "ff001000 goldfish-pic #2 24",
                "ff002000 goldfish-pic #3 24",
                "ff003000 goldfish-pic #4 24",
                "ff004000 goldfish-pic #5 24",
                "ff005000 goldfish-pic #6 24",
                "ff006000 goldfish-rtc #0 24",
                "ff007000 goldfish-rtc #1 24",
                "ff008000 goldfish-tty    24",
                "ff009000 virt-ctrl       100",
                "ff010000 virtio-mmio     10000"), map);
        assertSame(board.virtio(), board.devices().get(board.devices().size() - 1),
                "the 128 virtio-mmio transports are one window");
    }

    @Test
    void withoutADiskEveryVirtioTransportIsEmpty() {
        assertTrue(board.virtio().disk().isEmpty());
        for (int n = 0; n < VirtioMmio.TRANSPORTS; n++) {
            assertEquals(0x7669_7274, board.virtio().read(n * VirtioMmio.STRIDE, 4), "MagicValue of transport " + n);
            assertEquals(0, board.virtio().read(n * VirtioMmio.STRIDE + 8, 4), "DeviceID of transport " + n);
        }
    }

    @Test
    void theDiskInterruptsAtLevelFiveThroughPicFiveIrq32(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("disk.img");
        Files.write(file, new byte[4096]);
        try (DiskFile disk = DiskFile.open(file, false)) {
            VirtioDriver driver = new VirtioDriver(Optional.empty());
            Virt68030Board withDisk = new Virt68030Board(clock, driver.ram, console, 0, Optional.empty(),
                    Optional.of(disk));
            VirtioMmio virtio = withDisk.virtio();
            assertTrue(virtio.disk().isPresent());
            int transport = VirtioMmio.STRIDE * VirtioMmio.DISK_TRANSPORT;
            assertEquals(0x0200_0000, virtio.read(transport + 0x008, 4), "DeviceID 2");
            // A request without data, as the guest makes it, in the rings VirtioDriver lays out in RAM.
            initialise(virtio, transport);
            driver.header(VirtioDriver.HEADER, VirtioBlk.T_IN, 0);
            driver.desc(0, VirtioDriver.HEADER, 16, VirtioDriver.NEXT, 1);
            driver.desc(1, VirtioDriver.STATUS, 1, VirtioDriver.WRITE, 0);
            driver.put(VirtioDriver.AVAIL + 2, 2, 1);
            write(withDisk, PIC5 + PIC_ENABLE, 0x8000_0000);
            assertEquals(0, withDisk.interruptLevel());
            virtio.write(transport + 0x050, 4, 0);
            assertEquals(5, withDisk.interruptLevel(), "transport 127: PIC 5, CPU level 5");
            assertEquals(0x8000_0000, read(withDisk, PIC5 + PIC_IRQ_PENDING), "IRQ #32");
            virtio.write(transport + 0x064, 4, Integer.reverseBytes(1));
            assertEquals(0, withDisk.interruptLevel(), "InterruptACK lowers it");
        }
    }

    /** Brings transport 127 of {@code virtio} up as VirtioDriver's init does, by address. */
    private static void initialise(VirtioMmio virtio, int transport) {
        int[][] writes = {{0x070, 0}, {0x070, 3}, {0x024, 1}, {0x020, 1}, {0x024, 0}, {0x020, 0}, {0x070, 0xb},
            {0x030, 0}, {0x038, VirtioDriver.QN}, {0x080, (int) VirtioDriver.DESC}, {0x090, (int) VirtioDriver.AVAIL},
            {0x0a0, (int) VirtioDriver.USED}, {0x044, 1}, {0x070, 0xf}};
        for (int[] write : writes) {
            virtio.write(transport + write[0], 4, Integer.reverseBytes(write[1]));
        }
    }

    @Test
    void consoleOutputAndPowerControlByAddress() {
        write(TTY + TTY_PUT_CHAR, 'o');
        write(TTY + TTY_PUT_CHAR, 'k');
        assertEquals("ok", console.toString(ISO_8859_1));
        assertEquals(Optional.empty(), board.virtCtrl().lastCommand());
        write(VIRT_CTRL + CTRL_CMD, 2);
        assertEquals(Optional.of(Command.HALT), board.virtCtrl().lastCommand());
    }

    @Test
    void ttyInputInterruptsAtLevelOne() {
        board.tty().hostInput("x".getBytes(ISO_8859_1));
        write(TTY + TTY_CMD, TTY_INT_ENABLE);
        assertEquals(0, board.interruptLevel(), "PIC 1 has IRQ #32 disabled");
        write(PIC1 + PIC_ENABLE, 0x8000_0000);
        assertEquals(1, board.interruptLevel());
        assertEquals(0x8000_0000, read(PIC1 + PIC_IRQ_PENDING), "IRQ #32");
    }

    @Test
    void rtcAlarmsInterruptAtLevelSix() {
        write(PIC6 + PIC_ENABLE, 0b11);
        write(RTC0 + RTC_IRQ_ENABLED, 1);
        write(RTC0 + RTC_ALARM_LOW, 0);
        assertEquals(6, board.interruptLevel());
        assertEquals(0b01, read(PIC6 + PIC_IRQ_PENDING), "RTC #0 is IRQ #1");

        write(RTC0 + RTC_CLEAR_INTERRUPT, 0);
        assertEquals(0, board.interruptLevel());
        write(RTC1 + RTC_IRQ_ENABLED, 1);
        write(RTC1 + RTC_ALARM_LOW, 0);
        assertEquals(0b10, read(PIC6 + PIC_IRQ_PENDING), "RTC #1 is IRQ #2");
    }

    @Test
    void theHighestLevelWins() {
        board.tty().hostInput("x".getBytes(ISO_8859_1));
        write(TTY + TTY_CMD, TTY_INT_ENABLE);
        write(PIC1 + PIC_ENABLE, 0x8000_0000);
        write(PIC6 + PIC_ENABLE, 1);
        write(RTC0 + RTC_IRQ_ENABLED, 1);
        write(RTC0 + RTC_ALARM_LOW, 0);
        assertEquals(6, board.interruptLevel());
        write(PIC6 + PIC_DISABLE, 1);
        assertEquals(1, board.interruptLevel(), "level 1 shows once level 6 is masked at its PIC");
        write(PIC6 + PIC_ENABLE, 1);
        write(RTC0 + RTC_CLEAR_INTERRUPT, 0);
        assertEquals(1, board.interruptLevel());
    }

    @Test
    void bothRtcsTellTheSameTime() {
        Virt68030Board started = new Virt68030Board(clock, new ArrayGuestMemory(0x1000), console, 1_000);
        clock.advance(2);
        assertEquals(1_256, started.rtc(0).read(RTC_TIME_LOW, 4));
        assertEquals(1_256, started.rtc(1).read(RTC_TIME_LOW, 4));
    }

    @Test
    void theEarliestAlarmIsTheNextEvent() {
        assertEquals(OptionalLong.empty(), board.nextEventAt());
        write(PIC6 + PIC_ENABLE, 0b11);
        write(RTC0 + RTC_IRQ_ENABLED, 1);
        write(RTC1 + RTC_IRQ_ENABLED, 1);
        clock.advance(4);
        write(RTC0 + RTC_ALARM_LOW, 100 * 128);
        write(RTC1 + RTC_ALARM_LOW, 40 * 128 + 1);
        assertEquals(OptionalLong.of(41), board.nextEventAt());

        clock.advance(board.nextEventAt().getAsLong() - clock.instructions());
        board.runDueEvents();
        assertEquals(0b10, read(PIC6 + PIC_IRQ_PENDING), "RTC #1 fired, RTC #0 waits");
        assertEquals(OptionalLong.of(100), board.nextEventAt());
    }

    @Test
    void idlingJumpsToTheNextAlarm() {
        write(PIC6 + PIC_ENABLE, 1);
        write(RTC0 + RTC_IRQ_ENABLED, 1);
        clock.advance(10);
        write(RTC0 + RTC_ALARM_LOW, 1_000_037);
        assertTrue(board.idleUntilNextEvent());
        assertEquals(1_000_037, clock.nanos(), "to the nanosecond, as QEMU with sleep=off");
        assertEquals(10, clock.instructions());
        assertEquals(6, board.interruptLevel());
        assertFalse(board.idleUntilNextEvent(), "nothing else will ever happen");
        assertEquals(1_000_037, clock.nanos());
    }

    @Test
    void onlyExistingDevicesCanBeAskedFor() {
        assertThrows(IllegalArgumentException.class, () -> board.pic(0));
        assertThrows(IllegalArgumentException.class, () -> board.pic(7));
        assertThrows(IllegalArgumentException.class, () -> board.rtc(2));
    }

    private Device deviceAt(long address) {
        return deviceAt(board, address);
    }

    private static Device deviceAt(Virt68030Board board, long address) {
        return board.devices().stream()
                .filter(device -> address >= device.base() && address < device.base() + PAGE)
                .findFirst().orElseThrow(() -> new AssertionError(String.format("nothing at 0x%x", address)));
    }

    private int read(long address) {
        return read(board, address);
    }

    private void write(long address, int value) {
        write(board, address, value);
    }

    private static int read(Virt68030Board board, long address) {
        Device device = deviceAt(board, address);
        return device.read((int) (address - device.base()), 4);
    }

    private static void write(Virt68030Board board, long address, int value) {
        Device device = deviceAt(board, address);
        device.write((int) (address - device.base()), 4, value);
    }
}
