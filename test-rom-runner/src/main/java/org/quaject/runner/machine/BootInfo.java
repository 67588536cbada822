package org.quaject.runner.machine;

import java.nio.charset.StandardCharsets;
import org.quaject.runner.board.GuestMemory;

/**
 * The Linux/m68k bootinfo records QEMU's virt machine writes just past the
 * loaded image, at {@code (end + 1) & ~1}: each record a 16-bit tag, a 16-bit
 * size (header included), then its data; tag 0 ends the list (Linux
 * {@code asm/bootinfo.h}). The runner writes the records the project's runtime
 * reads: the machine type, the memory, and the kernel command line.
 */
final class BootInfo {

    static final int BI_LAST = 0;
    static final int BI_MACHTYPE = 1;
    static final int BI_MEMCHUNK = 5;
    static final int BI_COMMAND_LINE = 7;
    /** Linux's MACH_VIRT, the value QEMU's virt machine reports. */
    static final int MACH_VIRT = 14;

    private BootInfo() {
    }

    /**
     * Writes the records after the image.
     *
     * @param imageEnd    the end of the highest loaded segment (memory size included)
     * @param commandLine the kernel command line, empty for none
     * @return the address just past the records
     */
    static long write(GuestMemory ram, long imageEnd, String commandLine) {
        long at = (imageEnd + 1) & ~1L;
        at = record(ram, at, BI_MACHTYPE, longs(MACH_VIRT));
        at = record(ram, at, BI_MEMCHUNK, longs(0, (int) ram.size()));
        if (!commandLine.isEmpty()) {
            byte[] text = commandLine.getBytes(StandardCharsets.US_ASCII);
            byte[] data = new byte[(text.length + 2) & ~1];
            System.arraycopy(text, 0, data, 0, text.length);
            at = record(ram, at, BI_COMMAND_LINE, data);
        }
        return record(ram, at, BI_LAST, new byte[0]);
    }

    private static long record(GuestMemory ram, long at, int tag, byte[] data) {
        ram.write16(at, tag);
        ram.write16(at + 2, 4 + data.length);
        ram.write(at + 4, data, 0, data.length);
        return at + 4 + data.length;
    }

    private static byte[] longs(int... values) {
        byte[] bytes = new byte[4 * values.length];
        for (int i = 0; i < values.length; i++) {
            for (int b = 0; b < 4; b++) {
                bytes[4 * i + b] = (byte) (values[i] >>> (24 - 8 * b));
            }
        }
        return bytes;
    }
}
