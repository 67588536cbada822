package org.quaject.runner.machine;

import java.util.Optional;
import java.util.OptionalInt;
import org.quaject.runner.device.GuestMemory;

/**
 * The length of the instructions whose exceptions the runner must complete
 * itself, decoded from their opcode and effective address (MC68030 UM §2 and the
 * M68000 Family Programmer's Reference Manual, effective address encoding).
 *
 * <p>The CPU core reports a zero divide at the dividing instruction, but its
 * format $2 frame must hold the address of the next one; and it does not know
 * TRAPV and TRAPcc, which the runner then executes. Both need the length.
 */
public final class InstructionLength {

    private InstructionLength() {
    }

    /** What the decoder recognizes. */
    public enum Kind {
        DIVIDE_WORD, DIVIDE_LONG, CHK_WORD, CHK_LONG, TRAPV, TRAPCC
    }

    /** An instruction this class knows, and its length in bytes. */
    public record Decoded(Kind kind, int length) {
    }

    /** Decodes the instruction at an address, if it is one of {@link Kind}. */
    public static Optional<Decoded> decode(GuestMemory memory, long address) {
        if (!memory.contains(address, 2)) {
            return Optional.empty();
        }
        int opcode = memory.read16(address);
        int mode = (opcode >>> 3) & 7;
        int register = opcode & 7;
        if ((opcode & 0xf0c0) == 0x80c0) {                      // DIVU.W / DIVS.W <ea>,Dn
            return sized(Kind.DIVIDE_WORD, 2, extension(memory, address + 2, mode, register, 2));
        }
        if ((opcode & 0xffc0) == 0x4c40) {                      // DIVU.L / DIVS.L <ea>,Dq (+ extension word)
            return sized(Kind.DIVIDE_LONG, 4, extension(memory, address + 4, mode, register, 4));
        }
        if ((opcode & 0xf1c0) == 0x4180) {                      // CHK.W <ea>,Dn
            return sized(Kind.CHK_WORD, 2, extension(memory, address + 2, mode, register, 2));
        }
        if ((opcode & 0xf1c0) == 0x4100) {                      // CHK.L <ea>,Dn
            return sized(Kind.CHK_LONG, 2, extension(memory, address + 2, mode, register, 4));
        }
        if (opcode == 0x4e76) {                                 // TRAPV
            return Optional.of(new Decoded(Kind.TRAPV, 2));
        }
        if ((opcode & 0xf0f8) == 0x50f8 && register >= 2 && register <= 4) {   // TRAPcc[.W/.L]
            int operand = register == 2 ? 2 : register == 3 ? 4 : 0;
            return Optional.of(new Decoded(Kind.TRAPCC, 2 + operand));
        }
        return Optional.empty();
    }

    private static Optional<Decoded> sized(Kind kind, int base, OptionalInt extension) {
        return extension.isPresent()
                ? Optional.of(new Decoded(kind, base + extension.getAsInt()))
                : Optional.empty();
    }

    /**
     * Bytes of extension words an effective address takes, starting at
     * {@code at}; empty for an encoding that is not a valid source operand.
     *
     * @param immediateBytes size of an immediate operand (2 for byte and word, 4 for long)
     */
    static OptionalInt extension(GuestMemory memory, long at, int mode, int register, int immediateBytes) {
        switch (mode) {
            case 0, 2, 3, 4:
                return OptionalInt.of(0);                       // Dn, (An), (An)+, -(An)
            case 5:
                return OptionalInt.of(2);                       // (d16,An)
            case 6:
                return indexed(memory, at);                     // (d8,An,Xn) or full format
            case 7:
                return switch (register) {
                    case 0, 2 -> OptionalInt.of(2);             // abs.W, (d16,PC)
                    case 1 -> OptionalInt.of(4);                // abs.L
                    case 3 -> indexed(memory, at);              // (d8,PC,Xn) or full format
                    case 4 -> OptionalInt.of(immediateBytes);   // #imm
                    default -> OptionalInt.empty();
                };
            default:
                return OptionalInt.empty();                     // An is not a valid source here
        }
    }

    /**
     * An indexed mode: a brief extension word (bit 8 clear), or a full one
     * followed by a base displacement and an outer displacement whose sizes its
     * BD SIZE (bits 5-4) and I/IS (bits 2-0) fields give.
     */
    private static OptionalInt indexed(GuestMemory memory, long at) {
        if (!memory.contains(at, 2)) {
            return OptionalInt.empty();
        }
        int word = memory.read16(at);
        if ((word & 0x0100) == 0) {
            return OptionalInt.of(2);
        }
        int baseDisplacement = displacementBytes((word >>> 4) & 3);
        int outerDisplacement = (word & 7) == 0 || (word & 7) == 4 ? 0 : displacementBytes(word & 3);
        if (baseDisplacement < 0 || outerDisplacement < 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(2 + baseDisplacement + outerDisplacement);
    }

    /** Size field 1 = null, 2 = word, 3 = long; 0 is reserved. */
    private static int displacementBytes(int sizeField) {
        return switch (sizeField) {
            case 1 -> 0;
            case 2 -> 2;
            case 3 -> 4;
            default -> -1;
        };
    }
}
