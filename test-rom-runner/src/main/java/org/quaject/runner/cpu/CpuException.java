package org.quaject.runner.cpu;

/**
 * The CPU could not be set up or asked to do something it cannot do: the
 * Unicorn library is missing or not the version this package was checked
 * against, a mapping was refused, or a host resource ran out. The message says
 * which. Guest faults are not exceptions; {@link Cpu#run} reports them as a
 * {@link Stop}.
 */
public final class CpuException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CpuException(String message) {
        super(message);
    }

    public CpuException(String message, Throwable cause) {
        super(message, cause);
    }
}
