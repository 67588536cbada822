package org.quaject.runner.device;

/** A device plug-in cannot be used, or a device type is unknown; the message says which and why. */
public final class DevicePluginException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A problem with plug-ins, described in full by {@code message}. */
    public DevicePluginException(String message) {
        super(message);
    }

    /** A problem with plug-ins, described in full by {@code message}, that {@code cause} raised. */
    public DevicePluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
