package org.quaject.runner.cpu;

/**
 * The MC68030 registers a {@link Cpu} exposes, all 32 bits wide (MC68030
 * User's Manual, section 1.3, programming model). Values are raw bit patterns
 * in a Java {@code int}.
 */
public enum Register {
    D0, D1, D2, D3, D4, D5, D6, D7,
    A0, A1, A2, A3, A4, A5, A6,
    /** The active stack pointer: USP in user mode, ISP or MSP in supervisor mode as SR.M selects. */
    A7,
    PC,
    /**
     * The status register, condition codes included. Writing it acts like
     * MOVE to SR: when S or M change, A7 switches to the stack pointer they
     * select. The trace bits are kept, but the core raises no trace
     * exceptions.
     */
    SR,
    /** The user stack pointer, whether or not it is the active A7. */
    USP,
    /** The interrupt stack pointer (supervisor stack while SR.M is clear), whether or not it is the active A7. */
    ISP,
    /** The master stack pointer (supervisor stack while SR.M is set), whether or not it is the active A7. */
    MSP,
    /** The vector base register: where the exception vector table starts. */
    VBR;

    /** Dn for n = 0..7. */
    public static Register d(int n) {
        return values()[D0.ordinal() + checkIndex(n)];
    }

    /** An for n = 0..7. */
    public static Register a(int n) {
        return values()[A0.ordinal() + checkIndex(n)];
    }

    private static int checkIndex(int n) {
        if (n < 0 || n > 7) {
            throw new IllegalArgumentException("register number " + n + " is not 0..7");
        }
        return n;
    }
}
