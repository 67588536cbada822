package org.quaject.cli.bench;

import java.util.Locale;

/**
 * The machine Massalin's figures were measured on: H. Massalin, Synthesis: An
 * Efficient Implementation of Fundamental Operating System Services (Columbia
 * University, 1992), the Quamachine and the Sony NEWS 1860, both an MC68030
 * at 25 MHz, so that 1 us is 25 cycles.
 */
public final class Quamachine {

    /** The clock, in MHz: cycles a microsecond. */
    public static final int MHZ = 25;

    private Quamachine() {
    }

    /** The cycles of {@code micros} microseconds. */
    public static double cycles(double micros) {
        return micros * MHZ;
    }

    /**
     * A figure in cycles to one decimal, without it when it is whole: "55",
     * "152.5" (2.2 us x 25 is 55.000000000000007 in binary floating point).
     */
    public static String figure(double value) {
        double tenths = Math.round(value * 10) / 10.0;  // halves up: 606.25 is 606.3
        return tenths == Math.rint(tenths) ? String.format(Locale.ROOT, "%.0f", tenths)
                : String.format(Locale.ROOT, "%.1f", tenths);
    }
}
