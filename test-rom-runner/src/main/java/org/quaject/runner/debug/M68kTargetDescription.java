package org.quaject.runner.debug;

import java.util.List;
import org.quaject.runner.cpu.Register;

/**
 * The registers gdb sees, in the order of gdb's feature
 * {@code org.gnu.gdb.m68k.core} (gdb/features/m68k-core.xml): d0-d7, a0-a5,
 * fp (a6), sp (a7), ps (the status register) and pc, 32 bits each, big-endian
 * in packets. No floating-point feature: the 68030 has no FPU of its own, and
 * gdb's m68k architecture takes a description without one.
 */
final class M68kTargetDescription {

    /** The name gdb asks for with {@code qXfer:features:read:target.xml}. */
    static final String ANNEX = "target.xml";

    /** The CPU's register behind each gdb register number. */
    private static final List<Register> REGISTERS = List.of(
            Register.D0, Register.D1, Register.D2, Register.D3, Register.D4, Register.D5, Register.D6, Register.D7,
            Register.A0, Register.A1, Register.A2, Register.A3, Register.A4, Register.A5, Register.A6, Register.A7,
            Register.SR, Register.PC);

    /** gdb's names, in the same order; m68k-tdep.c checks them. */
    private static final List<String> NAMES = List.of("d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7",
            "a0", "a1", "a2", "a3", "a4", "a5", "fp", "sp", "ps", "pc");

    static final int COUNT = REGISTERS.size();

    static final String XML = xml();

    private M68kTargetDescription() {
    }

    /** The CPU register with gdb number {@code number}; throws for a number gdb's m68k core does not have. */
    static Register register(int number) {
        if (number < 0 || number >= COUNT) {
            throw new IllegalArgumentException("gdb's m68k core has no register " + number);
        }
        return REGISTERS.get(number);
    }

    private static String xml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
                + "<target version=\"1.0\">\n"
                + "  <architecture>m68k</architecture>\n"
                + "  <feature name=\"org.gnu.gdb.m68k.core\">\n");
        for (int number = 0; number < COUNT; number++) {
            String name = NAMES.get(number);
            String type = name.equals("pc") ? " type=\"code_ptr\""
                    : name.startsWith("a") || name.equals("fp") || name.equals("sp") ? " type=\"data_ptr\"" : "";
            xml.append(String.format("    <reg name=\"%s\" bitsize=\"32\" regnum=\"%d\"%s/>%n", name, number, type));
        }
        return xml.append("  </feature>\n</target>\n").toString();
    }
}
