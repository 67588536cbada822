package org.quaject.runner.board;

import java.util.Optional;
import org.quaject.runner.device.MmioDevice;

/**
 * virt-ctrl, the board's power control (board-virt68030.md, virt-ctrl):
 * <pre>
 * 0x00 FEATURES  R  1 (power control)
 * 0x04 CMD       W  0 NOOP, 1 RESET, 2 HALT, 3 PANIC; other values are ignored
 * </pre>
 * The device records the command for the machine, which stops the guest
 * right after the write. QEMU does not stop it at once: its main loop acts
 * on the request a little later, and the guest runs on meanwhile (seen on
 * this machine: two PUT_CHARs after HALT still printed, and a PANIC written
 * after a HALT decided the exit status). Guests should write nothing after
 * HALT or PANIC; the runner's stop is the deterministic reading.
 *
 * <p>The window is 0x100 bytes, and narrow accesses reach the device as they
 * are ({@link MmioDevice}): {@code move.b #2} to CMD halts. The device also
 * has an interrupt output, wired to IRQ #1 of PIC 1, which QEMU never raises;
 * the runner leaves it out.
 */
public final class VirtCtrl extends MmioDevice {
    /** A CMD value. */
    public enum Command {
        /** Does nothing. */
        NOOP,
        /** Resets the machine, which boots the image again (QEMU reloads it). */
        RESET,
        /** Shuts the machine down; QEMU exits with status 0. */
        HALT,
        /** Reports a guest panic; QEMU exits with status 1 given {@code -action panic=exit-failure}. */
        PANIC
    }

    /** What FEATURES reads: power control. */
    private static final int FEATURE_POWER_CONTROL = 1;
    private static final int WINDOW = 0x100;
    private static final int FEATURES = 0x00;
    private static final int CMD = 0x04;

    private Command lastCommand;

    public VirtCtrl(String name, long base) {
        super(name, base, WINDOW, NarrowAccess.PASSED);
    }

    /**
     * The last command that acts (RESET, HALT or PANIC); a later one replaces
     * it, as a later request replaces an earlier one in QEMU. NOOP changes
     * nothing. Empty until the guest writes one.
     */
    public Optional<Command> lastCommand() {
        return Optional.ofNullable(lastCommand);
    }

    @Override
    protected int readRegister(int offset) {
        return offset == FEATURES ? FEATURE_POWER_CONTROL : 0;
    }

    @Override
    protected void writeRegister(int offset, int value) {
        Command[] commands = Command.values();
        // CMD values past PANIC are ignored, as QEMU's switch ignores them.
        if (offset == CMD && Integer.compareUnsigned(value, commands.length) < 0 && value != Command.NOOP.ordinal()) {
            lastCommand = commands[value];
        }
    }
}
