package org.quaject.runner.board;

import org.quaject.runner.device.InterruptLine;
import org.quaject.runner.device.MmioDevice;

/**
 * A goldfish-pic: 32 interrupt lines in, one CPU interrupt level out
 * (board-virt68030.md, goldfish-pic). "IRQ #k" in QEMU's numbering is input
 * {@code k} here and bit {@code k-1} of the registers. The PIC asserts its
 * level while a line is both pending and enabled.
 *
 * <p>Registers, as QEMU 7.2's goldfish_pic.c has them:
 * <pre>
 * 0x00 STATUS           R  how many lines are pending and enabled
 * 0x04 IRQ_PENDING      R  pending &amp; enabled
 * 0x08 IRQ_DISABLE_ALL  W  enabled = 0 and pending = 0, whatever the lines
 * 0x0c DISABLE          W  enabled &amp;= ~value
 * 0x10 ENABLE           W  enabled |= value
 * </pre>
 * A pending bit follows its line: set when the device drives it high, cleared
 * when it drives it low, enabled or not. Narrower accesses are widened
 * ({@link MmioDevice}): {@code move.b #0x80} to ENABLE enables IRQ #32.
 */
public final class GoldfishPic extends MmioDevice {
    /** The window QEMU gives each goldfish device ({@code memory_region_init_io(..., 0x24)}). */
    static final int GOLDFISH_WINDOW = 0x24;

    /** Interrupt inputs, IRQ #1 to #32. */
    public static final int LINES = 32;

    private static final int STATUS = 0x00;
    private static final int IRQ_PENDING = 0x04;
    private static final int IRQ_DISABLE_ALL = 0x08;
    private static final int DISABLE = 0x0c;
    private static final int ENABLE = 0x10;

    private final InterruptLine[] inputs = new InterruptLine[LINES];
    private int pending;
    private int enabled;

    /** A PIC out of reset: nothing pending, nothing enabled. */
    public GoldfishPic(String name, long base) {
        super(name, base, GOLDFISH_WINDOW, NarrowAccess.WIDENED);
        for (int i = 0; i < LINES; i++) {
            int bit = 1 << i;
            inputs[i] = new InterruptLine(high -> pending = high ? pending | bit : pending & ~bit);
        }
    }

    /** The line for "IRQ #irq", 1 to {@value #LINES}, for a device to drive. */
    public InterruptLine input(int irq) {
        if (irq < 1 || irq > LINES) {
            throw new IllegalArgumentException("a goldfish-pic has IRQ #1 to #" + LINES + ", not #" + irq);
        }
        return inputs[irq - 1];
    }

    /** Whether the PIC asserts its CPU interrupt level: some line pending and enabled. */
    public boolean asserted() {
        return (pending & enabled) != 0;
    }

    /** Whether input "IRQ #irq" is enabled: its line, once high, asserts the PIC's level. */
    public boolean enables(int irq) {
        input(irq);
        return (enabled & 1 << (irq - 1)) != 0;
    }

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case STATUS -> Integer.bitCount(pending & enabled);
            case IRQ_PENDING -> pending & enabled;
            default -> 0;
        };
    }

    @Override
    protected void writeRegister(int offset, int value) {
        switch (offset) {
            case IRQ_DISABLE_ALL -> {
                enabled = 0;
                pending = 0;
            }
            case DISABLE -> enabled &= ~value;
            case ENABLE -> enabled |= value;
            default -> {
                // Unknown offset: QEMU logs it and does nothing.
            }
        }
    }
}
