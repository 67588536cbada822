package org.quaject.runner.machine;

/** The 16 conditions of Bcc, Scc and TRAPcc, evaluated on the condition codes (MC68030 UM table 3-19). */
final class Conditions {

    private static final int C = 1;
    private static final int V = 2;
    private static final int Z = 4;
    private static final int N = 8;

    private Conditions() {
    }

    /** Whether condition {@code cc} (0 = T ... 15 = LE) holds for the CCR bits in {@code sr}. */
    static boolean holds(int cc, int sr) {
        boolean c = (sr & C) != 0;
        boolean v = (sr & V) != 0;
        boolean z = (sr & Z) != 0;
        boolean n = (sr & N) != 0;
        return switch (cc & 15) {
            case 0 -> true;                 // T
            case 1 -> false;                // F
            case 2 -> !c && !z;             // HI
            case 3 -> c || z;               // LS
            case 4 -> !c;                   // CC
            case 5 -> c;                    // CS
            case 6 -> !z;                   // NE
            case 7 -> z;                    // EQ
            case 8 -> !v;                   // VC
            case 9 -> v;                    // VS
            case 10 -> !n;                  // PL
            case 11 -> n;                   // MI
            case 12 -> n == v;              // GE
            case 13 -> n != v;              // LT
            case 14 -> !z && n == v;        // GT
            default -> z || n != v;         // LE
        };
    }
}
