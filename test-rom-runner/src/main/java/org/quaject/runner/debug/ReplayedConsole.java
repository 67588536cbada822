package org.quaject.runner.debug;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The console output of a machine that is booted again and again to replay
 * its past (reverse execution): each boot writes the same bytes from the
 * start, and only those the user has not seen yet are passed on.
 */
final class ReplayedConsole extends OutputStream {

    private final OutputStream sink;
    /** Bytes of output passed on so far, over all boots. */
    private long shown;
    /** Bytes the current boot has written. */
    private long written;

    ReplayedConsole(OutputStream sink) {
        this.sink = sink;
    }

    /** A new boot starts writing from the first byte again. */
    void rewind() {
        written = 0;
    }

    @Override
    public void write(int b) throws IOException {
        written++;
        if (written > shown) {
            sink.write(b);
            shown = written;
        }
    }

    @Override
    public void flush() throws IOException {
        sink.flush();
    }
}
