package org.quaject.runner.board;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.quaject.runner.device.GuestErrorException;
import org.quaject.runner.device.GuestMemory;
import org.quaject.runner.device.InterruptLine;
import org.quaject.runner.device.MmioDevice;

/**
 * The goldfish-tty, the board's console (board-virt68030.md, goldfish-tty):
 * output byte by byte or from a buffer in RAM, input through a FIFO that the
 * host fills and the guest empties into RAM.
 *
 * <p>Registers, as QEMU 7.2's goldfish_tty.c has them:
 * <pre>
 * 0x00 PUT_CHAR       W  writes the low 8 bits to the console
 * 0x04 BYTES_READY    R  bytes waiting in the input FIFO
 * 0x08 CMD            W  0 INT_DISABLE, 1 INT_ENABLE, 2 WRITE_BUFFER, 3 READ_BUFFER
 * 0x10 DATA_PTR       W  guest address for the buffer commands; clears DATA_PTR_HIGH
 * 0x14 DATA_LEN       W  length for the buffer commands
 * 0x18 DATA_PTR_HIGH  W  high half of the address (so write it after DATA_PTR)
 * 0x20 VERSION        R  1
 * </pre>
 * Other commands are ignored. Narrower accesses are widened
 * ({@link MmioDevice}): {@code move.b} to PUT_CHAR prints a NUL.
 *
 * <p>The interrupt line is high while interrupts are enabled and the FIFO
 * is not empty. It is driven when that changes (INT_ENABLE, INT_DISABLE,
 * input arriving, READ_BUFFER emptying the FIFO), and again whenever input
 * arrives while interrupts are enabled, as QEMU drives it.
 *
 * <p>The FIFO holds {@value #FIFO_SIZE} bytes, QEMU's
 * {@code GOLDFISH_TTY_BUFFER_SIZE}. QEMU's character backend offers the
 * device only as much input as fits and keeps the rest; here that rest is
 * {@link #hostBacklog()}, and it moves into the FIFO as soon as there is room
 * (QEMU does so whenever its main loop next looks, a moment that depends on
 * the host; the runner's choice is the deterministic one).
 *
 * <p>READ_BUFFER copies DATA_LEN bytes when that many are waiting, and
 * nothing when DATA_LEN is 0 or the FIFO is empty, as QEMU does. When DATA_LEN
 * is larger than the bytes waiting, QEMU 7.2 aborts (an assertion in
 * {@code fifo8_pop_buf}, seen on this machine); the runner throws a
 * {@link GuestErrorException} that says to read BYTES_READY first, and copies
 * nothing. A buffer that is not all RAM is a guest error too: QEMU would go
 * on silently with whatever its memory core makes of the addresses outside
 * RAM.
 */
public final class GoldfishTty extends MmioDevice {
    /** Bytes the input FIFO holds: QEMU's {@code GOLDFISH_TTY_BUFFER_SIZE}. */
    public static final int FIFO_SIZE = 128;

    private static final int PUT_CHAR = 0x00;
    private static final int BYTES_READY = 0x04;
    private static final int CMD = 0x08;
    private static final int DATA_PTR = 0x10;
    private static final int DATA_LEN = 0x14;
    private static final int DATA_PTR_HIGH = 0x18;
    private static final int VERSION = 0x20;
    /** What VERSION reads: buffer addresses are guest physical addresses. */
    private static final int VERSION_VALUE = 1;

    private static final int CMD_INT_DISABLE = 0;
    private static final int CMD_INT_ENABLE = 1;
    private static final int CMD_WRITE_BUFFER = 2;
    private static final int CMD_READ_BUFFER = 3;

    private final InterruptLine irq;
    private final GuestMemory memory;
    private final OutputStream console;
    private final ByteQueue fifo = new ByteQueue();
    private final ByteQueue backlog = new ByteQueue();
    private boolean interruptsEnabled;
    private long dataPointer;
    private int dataLength;

    /**
     * A TTY out of reset: interrupts disabled, nothing waiting.
     *
     * @param irq     the line to the PIC input it is wired to
     * @param memory  the RAM the buffer commands copy from and to
     * @param console receives the output; an {@link IOException} from it
     *                surfaces as an {@link UncheckedIOException} from the write
     *                that printed
     */
    public GoldfishTty(String name, long base, InterruptLine irq, GuestMemory memory, OutputStream console) {
        super(name, base, GoldfishPic.GOLDFISH_WINDOW, NarrowAccess.WIDENED);
        this.irq = Objects.requireNonNull(irq, "irq");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.console = Objects.requireNonNull(console, "console");
    }

