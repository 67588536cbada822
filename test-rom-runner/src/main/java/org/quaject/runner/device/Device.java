package org.quaject.runner.device;

/**
 * A device with a register window on the board: where it sits, how large the
 * window is, and what a guest load or store of 1, 2 or 4 bytes at an offset in
 * it does. The machine maps every device of the board through this interface,
 * its own (the PICs, the RTCs, the TTY, virt-ctrl, the virtio-mmio transports)
 * and those of plug-ins alike.
 *
 * <p>Values pass right-aligned in an {@code int}, as the CPU sees them: a
 * byte read returns 0 to 255 and a byte write passes the byte in bits 0 to 7.
 * The CPU is big-endian; a device with little-endian registers swaps them
 * itself. Accesses reach the device aligned to their size (the CPU core splits
 * unaligned ones first), at offsets from 0 to the machine's mapping of the
 * window, which is {@link #size()} rounded up to whole 4 KiB pages: an offset
 * at or past {@link #size()} should read 0 and ignore writes, as QEMU's
 * unassigned space does. {@link MmioDevice} does all that for a device of
 * 32-bit registers.
 *
 * <p>A device is driven from the one thread that runs the CPU: it needs no
 * locking. It may throw {@link GuestErrorException} from a read or a write
 * for a request QEMU could not carry out sanely; the run then stops with the
 * message. Time, interrupts, events and RAM come from the
 * {@link DeviceContext} its provider was given.
 */
public non-sealed interface Device extends DeviceModel {
    /** The guest physical address of offset 0. */
    long base();

    /** The bytes of the window that hold registers. */
    int size();

    /**
     * A guest load.
     *
     * @param offset from {@link #base()}, aligned to {@code size}
     * @param size   1, 2 or 4 bytes
     * @return the value the CPU receives, right-aligned
     */
    int read(int offset, int size);

    /**
     * A guest store.
     *
     * @param offset from {@link #base()}, aligned to {@code size}
     * @param size   1, 2 or 4 bytes
     * @param value  the value stored, right-aligned; bits above {@code size} bytes are to be ignored
     */
    void write(int offset, int size, int value);
}
