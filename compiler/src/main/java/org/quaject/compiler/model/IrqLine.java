package org.quaject.compiler.model;

/**
 * An interrupt line of the board, as an instance binds it: {@code irq 6:1} is
 * IRQ #1 of goldfish-pic 6 (QEMU's numbering, from 1; bit 0 of the PIC's
 * registers), which drives CPU interrupt level 6 (board-virt68030.md).
 */
public record IrqLine(Constant pic, Constant irq) {

    public int picNumber() {
        return (int) pic.value();
    }

    public int irqNumber() {
        return (int) irq.value();
    }

    /** The line's bit in its PIC's registers. */
    public long mask() {
        return 1L << (irqNumber() - 1);
    }

    @Override
    public String toString() {
        return pic.value() + ":" + irq.value();
    }
}
