package org.quaject.compiler.model;

import java.util.Locale;
import org.quaject.compiler.diag.Position;

/**
 * A value passed in a register, as written in a signature: {@code d0.b}, {@code a0.l}.
 * Register and size are kept as written; the checks say what is wrong with them.
 */
public record RegisterArg(String register, String size, Position position) {

    @Override
    public String toString() {
        return register + "." + size;
    }

    /** Register and size as compared between signatures: {@code a7.l} for {@code SP.L}. */
    public String canonical() {
        return Registers.canonical(register) + "." + size.toLowerCase(Locale.ROOT);
    }
}