    /** Bytes typed on the host console; they enter the FIFO as it has room. */
    public void hostInput(byte[] bytes) {
        backlog.add(bytes, 0, bytes.length);
        receive();
    }

    /** Bytes in the FIFO, what BYTES_READY reads. */
    public int bytesReady() {
        return fifo.size();
    }

    /** Bytes typed on the host console that have not fitted in the FIFO yet. */
    public int hostBacklog() {
        return backlog.size();
    }

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case BYTES_READY -> fifo.size();
            case VERSION -> VERSION_VALUE;
            default -> 0;
        };
    }

    @Override
    protected void writeRegister(int offset, int value) {
        switch (offset) {
            case PUT_CHAR -> print(new byte[] {(byte) value}, 1);
            case CMD -> command(value);
            case DATA_PTR -> dataPointer = Integer.toUnsignedLong(value);
            case DATA_LEN -> dataLength = value;
            case DATA_PTR_HIGH -> dataPointer = Halves.withHigh(dataPointer, value);
            default -> {
                // Unknown offset: QEMU logs it and does nothing.
            }
        }
    }

    private void command(int command) {
        switch (command) {
            case CMD_INT_DISABLE -> {
                if (interruptsEnabled && !fifo.isEmpty()) {
                    irq.set(false);
                }
                interruptsEnabled = false;
            }
            case CMD_INT_ENABLE -> {
                if (!interruptsEnabled && !fifo.isEmpty()) {
                    irq.set(true);
                }
                interruptsEnabled = true;
            }
            case CMD_WRITE_BUFFER -> writeBuffer();
            case CMD_READ_BUFFER -> readBuffer();
            default -> {
                // QEMU ignores other commands.
            }
        }
    }

    private void writeBuffer() {
        if (dataLength == 0) {
            return;
        }
        if (dataLength < 0) {
            // QEMU keeps the length in a signed int and overruns its buffer.
            throw guestError("WRITE_BUFFER", "DATA_LEN " + Integer.toUnsignedString(dataLength)
                    + " is 2 GiB or more, which QEMU 7.2 mishandles; write the text in smaller pieces");
        }
        requireRam("WRITE_BUFFER", dataLength);
        // In pieces, as QEMU copies it: a long buffer needs no long array.
        byte[] chunk = new byte[FIFO_SIZE];
        for (int done = 0; done < dataLength; done += chunk.length) {
            int length = Math.min(chunk.length, dataLength - done);
            memory.read(dataPointer + done, chunk, 0, length);
            print(chunk, length);
        }
    }

    private void readBuffer() {
        if (dataLength != 0 && !fifo.isEmpty()) {
            if (Integer.compareUnsigned(dataLength, fifo.size()) > 0) {
                throw guestError("READ_BUFFER", "DATA_LEN " + Integer.toUnsignedString(dataLength) + " but only "
                        + fifo.size() + " bytes waiting; QEMU 7.2 aborts on this (assertion in fifo8_pop_buf)."
                        + " Read BYTES_READY first and ask for at most that many");
            }
            requireRam("READ_BUFFER", dataLength);
            byte[] bytes = new byte[dataLength];
            fifo.take(bytes, 0, bytes.length);
            memory.write(dataPointer, bytes, 0, bytes.length);
        }
        if (interruptsEnabled && fifo.isEmpty()) {
            irq.set(false);
        }
        receive();
    }

    /** Moves what the host typed into the FIFO, as far as it fits: QEMU's goldfish_tty_receive. */
    private void receive() {
        int length = Math.min(FIFO_SIZE - fifo.size(), backlog.size());
        if (length == 0) {
            return;
        }
        byte[] bytes = new byte[length];
        backlog.take(bytes, 0, length);
        fifo.add(bytes, 0, length);
        if (interruptsEnabled) {
            irq.set(true);
        }
    }

    private void requireRam(String command, int length) {
        if (!memory.contains(dataPointer, length)) {
            throw guestError(command, String.format("the buffer at 0x%x, %d bytes, is not all RAM (RAM ends at 0x%x)",
                    dataPointer, length, memory.size()));
        }
    }

    private void print(byte[] bytes, int length) {
        try {
            console.write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the console output of " + name(), e);
        }
    }

    private GuestErrorException guestError(String command, String problem) {
        return new GuestErrorException(name() + " " + command + ": " + problem);
    }
}
