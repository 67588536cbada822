package org.quaject.binutils;

/** A tool the compiler needs is missing or failed in a way that is not the user's input. */
public final class ToolchainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolchainException(String message) {
        super(message);
    }
}
