package org.quaject.runner.device;

/**
 * Where a device goes on the board.
 */
public sealed interface Placement permits Placement.Fixed, Placement.NextVirtioTransport {

    /**
     * Registers at a fixed address, and one PIC input: a {@link Device}. The
     * window must start on a 4 KiB page, and its pages and the line must be
     * free: on the virt68030 board, the pages from {@code 0xff00a000} to
     * {@code 0xff00ffff}, and lines 2 to 31 of PIC 1 and 3 to 32 of PIC 6
     * (board-virt68030.md).
     *
     * @param base the guest address of the registers
     * @param pic  the goldfish-pic, 1 to 6, which is also the CPU interrupt level
     * @param irq  its input, 1 to 32 ("IRQ #irq" in QEMU's numbering)
     */
    record Fixed(long base, int pic, int irq) implements Placement {
    }

    /**
     * Behind the next free virtio-mmio transport: a {@link VirtioDevice}. As on
     * QEMU the transports fill from the last down: the run's disk, if it has
     * one, is at transport 127 ({@code 0xff01fe00}, line 5:32), and the
     * virtio devices of {@code --device} follow in their order, at 126
     * ({@code 0xff01fc00}, line 5:31), 125, ... Transport n is at
     * {@code 0xff010000 + 0x200 n} and interrupts on line
     * {@code (2 + n/32):(n mod 32 + 1)}.
     */
    record NextVirtioTransport() implements Placement {
    }

    /** A {@link Fixed} placement. */
    static Placement fixed(long base, int pic, int irq) {
        return new Fixed(base, pic, irq);
    }

    /** The {@link NextVirtioTransport} placement. */
    static Placement nextVirtioTransport() {
        return new NextVirtioTransport();
    }
}
