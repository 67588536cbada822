package org.quaject.runner.report;

import java.util.ArrayList;
import java.util.List;
import org.quaject.runner.cpu.Cpu;
import org.quaject.runner.cpu.Register;

/**
 * The registers of a stopped CPU, laid out as the guest's own exception
 * handler prints them (runtime-m68k/exceptions.s), so that a crash reads the
 * same whichever side caught it:
 * <pre>
 *     SR 0x2700  USP 0x00000000  SSP 0x0000ff00
 *     D0 0x........  D1 0x........  D2 0x........  D3 0x........
 *     ...
 *     A4 0x........  A5 0x........  A6 0x........  A7 0x........
 * </pre>
 */
public final class RegisterReport {

    private static final String INDENT = "    ";
    private static final int PER_LINE = 4;
    /** SR bit 12: the supervisor stack is the master stack (MC68030 UM 1.3.2). */
    private static final int SR_MASTER = 1 << 12;

    private RegisterReport() {
    }

    /** The report's lines, without line ends. */
    public static List<String> lines(Cpu cpu) {
        int sr = cpu.get(Register.SR);
        int ssp = cpu.get((sr & SR_MASTER) != 0 ? Register.MSP : Register.ISP);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%sSR 0x%04x  USP 0x%08x  SSP 0x%08x", INDENT, sr & 0xffff, cpu.get(Register.USP), ssp));
        StringBuilder line = new StringBuilder();
        for (int n = 0; n < 16; n++) {
            Register register = n < 8 ? Register.d(n) : Register.a(n - 8);
            line.append(n % PER_LINE == 0 ? INDENT : "  ")
                    .append(String.format("%s 0x%08x", register.name(), cpu.get(register)));
            if (n % PER_LINE == PER_LINE - 1) {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        return lines;
    }

    /** The line that says where the CPU was: {@code     at 0x... symbol+0x.. (file:line): instruction}. */
    public static String where(CodeLocation location) {
        return INDENT + "at " + location;
    }

    /**
     * The line that says where the running thread started:
     * {@code     thread entry 0x... symbol+0x.. (file:line): instruction}.
     */
    public static String threadEntry(CodeLocation location) {
        return INDENT + "thread entry " + location;
    }
}
