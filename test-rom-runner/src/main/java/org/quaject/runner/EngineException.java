package org.quaject.runner;

/**
 * An engine could not run an image at all (as opposed to running it and
 * seeing it fail): the emulator is missing, could not boot the image, or the
 * console could not be written. The message says which, and what to do.
 */
public final class EngineException extends Exception {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
