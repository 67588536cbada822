package org.quaject.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Copies one stream into another on a daemon thread, flushing after every
 * chunk so that the target sees bytes as they arrive, and closes the target
 * at the end of the input (the source belongs to whoever gave it). A daemon
 * thread, because a source such as a terminal may never end and must not keep
 * the JVM alive.
 */
final class StreamPump implements Runnable {
    private static final int CHUNK_SIZE = 8192;

    private final InputStream source;
    private final OutputStream target;
    private final Thread thread;
    private volatile IOException failure;

    private StreamPump(String name, InputStream source, OutputStream target) {
        this.source = source;
        this.target = target;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    static StreamPump start(String name, InputStream source, OutputStream target) {
        StreamPump pump = new StreamPump(name, source, target);
        pump.thread.start();
        return pump;
    }

    @Override
    public void run() {
        try (OutputStream closedAtEnd = target) {
            byte[] chunk = new byte[CHUNK_SIZE];
            for (int n; (n = source.read(chunk)) != -1; ) {
                closedAtEnd.write(chunk, 0, n);
                closedAtEnd.flush();
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Waits until the source has ended or the copy failed. */
    void await() throws InterruptedException {
        thread.join();
    }

    /** Why the copy stopped early, if it did. */
    Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }
}
