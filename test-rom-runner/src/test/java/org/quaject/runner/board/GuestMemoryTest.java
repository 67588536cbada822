package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quaject.runner.device.GuestMemory;

class GuestMemoryTest {
    private final GuestMemory ram = new ArrayGuestMemory(0x100);

    @Test
    void valuesAreBigEndian() {
        ram.write32(0x10, 0x1234_5678);
        byte[] bytes = new byte[4];
        ram.read(0x10, bytes, 0, 4);
        assertArrayEquals(new byte[] {0x12, 0x34, 0x56, 0x78}, bytes);
        assertEquals(0x1234, ram.read16(0x10));
        assertEquals(0x78, ram.read8(0x13));

        ram.write16(0x20, 0xffff_abcd);
        ram.write8(0x22, 0x1ef);
        assertEquals(0xabcd_ef00, ram.read32(0x20));
        assertEquals(0xabcd, ram.read16(0x20), "16-bit reads are unsigned");
        assertEquals(0xef, ram.read8(0x22), "8-bit reads are unsigned");
    }

    @Test
    void containsOnlyWhatLiesWithinRam() {
        assertTrue(ram.contains(0, 0x100));
        assertTrue(ram.contains(0xff, 1));
        assertTrue(ram.contains(0x100, 0));
        assertFalse(ram.contains(0xff, 2));
        assertFalse(ram.contains(-1, 1));
        assertFalse(ram.contains(0, 0x101));
        assertFalse(ram.contains(Long.MAX_VALUE, 2), "no overflow");
    }

    @Test
    void bytesOutsideRamAreRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> ram.read32(0xfe));
        assertThrows(IndexOutOfBoundsException.class, () -> ram.write8(0x100, 0));
    }
}
