package org.quaject.runner.board;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quaject.runner.device.GuestErrorException;
import org.quaject.runner.device.GuestMemory;
import org.quaject.runner.device.InterruptLine;

/** goldfish-tty, register by register (board-virt68030.md, goldfish-tty). */
class GoldfishTtyTest {
    private static final int PUT_CHAR = 0x00;
    private static final int BYTES_READY = 0x04;
    private static final int CMD = 0x08;
    private static final int DATA_PTR = 0x10;
    private static final int DATA_LEN = 0x14;
    private static final int DATA_PTR_HIGH = 0x18;
    private static final int VERSION = 0x20;
    private static final int INT_DISABLE = 0;
    private static final int INT_ENABLE = 1;
    private static final int WRITE_BUFFER = 2;
    private static final int READ_BUFFER = 3;
    private static final int RAM_SIZE = 0x1000;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final GuestMemory ram = new ArrayGuestMemory(RAM_SIZE);
    private final List<Boolean> driven = new ArrayList<>();
    private final InterruptLine line = new InterruptLine(driven::add);
    private final GoldfishTty tty = new GoldfishTty("goldfish-tty", 0xff00_8000L, line, ram, console);

    @Test
    void putCharPrintsTheLowByte() {
        write(PUT_CHAR, 'H');
        write(PUT_CHAR, 0x1200 | 'i');
        write(PUT_CHAR, 0xff);
        assertArrayEquals(new byte[] {'H', 'i', (byte) 0xff}, console.toByteArray());
    }

    @Test
    void versionIsOne() {
        assertEquals(1, read(VERSION));
    }

    @Test
    void writeBufferPrintsFromGuestMemory() {
        byte[] text = "hello, world\n".repeat(30).getBytes(ISO_8859_1);
        ram.write(0x200, text, 0, text.length);
        buffer(0x200, text.length);
        write(CMD, WRITE_BUFFER);
        assertArrayEquals(text, console.toByteArray(), "longer than QEMU's 128-byte pieces");

        console.reset();
        buffer(0x200, 5);
        write(CMD, WRITE_BUFFER);
        write(CMD, WRITE_BUFFER);
        assertEquals("hellohello", text(), "the pointer and length stay as written");
    }

    @Test
    void dataPtrClearsTheHighHalf() {
        ram.write8(0x10, 'x');
        write(DATA_PTR_HIGH, 1);
        write(DATA_PTR, 0x10);
        write(DATA_LEN, 1);
        write(CMD, WRITE_BUFFER);
        assertEquals("x", text(), "DATA_PTR written last: the high half is 0");

        write(DATA_PTR_HIGH, 1);
        GuestErrorException error = assertThrows(GuestErrorException.class, () -> write(CMD, WRITE_BUFFER));
        assertTrue(error.getMessage().contains("0x100000010"), error.getMessage());
    }

    @Test
    void writeBufferOutsideRamIsAGuestError() {
        buffer(RAM_SIZE - 4, 5);
        GuestErrorException error = assertThrows(GuestErrorException.class, () -> write(CMD, WRITE_BUFFER));
        assertEquals("goldfish-tty WRITE_BUFFER: the buffer at 0xffc, 5 bytes, is not all RAM (RAM ends at 0x1000)",
                error.getMessage());
        assertEquals(0, console.size(), "nothing printed");

        buffer(0x10, 0x8000_0000);
        error = assertThrows(GuestErrorException.class, () -> write(CMD, WRITE_BUFFER));
        assertTrue(error.getMessage().contains("2147483648 is 2 GiB or more"), error.getMessage());
    }

    @Test
    void emptyBuffersDoNothingWhereverTheyPoint() {
        buffer(0xffff_0000, 0);
        write(CMD, WRITE_BUFFER);
        tty.hostInput(bytes("ab"));
        write(CMD, READ_BUFFER);
        assertEquals(0, console.size());
        assertEquals(2, read(BYTES_READY));
    }

    @Test
    void bytesReadyCountsInputUpToTheFifoSize() {
        assertEquals(0, read(BYTES_READY));
        tty.hostInput(bytes("abc"));
        assertEquals(3, read(BYTES_READY));
        tty.hostInput(new byte[200]);
        assertEquals(128, read(BYTES_READY), "QEMU's GOLDFISH_TTY_BUFFER_SIZE");
        assertEquals(128, tty.bytesReady());
        assertEquals(75, tty.hostBacklog(), "the host keeps the rest");
    }

    @Test
    void readBufferCopiesWaitingBytesIntoGuestMemory() {
        tty.hostInput(bytes("input"));
        buffer(0x300, 3);
        write(CMD, READ_BUFFER);
        assertEquals("inp", ramText(0x300, 3));
        assertEquals(2, read(BYTES_READY));
        buffer(0x303, 2);
        write(CMD, READ_BUFFER);
        assertEquals("input", ramText(0x300, 5));
        assertEquals(0, read(BYTES_READY));
        assertEquals(0, ram.read8(0x305), "nothing past DATA_LEN");
    }

    @Test
    void readBufferWithTheFifoEmptyCopiesNothing() {
        ram.write8(0x300, '#');
        buffer(0x300, 5);
        write(CMD, READ_BUFFER);
        assertEquals('#', ram.read8(0x300), "QEMU 7.2 copies nothing and does not abort");
    }

