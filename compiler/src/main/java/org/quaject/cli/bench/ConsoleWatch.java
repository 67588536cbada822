package org.quaject.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * An image's console as a bench run sees it: the bytes, and for each line
 * when its first byte arrived and, on the runner, at which instruction.
 * The engine's thread writes it; it is read once the run is over.
 */
public final class ConsoleWatch extends OutputStream {

    /**
     * The first byte of a console line.
     *
     * @param nanos        host time from the start of the run
     * @param instructions the instructions the machine had executed, the one
     *                     writing the byte included; empty when the engine does not say
     */
    public record LineStart(long nanos, OptionalLong instructions) {
    }

    private final long startNanos;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<LineStart> lineStarts = new ArrayList<>();
    private LongSupplier instructions;
    private boolean atLineStart = true;

    /** @param startNanos the run's start, as {@link System#nanoTime()} */
    public ConsoleWatch(long startNanos) {
        this.startNanos = startNanos;
    }

    /** From now on, notes the machine's instruction count at each line start. */
    public synchronized void countInstructionsWith(LongSupplier machineInstructions) {
        this.instructions = machineInstructions;
    }

    @Override
    public synchronized void write(int b) {
        if (atLineStart) {
            long now = System.nanoTime();
            lineStarts.add(new LineStart(now - startNanos,
                    instructions == null ? OptionalLong.empty() : OptionalLong.of(instructions.getAsLong())));
        }
        bytes.write(b);
        atLineStart = (b & 0xff) == '\n';
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) {
        for (int i = 0; i < length; i++) {
            write(data[offset + i]);
        }
    }

    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** One entry per line, in order, the last line included even if unfinished. */
    public synchronized List<LineStart> lineStarts() {
        return List.copyOf(lineStarts);
    }
}
