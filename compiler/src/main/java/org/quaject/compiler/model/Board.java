package org.quaject.compiler.model;

import java.util.Optional;

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

    /** goldfish-pic n (1..6) is at {@code PIC_BASE + 0x1000·(n-1)} and drives CPU interrupt level n. */
    public static final long PIC_BASE = 0xff000000L;
    public static final long PIC_STRIDE = 0x1000;
    public static final int PICS = 6;
    public static final int IRQS_PER_PIC = 32;
    /** goldfish-pic registers: the lines pending and enabled, and the write that enables lines. */
    public static final int PIC_PENDING = 0x04;
    public static final int PIC_ENABLE = 0x10;
    /** Levels 1..7 are autovectored through vectors 25..31 (MC68030 User's Manual, table 8-1). */
    public static final int AUTOVECTOR_BASE = 24;
    private static final long VIRTIO_BASE = 0xff010000L;
    private static final long VIRTIO_STRIDE = 0x200;

    private Board() {
    }

    public static long picBase(int pic) {
        return PIC_BASE + PIC_STRIDE * (pic - 1);
    }

    /**
     * What raises IRQ #irq of PIC pic (QEMU's numbering, from 1), or empty
     * where nothing does: board-virt68030.md, "Interrupts".
     */
    public static Optional<String> irqSource(int pic, int irq) {
        if (irq < 1 || irq > IRQS_PER_PIC) {
            return Optional.empty();
        }
        return switch (pic) {
            case 1 -> irq == 1 ? Optional.of("virt-ctrl")
                    : irq == IRQS_PER_PIC ? Optional.of("goldfish-tty") : Optional.empty();
            case 2, 3, 4, 5 -> Optional.of(String.format("virtio-mmio transport at 0x%08x",
                    VIRTIO_BASE + VIRTIO_STRIDE * ((pic - 2L) * IRQS_PER_PIC + irq - 1)));
            case 6 -> irq <= 2 ? Optional.of("goldfish-rtc #" + (irq - 1)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The disk image's sector; the data area is a whole number of them. */
    public static final long SECTOR_BYTES = 512;

    /** The largest data area a kernel may ask for. */
    public static final long MAX_DISK = 1L << 30;

    /** The kernel's disk data area in bytes, 0 if it has none. */
    public static long diskBytes(Kernel kernel) {
        return kernel.disk().map(Constant::value).orElse(0L);
    }

    /** The kernel's RAM size, or the default. */
    public static long ramBytes(Kernel kernel) {
        return kernel.ram().map(Constant::value).orElse(DEFAULT_RAM);
    }
}
