package org.quaject.maven;

import java.io.Writer;
import java.util.function.Consumer;

/** A writer that hands each line written to it, as it is completed, to Maven's log. */
final class LogWriter extends Writer {

    private final Consumer<CharSequence> log;
    private final StringBuilder line = new StringBuilder();

    LogWriter(Consumer<CharSequence> log) {
        this.log = log;
    }

    @Override
    public synchronized void write(char[] text, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (text[i] == '\n') {
                log.accept(line.toString());
                line.setLength(0);
            } else if (text[i] != '\r') {
                line.append(text[i]);
            }
        }
    }

    @Override
    public void flush() {
        // A line goes to the log only whole.
    }

    /** Logs what is left of an unfinished last line. */
    @Override
    public synchronized void close() {
        if (line.length() > 0) {
            log.accept(line.toString());
            line.setLength(0);
        }
    }
}
