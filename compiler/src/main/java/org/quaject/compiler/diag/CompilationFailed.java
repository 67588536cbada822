package org.quaject.compiler.diag;

/**
 * Thrown when a phase has reported errors; the diagnostics say what they are.
 */
public final class CompilationFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Diagnostics diagnostics;

    public CompilationFailed(Diagnostics diagnostics) {
        super("compilation failed");
        this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