    @Test
    void readBufferAskingForMoreThanIsWaitingIsAGuestError() {
        tty.hostInput(bytes("ab"));
        buffer(0x300, 3);
        GuestErrorException error = assertThrows(GuestErrorException.class, () -> write(CMD, READ_BUFFER));
        assertEquals("goldfish-tty READ_BUFFER: DATA_LEN 3 but only 2 bytes waiting; QEMU 7.2 aborts on this"
                + " (assertion in fifo8_pop_buf). Read BYTES_READY first and ask for at most that many",
                error.getMessage());
        assertEquals(2, read(BYTES_READY), "nothing taken");
        assertEquals(0, ram.read8(0x300), "nothing copied");

        buffer(0x300, -1);
        assertThrows(GuestErrorException.class, () -> write(CMD, READ_BUFFER), "DATA_LEN is unsigned");
    }

    @Test
    void readBufferOutsideRamIsAGuestError() {
        tty.hostInput(bytes("ab"));
        buffer(RAM_SIZE - 1, 2);
        GuestErrorException error = assertThrows(GuestErrorException.class, () -> write(CMD, READ_BUFFER));
        assertTrue(error.getMessage().startsWith("goldfish-tty READ_BUFFER: the buffer at 0xfff"), error.getMessage());
        assertEquals(2, read(BYTES_READY));
    }

    @Test
    void backlogRefillsTheFifoInOrderAsTheGuestReads() {
        byte[] input = new byte[1000];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i * 7);
        }
        tty.hostInput(input);
        byte[] received = new byte[input.length];
        int done = 0;
        while (done < input.length) {
            int waiting = read(BYTES_READY);
            int length = Math.min(waiting, 50);
            buffer(0x100, length);
            write(CMD, READ_BUFFER);
            ram.read(0x100, received, done, length);
            done += length;
        }
        assertArrayEquals(input, received);
        assertEquals(0, tty.hostBacklog());
        assertEquals(0, read(BYTES_READY));
    }

    @Test
    void lineIsHighWhileInterruptsAreEnabledAndInputWaits() {
        write(CMD, INT_ENABLE);
        assertFalse(line.isHigh(), "nothing waiting");
        tty.hostInput(bytes("xy"));
        assertTrue(line.isHigh());

        buffer(0x100, 1);
        write(CMD, READ_BUFFER);
        assertTrue(line.isHigh(), "one byte still waits");
        write(CMD, READ_BUFFER);
        assertFalse(line.isHigh(), "the FIFO is empty");

        tty.hostInput(bytes("z"));
        assertTrue(line.isHigh());
        write(CMD, INT_DISABLE);
        assertFalse(line.isHigh(), "disabled");
        write(CMD, INT_ENABLE);
        assertTrue(line.isHigh(), "enabled with input waiting");
    }

    @Test
    void inputWhileDisabledLeavesTheLineAlone() {
        tty.hostInput(bytes("a"));
        write(CMD, INT_DISABLE);
        buffer(0x100, 1);
        write(CMD, READ_BUFFER);
        assertTrue(driven.isEmpty());
    }

    @Test
    void lineIsDrivenWhenQemuDrivesIt() {
        write(CMD, INT_ENABLE);
        tty.hostInput(bytes("a"));
        tty.hostInput(bytes("b"));
        assertEquals(List.of(true, true), driven, "each arrival while enabled drives the line again");
        write(CMD, INT_ENABLE);
        assertEquals(2, driven.size(), "enabling again changes nothing");
        buffer(0x100, 2);
        write(CMD, READ_BUFFER);
        write(CMD, INT_DISABLE);
        assertEquals(List.of(true, true, false), driven, "disabling with nothing waiting leaves it low");
    }

    @Test
    void readBufferRefillsFromTheBacklogAndRaisesTheLineAgain() {
        write(CMD, INT_ENABLE);
        tty.hostInput(new byte[130]);
        buffer(0x100, 128);
        write(CMD, READ_BUFFER);
        assertEquals(2, read(BYTES_READY));
        assertTrue(line.isHigh());
        assertEquals(List.of(true, false, true), driven, "emptied, then the backlog arrived");
    }

    @Test
    void otherCommandsAndUnknownOffsetsAreIgnored() {
        tty.hostInput(bytes("a"));
        write(CMD, 4);
        write(CMD, -1);
        write(0x0c, 1);
        write(0x1c, 1);
        assertEquals(0, read(0x0c));
        assertEquals(0, read(PUT_CHAR), "write-only registers read 0");
        assertEquals(0, read(DATA_PTR));
        assertEquals(0, read(DATA_LEN));
        write(BYTES_READY, 0);
        write(VERSION, 5);
        assertEquals(1, read(BYTES_READY));
        assertEquals(1, read(VERSION));
        assertTrue(driven.isEmpty());
        assertEquals(0, console.size());
    }

    @Test
    void aFailingConsoleIsReportedUnchecked() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("pipe closed");
            }
        };
        GoldfishTty failing = new GoldfishTty("goldfish-tty", 0xff00_8000L, line, ram, broken);
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> failing.write(PUT_CHAR, 4, 'a'));
        assertEquals("pipe closed", error.getCause().getMessage());
    }

    private void buffer(long address, int length) {
        write(DATA_PTR, (int) address);
        write(DATA_LEN, length);
    }

    private int read(int offset) {
        return tty.read(offset, 4);
    }

    private void write(int offset, int value) {
        tty.write(offset, 4, value);
    }

    private String text() {
        return console.toString(ISO_8859_1);
    }

    private String ramText(long address, int length) {
        byte[] bytes = new byte[length];
        ram.read(address, bytes, 0, length);
        return new String(bytes, ISO_8859_1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(ISO_8859_1);
    }
}
