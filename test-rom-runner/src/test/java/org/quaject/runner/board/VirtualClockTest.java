package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.quaject.runner.QemuEngine;
import org.quaject.runner.device.VirtualClock;

class VirtualClockTest {
    /** QEMU's -icount shift: 128 ns per instruction. */
    private static final long NS = 1L << QemuEngine.ICOUNT_SHIFT;

    private final VirtualClock clock = new VirtualClock();

    @Test
    void timeIsInstructionsShiftedByTheIcountShift() {
        assertEquals(128, NS, "the figures below assume QemuEngine.ICOUNT_SHIFT = 7");
        assertEquals(0, clock.nanos());
        clock.advance(1);
        assertEquals(128, clock.nanos(), "QEMU: the image's first instruction reads TIME_LOW as 128");
        clock.advance(2);
        assertEquals(3, clock.instructions());
        assertEquals(384, clock.nanos(), "QEMU: its third reads 384");
        clock.advance(0);
        assertEquals(384, clock.nanos());
    }

    @Test
    void instructionsUntilATimeRoundUp() {
        clock.advance(10);
        // Deadlines measured on QEMU from instruction 10: 2048 ns is due after
        // instruction 16, 2049 after 17, 2047 after 16.
        assertEquals(6, clock.instructionsUntil(2048));
        assertEquals(7, clock.instructionsUntil(2049));
        assertEquals(6, clock.instructionsUntil(2047));
        assertEquals(1, clock.instructionsUntil(10 * NS + 1));
    }

    @Test
    void aTimeThatHasComeNeedsNoInstruction() {
        clock.advance(10);
        assertEquals(0, clock.instructionsUntil(10 * NS));
        assertEquals(0, clock.instructionsUntil(0));
        assertEquals(0, clock.instructionsUntil(Long.MIN_VALUE));
    }

    @Test
    void idlingMovesTimeToTheNanosecondWithoutInstructions() {
        clock.advance(11);
        // QEMU, CPU stopped, alarm due at 0xf4565 ns: the handler's first
        // instruction reads 0xf4565 + 128.
        clock.idleUntil(0xf4565);
        assertEquals(0xf4565, clock.nanos());
        assertEquals(11, clock.instructions());
        clock.advance(1);
        assertEquals(0xf4565 + NS, clock.nanos());
        assertEquals(1, clock.instructionsUntil(0xf4565 + 2 * NS - 1));
        clock.idleUntil(clock.nanos());
        assertEquals(0xf4565 + NS, clock.nanos(), "idling until now changes nothing");
    }

    @Test
    void timeNeverGoesBack() {
        clock.advance(5);
        assertThrows(IllegalArgumentException.class, () -> clock.idleUntil(5 * NS - 1));
        assertThrows(IllegalArgumentException.class, () -> clock.advance(-1));
        assertEquals(5 * NS, clock.nanos());
    }
}
