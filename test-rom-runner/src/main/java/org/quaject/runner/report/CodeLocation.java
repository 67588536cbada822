package org.quaject.runner.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What an image says about one code address; each part is present only when
 * the image has it (a symbol table, code there, a line table entry).
 *
 * @param address     the address
 * @param symbol      the nearest symbol at or below it, as {@code name+0xOFFSET}
 * @param sourceLine  the source file and line the code there came from, as {@code FILE:LINE}
 * @param instruction the instruction there, disassembled
 */
public record CodeLocation(long address, Optional<String> symbol, Optional<String> sourceLine,
                           Optional<String> instruction) {

    public CodeLocation {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(sourceLine, "sourceLine");
        Objects.requireNonNull(instruction, "instruction");
    }

    /** One line for a report: {@code 0x00001cec divider$divide+0x0 (kernel.qj:7): divu.w %d1,%d0}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format("0x%08x", address));
        symbol.ifPresent(s -> text.append(' ').append(s));
        sourceLine.ifPresent(line -> text.append(" (").append(line).append(')'));
        instruction.ifPresent(i -> text.append(": ").append(i));
        return text.toString();
    }
}
