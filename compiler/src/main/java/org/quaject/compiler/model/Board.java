package org.quaject.compiler.model;

/**
 * The board a kernel runs on. There is one: QEMU's {@code virt} m68k machine with
 * a 68030 (docs/board-virt68030.md), whose RAM starts at address 0.
 */
public final class Board {

    public static final String NAME = "virt68030";

    /** RAM when the kernel does not say. */
    public static final long DEFAULT_RAM = 16L << 20;

    /** RAM is given to QEMU in whole MiB. */
    public static final long RAM_GRANULE = 1L << 20;

    /** Well below the first device at 0xff000000. */
    public static final long MAX_RAM = 1L << 30;

    private Board() {
    }

    /** The kernel's RAM size, or the default. */
    public static long ramBytes(Kernel kernel) {
        return kernel.ram().map(Constant::value).orElse(DEFAULT_RAM);
    }
}
