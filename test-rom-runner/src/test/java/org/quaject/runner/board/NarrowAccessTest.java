package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quaject.runner.board.VirtCtrl.Command;
import org.quaject.runner.device.VirtualClock;

/**
 * Accesses other than an aligned {@code move.l}, per device. Every expected
 * value was read on this machine from QEMU 7.2 running a probe image.
 */
class NarrowAccessTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final VirtualClock clock = new VirtualClock();
    private final Virt68030Board board = new Virt68030Board(clock, new ArrayGuestMemory(0x1000), console, 0);
    private final GoldfishPic pic = board.pic(1);
    private final GoldfishRtc rtc = board.rtc(0);
    private final GoldfishTty tty = board.tty();
    private final VirtCtrl ctrl = board.virtCtrl();

    @Test
    void ttyWidensNarrowWritesIntoTheTopBytes() {
        tty.write(0x00, 1, 'A');
        tty.write(0x03, 1, 'B');
        tty.write(0x02, 2, 0x4344);
        tty.write(0x00, 2, 0x0045);
        tty.write(0x00, 4, 'F');
        assertArrayEquals(new byte[] {0, 0, 'F'}, console.toByteArray(),
                "move.b/move.w to PUT_CHAR print a NUL; at offsets 2 and 3 nothing at all");
    }

    @Test
    void ttyWidensNarrowReadsFromTheTopBytes() {
        tty.hostInput(new byte[3]);
        assertEquals(1, tty.read(0x20, 4));
        assertEquals(0, tty.read(0x20, 1), "VERSION's top byte");
        assertEquals(0, tty.read(0x23, 1), "not a register's offset");
        assertEquals(0, tty.read(0x22, 2));
        assertEquals(0, tty.read(0x20, 2));
        assertEquals(3, tty.read(0x04, 4));
        assertEquals(0, tty.read(0x07, 1));
        assertEquals(0, tty.read(0x04, 1));
    }

    @Test
    void picWidensNarrowAccessesToo() {
        tty.hostInput(new byte[1]);
        tty.write(0x08, 4, 1);
        pic.write(0x10, 1, 0x80);
        assertEquals(0x8000_0000, pic.read(0x04, 4), "move.b #0x80 to ENABLE enabled IRQ #32");
        assertEquals(1, pic.read(0x00, 4));
        assertEquals(0x80, pic.read(0x04, 1), "IRQ_PENDING's top byte");
        assertEquals(0x8000, pic.read(0x04, 2));
        assertEquals(0, pic.read(0x07, 1));
        pic.write(0x0f, 1, 0xff);
        assertEquals(0x8000_0000, pic.read(0x04, 4), "a byte at DISABLE + 3 disables nothing");
    }

    @Test
    void rtcRefusesNarrowAccesses() {
        rtc.write(0x10, 4, 1);
        assertEquals(0, rtc.read(0x10, 1));
        assertEquals(0, rtc.read(0x12, 2));
        rtc.write(0x13, 1, 0);
        rtc.write(0x10, 2, 0);
        assertEquals(1, rtc.read(0x10, 4), "IRQ_ENABLED is still 1");
        clock.advance(1);
        assertEquals(0, rtc.read(0x00, 1), "TIME_LOW");
    }

    @Test
    void virtCtrlSeesNarrowAccessesAsTheyAre() {
        assertEquals(1, ctrl.read(0x00, 1), "FEATURES, byte at offset 0");
        assertEquals(1, ctrl.read(0x00, 2));
        assertEquals(0, ctrl.read(0x03, 1));
        ctrl.write(0x07, 1, 2);
        assertEquals(Optional.empty(), ctrl.lastCommand());
        ctrl.write(0x04, 1, 2);
        assertEquals(Optional.of(Command.HALT), ctrl.lastCommand(), "move.b #2 to CMD halts");
        ctrl.write(0x04, 2, 0x0103);
        assertEquals(Optional.of(Command.HALT), ctrl.lastCommand(), "0x103 is no command");
    }

    @Test
    void unalignedAndOddSizedAccessesAreRefused() {
        // The CPU splits unaligned accesses before a device sees them; one
        // that comes anyway is refused like any QEMU refuses.
        assertEquals(0, ctrl.read(0x02, 4));
        assertEquals(0, tty.read(0x21, 2));
        ctrl.write(0x02, 4, 0x0000_0002);
        assertEquals(0, ctrl.read(0x00, 8));
        assertEquals(0, ctrl.read(0x00, 3));
        assertEquals(0, ctrl.read(-4, 4));
        assertEquals(Optional.empty(), ctrl.lastCommand());
    }

    @Test
    void offsetsPastTheWindowReadZero() {
        assertEquals(0, tty.read(0x24, 4));
        assertEquals(0, tty.read(0x100, 4), "QEMU: unassigned up to the next device");
        assertEquals(0, tty.read(0xffc, 4));
        tty.write(0x100, 4, 'x');
        ctrl.write(0x104, 4, 2);
        assertEquals(0, console.size());
        assertEquals(Optional.empty(), ctrl.lastCommand());
        assertEquals(0, ctrl.read(0x100, 4));
    }
}
