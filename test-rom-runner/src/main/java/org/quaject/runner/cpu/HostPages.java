package org.quaject.runner.cpu;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Anonymous host memory straight from the kernel ({@code mmap(2)}), for guest
 * RAM and for the page holding the native hook code. Pages come zeroed and are
 * only backed when touched, so a large guest RAM costs nothing until the guest
 * uses it; JNA's {@code Memory} would malloc and clear it.
 */
final class HostPages {
    // <bits/mman-linux.h>: PROT_* and MAP_* for Linux.
    static final int PROT_READ = 0x1;
    static final int PROT_WRITE = 0x2;
    static final int PROT_EXEC = 0x4;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final long MAP_FAILED = -1;

    static {
        Native.register(HostPages.class, Platform.C_LIBRARY_NAME);
    }

    private HostPages() {
    }

    /** Maps {@code size} bytes of zeroed, private memory readable and writable by this process. */
    static long allocate(long size) {
        long address = mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (address == MAP_FAILED) {
            throw new CpuException("mmap of " + size + " bytes failed (errno " + Native.getLastError() + ")");
        }
        return address;
    }

    /** Changes the access of pages obtained from {@link #allocate}. */
    static void protect(long address, long size, int protection) {
        if (mprotect(address, size, protection) != 0) {
            throw new CpuException("mprotect failed (errno " + Native.getLastError() + ")");
        }
    }

    /** Returns pages obtained from {@link #allocate} to the kernel. */
    static void free(long address, long size) {
        if (munmap(address, size) != 0) {
            throw new CpuException("munmap failed (errno " + Native.getLastError() + ")");
        }
    }

    private static native long mmap(long address, long length, int protection, int flags, int fd, long offset);

    private static native int mprotect(long address, long length, int protection);

    private static native int munmap(long address, long length);
}
