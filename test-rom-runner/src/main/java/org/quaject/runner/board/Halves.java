package org.quaject.runner.board;

/**
 * The two 32-bit halves of a 64-bit device value (RTC time and alarm, TTY
 * pointer), which 32-bit registers read and write one at a time; QEMU's
 * {@code deposit64} and shifts.
 */
final class Halves {
    private Halves() {
    }

    static int low(long value) {
        return (int) value;
    }

    static int high(long value) {
        return (int) (value >>> Integer.SIZE);
    }

    static long withLow(long value, int low) {
        return (value & 0xffff_ffff_0000_0000L) | Integer.toUnsignedLong(low);
    }

    static long withHigh(long value, int high) {
        return ((long) high << Integer.SIZE) | Integer.toUnsignedLong(low(value));
    }
}
