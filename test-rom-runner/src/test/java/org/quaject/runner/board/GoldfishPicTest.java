package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** goldfish-pic, register by register (board-virt68030.md, goldfish-pic). */
class GoldfishPicTest {
    private static final int STATUS = 0x00;
    private static final int IRQ_PENDING = 0x04;
    private static final int IRQ_DISABLE_ALL = 0x08;
    private static final int DISABLE = 0x0c;
    private static final int ENABLE = 0x10;

    private final GoldfishPic pic = new GoldfishPic("goldfish-pic #1", 0xff00_0000L);

    @Test
    void startsWithNothingPendingOrEnabled() {
        assertEquals(0, read(STATUS));
        assertEquals(0, read(IRQ_PENDING));
        assertFalse(pic.asserted());
        assertEquals(0x24, pic.size());
        assertEquals(0xff00_0000L, pic.base());
    }

    @Test
    void irqNumberKIsBitKMinusOne() {
        write(ENABLE, 0xffff_ffff);
        pic.input(1).set(true);
        assertEquals(0x0000_0001, read(IRQ_PENDING));
        pic.input(1).set(false);
        pic.input(32).set(true);
        assertEquals(0x8000_0000, read(IRQ_PENDING));
        assertThrows(IllegalArgumentException.class, () -> pic.input(0));
        assertThrows(IllegalArgumentException.class, () -> pic.input(33));
    }

    @Test
    void aPendingLineCountsOnlyWhileEnabled() {
        pic.input(3).set(true);
        assertEquals(0, read(IRQ_PENDING), "IRQ_PENDING is pending & enabled");
        assertEquals(0, read(STATUS));
        assertFalse(pic.asserted());

        write(ENABLE, 0b100);
        assertEquals(0b100, read(IRQ_PENDING), "the line was pending all along");
        assertEquals(1, read(STATUS));
        assertTrue(pic.asserted());

        write(DISABLE, 0b100);
        assertEquals(0, read(IRQ_PENDING));
        assertFalse(pic.asserted());
    }

    @Test
    void enableAndDisableChangeOnlyTheBitsWritten() {
        for (int irq = 1; irq <= 4; irq++) {
            pic.input(irq).set(true);
        }
        write(ENABLE, 0b0011);
        write(ENABLE, 0b1100);
        assertEquals(0b1111, read(IRQ_PENDING), "ENABLE adds to the enabled lines");
        write(DISABLE, 0b0101);
        assertEquals(0b1010, read(IRQ_PENDING), "DISABLE removes only its bits");
        assertEquals(2, read(STATUS), "STATUS counts the lines pending and enabled");
    }

    @Test
    void pendingFollowsTheLineLevel() {
        write(ENABLE, 0b10);
        pic.input(2).set(true);
        assertTrue(pic.asserted());
        pic.input(2).set(false);
        assertEquals(0, read(IRQ_PENDING), "a device that lowers its line clears its bit");
        assertFalse(pic.asserted());
        pic.input(2).set(false);
        assertFalse(pic.asserted());
    }

    @Test
    void disableAllClearsEnabledAndPendingEvenWhileLinesStayHigh() {
        write(ENABLE, 0b11);
        pic.input(1).set(true);
        pic.input(2).set(true);
        assertEquals(2, read(STATUS));

        write(IRQ_DISABLE_ALL, 0);
        assertEquals(0, read(IRQ_PENDING));
        assertFalse(pic.asserted());

        // QEMU 7.2, checked with the TTY: enabling again shows nothing until
        // the device drives its line again.
        write(ENABLE, 0xffff_ffff);
        assertEquals(0, read(IRQ_PENDING));
        pic.input(2).set(true);
        assertEquals(0b10, read(IRQ_PENDING));
    }

    @Test
    void readOnlyAndWriteOnlyRegistersIgnoreTheOtherDirection() {
        pic.input(1).set(true);
        write(STATUS, 0xffff_ffff);
        write(IRQ_PENDING, 0xffff_ffff);
        assertEquals(0, read(IRQ_PENDING), "writes to the read-only registers enable nothing");
        write(ENABLE, 1);
        assertEquals(0, read(ENABLE), "the write-only registers read 0");
        assertEquals(0, read(DISABLE));
        assertEquals(0, read(IRQ_DISABLE_ALL));
        assertEquals(1, read(IRQ_PENDING), "and reading them changes nothing");
    }

    @Test
    void unknownOffsetsReadZeroAndIgnoreWrites() {
        pic.input(1).set(true);
        write(ENABLE, 1);
        for (int offset = 0x14; offset < 0x24; offset += 4) {
            write(offset, 0);
            assertEquals(0, read(offset));
        }
        assertEquals(1, read(IRQ_PENDING));
    }

    private int read(int offset) {
        return pic.read(offset, 4);
    }

    private void write(int offset, int value) {
        pic.write(offset, 4, value);
    }
}
