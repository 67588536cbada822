package org.quaject.runner.device;

/**
 * The guest asked a device for something QEMU 7.2 cannot do sanely: it would
 * abort on an assertion, or read or write memory that is not RAM. Rather than
 * guess, the runner stops the guest and reports the message, which names the
 * device, the register and what the guest should do instead.
 */
public final class GuestErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A guest error; {@code message} names the device, the register and what the guest should do instead. */
    public GuestErrorException(String message) {
        super(message);
    }
}
