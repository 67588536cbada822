package org.quaject.runner.machine;

import java.nio.charset.StandardCharsets;
import org.quaject.runner.device.GuestMemory;

/**
 * The Linux/m68k bootinfo records QEMU's virt machine writes just past the
 * loaded image, at {@code (end + 1) & ~1}: each record a 16-bit tag, a 16-bit
 * size (header included), then its data; tag 0 ends the list (Linux
 * {@code asm/bootinfo.h}). The runner writes the records QEMU 7.2 writes, in
 * its order (hw/m68k/virt.c, checked by dumping them from a guest): a guest
 * that walks the whole list then executes as many instructions on both
 * engines, and its clock agrees with QEMU's from boot on. QEMU's random seed
 * is written as zeros, so that every run is the same run.
 */
final class BootInfo {

    static final int BI_LAST = 0;
    static final int BI_MACHTYPE = 1;
    static final int BI_MMUTYPE = 2;
    static final int BI_CPUTYPE = 3;
    static final int BI_FPUTYPE = 4;
    static final int BI_MEMCHUNK = 5;
    static final int BI_COMMAND_LINE = 7;
    static final int BI_RNG_SEED = 8;
    static final int BI_VIRT_QEMU_VERSION = 0x8000;
    static final int BI_VIRT_GF_PIC_BASE = 0x8001;
    static final int BI_VIRT_GF_RTC_BASE = 0x8002;
    static final int BI_VIRT_GF_TTY_BASE = 0x8003;
    static final int BI_VIRT_VIRTIO_BASE = 0x8004;
    static final int BI_VIRT_CTRL_BASE = 0x8005;
    /** Linux's MACH_VIRT, the value QEMU's virt machine reports. */
    static final int MACH_VIRT = 14;
    /** QEMU 7.2's virt machine reports a 68040 CPU, FPU and MMU whatever {@code -cpu} says. */
    static final int TYPE_68040 = 4;
    /** What QEMU 7.2.22 (Debian 12) reports: major << 24 | minor << 16 | micro << 8. */
    static final int QEMU_VERSION = 0x07021600;
    /** Each device's tag, base address and first Linux IRQ number, as QEMU 7.2 reports them. */
    private static final int[][] VIRT_DEVICES = {
        {BI_VIRT_GF_PIC_BASE, 0xff000000, 1},
        {BI_VIRT_GF_RTC_BASE, 0xff006000, 0xa8},
        {BI_VIRT_GF_TTY_BASE, 0xff008000, 0x27},
        {BI_VIRT_CTRL_BASE, 0xff009000, 8},
        {BI_VIRT_VIRTIO_BASE, 0xff010000, 0x28},
    };
    private static final int RNG_SEED_BYTES = 32;

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
        at = record(ram, at, BI_CPUTYPE, longs(TYPE_68040));
        at = record(ram, at, BI_FPUTYPE, longs(TYPE_68040));
        at = record(ram, at, BI_MMUTYPE, longs(TYPE_68040));
        at = record(ram, at, BI_MEMCHUNK, longs(0, (int) ram.size()));
        at = record(ram, at, BI_VIRT_QEMU_VERSION, longs(QEMU_VERSION));
        for (int[] device : VIRT_DEVICES) {
            at = record(ram, at, device[0], longs(device[1], device[2]));
        }
        // Always there, even empty: the text and its NUL, padded to 4 bytes as QEMU does.
        byte[] text = commandLine.getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[(text.length + 1 + 3) & ~3];
        System.arraycopy(text, 0, line, 0, text.length);
        at = record(ram, at, BI_COMMAND_LINE, line);
        // A 16-bit length, the seed, and padding to 4 bytes.
        byte[] seed = new byte[(2 + RNG_SEED_BYTES + 3) & ~3];
        seed[1] = RNG_SEED_BYTES;
        at = record(ram, at, BI_RNG_SEED, seed);
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
