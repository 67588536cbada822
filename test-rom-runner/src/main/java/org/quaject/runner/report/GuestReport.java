package org.quaject.runner.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quaject.runner.machine.Vectors;

/**
 * The headline of a crash report the guest printed itself (the runtime's
 * exception handler, runtime-m68k/exceptions.s):
 * {@code *** NAME (vector V) at PC 0x........}, followed for six-word frames
 * by {@code (instruction at 0x........)}, and while a thread of lib/thread.qj
 * runs by {@code in thread 0x........ (entry 0x........)}.
 *
 * @param exception   the exception's name
 * @param vector      its vector number
 * @param pc          the program counter the frame holds
 * @param instruction the address of the instruction that caused it, when the frame holds one
 * @param threadEntry the routine the running thread started in, when a thread ran
 */
public record GuestReport(String exception, int vector, long pc, OptionalLong instruction,
                          OptionalLong threadEntry) {

    private static final Pattern HEADLINE = Pattern.compile(
            "\\*\\*\\* (.+?) \\(vector (\\d{1,3})\\) at PC 0x(\\p{XDigit}{8})"
                    + "(?: \\(instruction at 0x(\\p{XDigit}{8})\\))?"
                    + "(?: in thread 0x\\p{XDigit}{8} \\(entry 0x(\\p{XDigit}{8})\\))?");

    private static final int TRAPS = 16;
    private static final int TRAP_LENGTH = 2;

    /** The report headline in one console line, if it holds one. */
    public static Optional<GuestReport> find(String line) {
        Matcher m = HEADLINE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new GuestReport(m.group(1), Integer.parseInt(m.group(2)),
                Long.parseLong(m.group(3), 16), hex(m.group(4)), hex(m.group(5))));
    }

    private static OptionalLong hex(String digits) {
        return digits == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(digits, 16));
    }

    /** Every report headline in a transcript, in order. */
    public static List<GuestReport> findAll(String transcript) {
        return transcript.lines().map(GuestReport::find).flatMap(Optional::stream).toList();
    }

    /**
     * The address of the instruction the exception is about. A six-word frame
     * names it; a TRAP stacks the address after its one-word instruction;
     * every other exception the handler reports stacks the instruction's own
     * address (faults, illegal and unimplemented instructions, privilege
     * violations) or the next one to run (interrupts), per MC68030 UM 8.1.
     */
    public long faultAddress() {
        if (instruction.isPresent()) {
            return instruction.getAsLong();
        }
        boolean trap = vector >= Vectors.TRAP_BASE && vector < Vectors.TRAP_BASE + TRAPS;
        return trap ? pc - TRAP_LENGTH : pc;
    }
}
