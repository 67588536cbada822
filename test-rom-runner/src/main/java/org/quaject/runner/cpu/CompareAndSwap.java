package org.quaject.runner.cpu;

/**
 * Which opcode words are CAS and CAS2 (MC68030 User's Manual, section 4, and
 * the operation code map of section 3): CAS.B, CAS.W and CAS.L are
 * {@code 0x0ac0}, {@code 0x0cc0} and {@code 0x0ec0} with a memory alterable
 * effective address in the low six bits; CAS2.W and CAS2.L are {@code 0x0cfc}
 * and {@code 0x0efc}.
 */
final class CompareAndSwap {
    /** Bits that are the same in every CAS and CAS2 opcode, and their value; bits 10-9 are the size, never 00. */
    static final int FAMILY_MASK = 0xf9c0;
    static final int FAMILY = 0x08c0;
    private static final int SIZE_BITS = 0x0600;
    private static final int SIZE_BYTE = 0x0200;
    private static final int CAS2_EA = 0x3c;

    private CompareAndSwap() {
    }

    /**
     * Whether a word could be the opcode of a CAS or CAS2: what the block
     * scan looks for, whether the word starts an instruction or not. The
     * native hook tests the same bits ({@link NativeHooks}).
     */
    static boolean mayBe(int word) {
        return (word & FAMILY_MASK) == FAMILY && (word & SIZE_BITS) != 0;
    }

    /** Whether {@code opcode}, the first word of an instruction, is a CAS or CAS2. */
    static boolean is(int opcode) {
        if (!mayBe(opcode)) {
            return false;
        }
        int ea = opcode & 0x3f;
        if (ea == CAS2_EA) {
            // There is no CAS2.B.
            return (opcode & SIZE_BITS) != SIZE_BYTE;
        }
        int mode = ea >> 3;
        int register = ea & 7;
        // Memory alterable: (An), (An)+, -(An), d16(An), d8(An,Xn) and the absolute short and long forms.
        return (mode >= 2 && mode <= 6) || (mode == 7 && register <= 1);
    }
}
