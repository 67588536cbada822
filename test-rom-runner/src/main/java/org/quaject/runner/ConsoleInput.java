package org.quaject.runner;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Console input for a run that goes on while it arrives: what the stream
 * holds at the start, to be typed before the first instruction (a test's
 * declared input, a file), then what arrives later, read on a daemon thread
 * and taken by the machine's thread between slices. A daemon thread, because
 * a source such as a terminal may never end and must not keep the JVM alive.
 */
public final class ConsoleInput {
    private static final int CHUNK_SIZE = 256;

    private final byte[] ready;
    private final Queue<byte[]> arrived = new ConcurrentLinkedQueue<>();

    private ConsoleInput(byte[] ready) {
        this.ready = ready;
    }

    /** Reads what {@code input} holds now, and from then on whatever arrives on a thread named {@code threadName}. */
    public static ConsoleInput start(InputStream input, String threadName) throws IOException {
        ConsoleInput console = new ConsoleInput(input.readNBytes(input.available()));
        Thread reader = new Thread(() -> console.readUntilTheEnd(input), threadName);
        reader.setDaemon(true);
        reader.start();
        return console;
    }

    /** What the stream held at the start. */
    public byte[] ready() {
        return ready.clone();
    }

    /** Passes each chunk that arrived since the last call to {@code typing}, in order. */
    public void takeArrived(Consumer<byte[]> typing) {
        for (byte[] bytes = arrived.poll(); bytes != null; bytes = arrived.poll()) {
            typing.accept(bytes);
        }
    }

    private void readUntilTheEnd(InputStream input) {
        byte[] buffer = new byte[CHUNK_SIZE];
        try {
            for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
                arrived.add(Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            // The input ended as far as the guest can tell.
        }
    }
}
