package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guest RAM is shared with Java both ways, big-endian, bounds-checked, and code written by Java runs as written. */
class NativeRamTest {
    private static final String COPY_AND_STORE = """
                .globl _start
            _start:
                move.l 0x8000,d0
                move.l #0x11223344,0x8004
                move.w #0x5566,0x8008
                move.b #0x77,0x800a
                stop #0x2700
            """;

    @TempDir
    Path dir;

    @Test
    void guestSeesJavaWritesAndJavaSeesGuestWrites() throws Exception {
        try (Machine machine = Machine.boot(dir, COPY_AND_STORE)) {
            machine.ram.write32(0x8000, 0xdeadbeef);
            machine.cpu.run(100);
            assertEquals(0xdeadbeef, machine.cpu.get(Register.D0));
            assertEquals(0x11223344, machine.ram.read32(0x8004));
            assertEquals(0x5566, machine.ram.read16(0x8008));
            assertEquals(0x77, machine.ram.read8(0x800a));
        }
    }

    @Test
    void valuesAreBigEndian() {
        try (UnicornCpu cpu = UnicornCpu.open()) {
            NativeRam ram = cpu.mapRam(0x10000, 0x1000);
            ram.write32(0x10000, 0x01020304);
            assertEquals(0x01, ram.read8(0x10000));
            assertEquals(0x0304, ram.read16(0x10002));
            ram.write16(0x10004, 0xfffe);
            ram.write8(0x10006, 0x1ff);
            assertEquals(0xfffeff00, ram.read32(0x10004));
        }
    }

    @Test
    void bulkCopiesMoveBytesBothWays() {
        try (UnicornCpu cpu = UnicornCpu.open()) {
            NativeRam ram = cpu.mapRam(0x20000, 0x2000);
            byte[] message = "hello, guest".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            ram.write(0x20ffa, message, 0, message.length);
            byte[] back = new byte[message.length];
            ram.read(0x20ffa, back, 0, back.length);
            assertArrayEquals(message, back);
            assertEquals('h', ram.read8(0x20ffa));
            byte[] part = new byte[4];
            ram.read(0x20ffa + 7, part, 1, 3);
            assertArrayEquals(new byte[] {0, 'g', 'u', 'e'}, part);
        }
    }

    @Test
    void accessesOutsideTheBlockAreRefused() {
        try (UnicornCpu cpu = UnicornCpu.open()) {
            NativeRam ram = cpu.mapRam(0x4000, 0x1000);
            assertEquals(0x4000, ram.base());
            assertEquals(0x1000, ram.size());
            assertTrue(ram.contains(0x4ffc, 4));
            assertFalse(ram.contains(0x4ffd, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> ram.read32(0x4ffe));
            assertThrows(IndexOutOfBoundsException.class, () -> ram.write8(0x3fff, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> ram.write(0x4ff0, new byte[32], 0, 32));
            assertThrows(IndexOutOfBoundsException.class, () -> ram.read(0x4000, new byte[4], 2, 4));
        }
    }

    @Test
    void newRamIsZero() {
        try (UnicornCpu cpu = UnicornCpu.open()) {
            NativeRam ram = cpu.mapRam(0, 0x100000);
            assertEquals(0, ram.read32(0));
            assertEquals(0, ram.read32(0xffffc));
        }
    }

    @Test
    void codeRewrittenFromJavaRunsAsRewritten() throws Exception {
        try (Machine machine = Machine.boot(dir, """
                    .globl _start
                _start:
                    moveq #1,d0
                    stop #0x2700
                """)) {
            machine.cpu.run(100);
            assertEquals(1, machine.cpu.get(Register.D0));
            machine.ram.write16(machine.symbol("_start"), 0x7005); // moveq #5,d0
            machine.restart();
            machine.cpu.run(100);
            assertEquals(5, machine.cpu.get(Register.D0));
        }
    }

    @Test
    void memoryCannotBeUsedAfterTheCpuIsClosed() {
        UnicornCpu cpu = UnicornCpu.open();
        NativeRam ram = cpu.mapRam(0, 0x1000);
        cpu.close();
        assertThrows(IllegalStateException.class, () -> ram.read8(0));
        assertThrows(IllegalStateException.class, () -> ram.write32(0, 1));
    }
}
