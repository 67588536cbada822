package org.quaject.compiler.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of one compilation. Phases report everything they find
 * and the driver stops between phases when there are errors, so that the user sees
 * all the problems of a phase at once, but never errors caused by earlier ones.
 */
public final class Diagnostics {

    /** More errors than this are almost always one mistake seen many times (or not a .qj file). */
    public static final int MAX_ERRORS = 50;

    private final List<Diagnostic> reported = new ArrayList<>();
    private int errorCount;

    public void error(Position position, String format, Object... args) {
        if (errorCount < MAX_ERRORS) {
            reported.add(new Diagnostic(Diagnostic.Severity.ERROR, position, String.format(format, args)));
        }
        errorCount++;
    }

    public void warning(Position position, String format, Object... args) {
        reported.add(new Diagnostic(Diagnostic.Severity.WARNING, position, String.format(format, args)));
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    /** Everything reported, in source order, and a last line when errors were left out. */
    public List<String> render() {
        List<String> lines = new ArrayList<>();
        reported.stream().sorted(SOURCE_ORDER).forEach(d -> lines.add(d.toString()));
        if (errorCount > MAX_ERRORS) {
            lines.add("qj: error: too many errors (" + errorCount + "); only the first " + MAX_ERRORS + " are shown");
        }
        return lines;
    }

    public List<Diagnostic> all() {
        return List.copyOf(reported);
    }

    /** Throws {@link CompilationFailed} if any error was reported. */
    public void stopIfErrors() {
        if (hasErrors()) {
            throw new CompilationFailed(this);
        }
    }

    private static final Comparator<Diagnostic> SOURCE_ORDER = Comparator
            .comparing((Diagnostic d) -> d.position() == null ? "" : d.position().file().displayName())
            .thenComparingInt(d -> d.position() == null ? 0 : d.position().line())
            .thenComparingInt(d -> d.position() == null ? 0 : d.position().column());
}
