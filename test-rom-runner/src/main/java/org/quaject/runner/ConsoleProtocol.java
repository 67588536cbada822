package org.quaject.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Sits between an image's console and whoever watches it: passes the bytes
 * on to a sink as they arrive, except the status line ({@code # qj-exit: D})
 * that ends the output of an image that halted on purpose, whose value it
 * records instead. It also keeps the whole transcript, status line included.
 *
 * <p>Only the bytes of a line that could still turn out to be the status line
 * are held back, and a status line is only the status line if nothing follows
 * it: when more output arrives, the held line is released to the sink and the
 * status forgotten. {@link #close()} ends the output; the sink is flushed but
 * left open, as it belongs to the caller.
 *
 * <p>Methods are synchronized: one thread writes while another may ask for the
 * status and transcript.
 */
public final class ConsoleProtocol extends OutputStream {
    private final OutputStream sink;
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    /** The current line so far, while it could still be the status line. */
    private final ByteArrayOutputStream heldLine = new ByteArrayOutputStream();
    /** The current line has shown it is ordinary output; it goes straight to the sink. */
    private boolean passingLine;
    /** Present while the held line is a complete status line. */
    private OptionalInt status = OptionalInt.empty();

    public ConsoleProtocol(OutputStream sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(int value) throws IOException {
        // OutputStream's contract: only the low eight bits count.
        int b = value & 0xff;
        transcript.write(b);
        if (status.isPresent()) {
            release();
        }
        if (passingLine) {
            sink.write(b);
            passingLine = b != '\n';
            return;
        }
        heldLine.write(b);
        if (b == '\n') {
            String line = heldText();
            status = StatusLine.parse(line.substring(0, line.length() - 1));
            if (status.isEmpty()) {
                release();
            }
        } else if (!StatusLine.couldBegin(heldText())) {
            release();
            passingLine = true;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        // Ordinary output is forwarded in one piece; only line starts need a byte-wise look.
        int end = offset + length;
        int at = offset;
        while (at < end) {
            if (passingLine && status.isEmpty()) {
                int stop = at;
                while (stop < end && bytes[stop] != '\n') {
                    stop++;
                }
                int through = Math.min(stop + 1, end);
                transcript.write(bytes, at, through - at);
                sink.write(bytes, at, through - at);
                passingLine = stop == end;
                at = through;
            } else {
                write(bytes[at++]);
            }
        }
    }

    /** Flushes the sink; a line that could still be the status line stays held back. */
    @Override
    public synchronized void flush() throws IOException {
        sink.flush();
    }

    /**
     * Ends the output. A held line that is a status line, even without its
     * newline, stays swallowed; anything else held is released.
     */
    @Override
    public synchronized void close() throws IOException {
        if (status.isEmpty()) {
            status = StatusLine.parse(heldText());
            if (status.isEmpty()) {
                release();
            }
        }
        sink.flush();
    }

    /** The value of the status line, if the output so far ends with one. */
    public synchronized OptionalInt exitStatus() {
        return status;
    }

    /** Every byte written so far, status line included. */
    public synchronized byte[] transcript() {
        return transcript.toByteArray();
    }

    private String heldText() {
        // One char per byte: a byte outside ASCII simply fails to match the status line.
        return heldLine.toString(StandardCharsets.ISO_8859_1);
    }

    private void release() throws IOException {
        heldLine.writeTo(sink);
        heldLine.reset();
        status = OptionalInt.empty();
    }
}
