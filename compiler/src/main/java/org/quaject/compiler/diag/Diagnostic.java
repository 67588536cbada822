package org.quaject.compiler.diag;

/**
 * One message about the user's input, printed as {@code FILE:LINE:COL: error: message}.
 */
public record Diagnostic(Severity severity, Position position, String message) {

    /** How bad a diagnostic is; only errors stop a build. */
    public enum Severity {
        ERROR("error"),
        WARNING("warning");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String where = position == null ? "qj" : position.toString();
        return where + ": " + severity.label() + ": " + message;
    }
}
