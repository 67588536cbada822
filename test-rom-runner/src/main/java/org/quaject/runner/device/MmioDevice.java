package org.quaject.runner.device;

import java.util.Objects;

/**
 * A {@link Device} of 32-bit big-endian registers, the kind the board's
 * goldfish devices and virt-ctrl are (board-virt68030.md): a subclass says
 * what a 32-bit read or write of each register does ({@link #readRegister},
 * {@link #writeRegister}), and this class handles the access sizes, the
 * alignment and the window's bounds as QEMU does. Values pass right-aligned
 * in an {@code int}, as the CPU sees them.
 *
 * <p>Accesses narrower than 32 bits follow the device's QEMU
 * {@code MemoryRegionOps}, because guests do not all use {@code move.l}. Each
 * device is one of three kinds, checked on this machine against QEMU 7.2:
 * <ul>
 * <li>{@code REFUSED} (goldfish-rtc, {@code valid.min_access_size
 *     = 4}): the memory core refuses the access; it reads 0 and a write is
 *     ignored. A 68030 takes no bus error for it.
 * <li>{@code WIDENED} (goldfish-pic, goldfish-tty,
 *     {@code impl.min_access_size = 4}): the device sees a 32-bit access at the
 *     same offset, with the narrow value in the register's most significant
 *     bytes. A byte read at a register's offset gives its top byte, and
 *     {@code move.b #'A'} to PUT_CHAR prints a NUL; at an offset that is not a
 *     register's (byte 3 of one, say) nothing happens at all.
 * <li>{@code PASSED} (virt-ctrl, no minimum): the device sees the
 *     offset and the narrow value as they are, so {@code move.b #2} to CMD
 *     halts and a byte read of FEATURES gives 1.
 * </ul>
 * Whatever the kind, an offset the device does not know reads 0 and ignores
 * writes, as QEMU's devices do (they only log it), and so does an access past
 * the end of the device's window, which QEMU leaves unassigned up to the next
 * device. Sizes other than 1, 2 and 4 are refused like any access QEMU's
 * memory core refuses (its maximum for these devices is 4).
 *
 * <p>Offsets are aligned to the access size: QEMU's softmmu, and Unicorn's
 * alike (checked with Unicorn 2.0.1), splits an unaligned load into two
 * aligned ones of the same size and an unaligned store into single bytes
 * before a device sees them. An unaligned access that reaches a device anyway
 * is refused, as QEMU's memory core refuses it.
 */
public abstract class MmioDevice implements Device {
    /** How the device treats an access narrower than 32 bits; see {@link MmioDevice}. */
    public enum NarrowAccess {
        /** The access is refused: it reads 0 and a write is ignored. */
        REFUSED,
        /** The device sees a 32-bit access at the same offset, the narrow value in its top bytes. */
        WIDENED,
        /** The device sees the offset and the narrow value as they are. */
        PASSED
    }

    private final String name;
    private final long base;
    private final int size;
    private final NarrowAccess narrowAccess;

    /**
     * A window of {@code size} bytes at {@code base}.
     *
     * @param name         for messages
     * @param narrowAccess what an access narrower than 32 bits does
     */
    protected MmioDevice(String name, long base, int size, NarrowAccess narrowAccess) {
        this.name = Objects.requireNonNull(name, "name");
        this.base = base;
        this.size = size;
        this.narrowAccess = Objects.requireNonNull(narrowAccess, "narrowAccess");
    }

    /** The device's name, for messages: "goldfish-tty", "goldfish-pic #1", ... */
    @Override
    public final String name() {
        return name;
    }

    /** The guest physical address of offset 0. */
    @Override
    public final long base() {
        return base;
    }

    /**
     * The bytes of the window that hold registers (QEMU's region size). A
     * machine that maps whole pages may pass any offset in the page: those
     * past the window read 0 and ignore writes, as QEMU's unassigned space does.
     */
    @Override
    public final int size() {
        return size;
    }

    /**
     * A guest load.
     *
     * @param offset from {@link #base()}
     * @param size   1, 2 or 4 bytes
     * @return the value the CPU receives, right-aligned
     */
    @Override
    public final int read(int offset, int size) {
        if (!accepts(offset, size)) {
            return 0;
        }
        int value = readRegister(offset);
        return narrowAccess == NarrowAccess.WIDENED ? value >>> (Integer.SIZE - Byte.SIZE * size)
                : value & mask(size);
    }

    /**
     * A guest store.
     *
     * @param offset from {@link #base()}
     * @param size   1, 2 or 4 bytes
     * @param value  the value stored, right-aligned; bits above {@code size} bytes are ignored
     */
    @Override
    public final void write(int offset, int size, int value) {
        if (!accepts(offset, size)) {
            return;
        }
        int stored = value & mask(size);
        writeRegister(offset, narrowAccess == NarrowAccess.WIDENED ? stored << (Integer.SIZE - Byte.SIZE * size)
                : stored);
    }

    /** The register at {@code offset} as the device's QEMU read callback returns it; 0 if unknown. */
    protected abstract int readRegister(int offset);

    /** What the device's QEMU write callback does with {@code value} at {@code offset}; nothing if unknown. */
    protected abstract void writeRegister(int offset, int value);

    private boolean accepts(int offset, int accessSize) {
        boolean sizeKnown = accessSize == 1 || accessSize == 2 || accessSize == Integer.BYTES;
        return sizeKnown
                && offset >= 0 && offset % accessSize == 0 && offset <= size - accessSize
                && (accessSize == Integer.BYTES || narrowAccess != NarrowAccess.REFUSED);
    }

    private static int mask(int accessSize) {
        return (int) ((1L << (Byte.SIZE * accessSize)) - 1);
    }
}
