package org.quaject.runner.cpu;

/**
 * A device's registers, mapped with {@link Cpu#mapMmio}. Called on the thread
 * running the CPU, in the middle of the guest instruction making the access:
 * the handler may read the data and address registers, PC (that
 * instruction's address) and VBR, read and write guest memory (DMA), and call
 * {@link Cpu#requestStop()}; it may not write registers (see {@link Cpu#get}).
 *
 * <p>Big-endian: a {@code move.l} to offset 0 arrives as one 4-byte write of
 * the long word's value; a {@code move.b} to offset 3 as a 1-byte write.
 * An exception thrown here stops the run, and {@link Cpu#run} rethrows it.
 */
public interface MmioHandler {
    /**
     * @param offset from the start of the mapped region
     * @param size   1, 2 or 4 bytes
     * @return the value read, in the low {@code size} bytes
     */
    long read(int offset, int size);

    /**
     * @param offset from the start of the mapped region
     * @param size   1, 2 or 4 bytes
     * @param value  the value written, in the low {@code size} bytes
     */
    void write(int offset, int size, long value);
}
