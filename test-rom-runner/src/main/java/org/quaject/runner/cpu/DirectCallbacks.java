package org.quaject.runner.cpu;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The address of the native stub through which native code calls a Java
 * callback the quick way. JNA makes such a "direct" stub, which passes
 * primitive arguments as they are, for a callback handed to a direct-mapped
 * function; {@code CallbackReference.getFunctionPointer} makes the general
 * one, which boxes every argument and costs several times as much a call.
 * The C library's {@code memcpy}, asked to copy nothing, returns its
 * destination (C11 7.24.2.1): handed the callback there, it returns the
 * direct stub's address.
 */
final class DirectCallbacks {
    static {
        Native.register(DirectCallbacks.class, Platform.C_LIBRARY_NAME);
    }

    private DirectCallbacks() {
    }

    /** The direct stub of {@code callback}, which must stay reachable as long as native code may call it. */
    static long address(Unicorn.MmioReadCallback callback) {
        return memcpy(callback, 0, 0);
    }

    /** The direct stub of {@code callback}, which must stay reachable as long as native code may call it. */
    static long address(Unicorn.MmioWriteCallback callback) {
        return memcpy(callback, 0, 0);
    }

    private static native long memcpy(Unicorn.MmioReadCallback destination, long source, long count);

    private static native long memcpy(Unicorn.MmioWriteCallback destination, long source, long count);
}
