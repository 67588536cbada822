package org.quaject.runner.device;

import java.util.Objects;

/**
 * A device's interrupt output, wired to one input of a {@link GoldfishPic}:
 * level-triggered, the PIC's pending bit follows what the device drives
 * (board-virt68030.md, "Pending follows the device's line level").
 *
 * <p>Like QEMU's {@code qemu_set_irq}, every {@link #set} reaches the input,
 * even one that repeats the current level. That matters after the PIC's
 * IRQ_DISABLE_ALL, which clears pending bits whatever the lines: a line that
 * stays high sets its bit again only when its device next drives it, and the
 * devices here drive their lines at the moments QEMU's do.
 */
public final class InterruptLine {
    /** The input a line drives. */
    @FunctionalInterface
    public interface Input {
        /** The device drives the line {@code high} or low. */
        void drive(boolean high);
    }

    private final Input input;
    private boolean high;

    /** A line driving {@code input}; it starts low, as a device out of reset leaves it. */
    public InterruptLine(Input input) {
        this.input = Objects.requireNonNull(input, "input");
    }

    /** Drives the line; the input hears every call. */
    public void set(boolean high) {
        this.high = high;
        input.drive(high);
    }

    /** The level the device last drove. */
    public boolean isHigh() {
        return high;
    }
}
