package org.quaject.runner.debug;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The framing of the GDB remote serial protocol: packets
 * {@code $data#cs} with a two-digit hex checksum (the sum of the data bytes
 * mod 256), acknowledged with {@code +} or refused with {@code -}, and the
 * out-of-band interrupt byte 0x03 (Ctrl-C) that gdb sends while the target
 * runs. Data is treated as bytes (ISO-8859-1 strings): binary packets such as
 * {@code X} carry {@code }}-escaped bytes, undone by {@link #unescape}.
 *
 * <p>Acknowledgements stay on (no {@code QStartNoAckMode}): the stub runs on
 * TCP, where they cost nothing that matters at debugging speed.
 */
public final class RspChannel {

    /** What gdb sends to interrupt a running target. */
    static final int INTERRUPT = 0x03;
    private static final int ESCAPE = '}';
    private static final int ESCAPE_XOR = 0x20;

    private final InputStream in;
    private final OutputStream out;
    private boolean interruptSeen;

    public RspChannel(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /**
     * The next packet's data, acknowledged; empty when gdb closed the
     * connection. A packet with a wrong checksum is refused and the next one
     * read; an interrupt byte between packets is remembered for
     * {@link #interruptRequested()} (gdb may send it just as the target stops).
     */
    public Optional<String> receive() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            if (b == INTERRUPT) {
                interruptSeen = true;
                continue;
            }
            if (b != '$') {
                // Acknowledgements of our own packets, and noise between packets.
                continue;
            }
            StringBuilder data = new StringBuilder();
            int sum = 0;
            for (b = readByte(); b != '#'; b = readByte()) {
                data.append((char) b);
                sum += b;
            }
            int checksum = hexDigit(readByte()) << 4 | hexDigit(readByte());
            if (checksum == (sum & 0xff)) {
                out.write('+');
                out.flush();
                return Optional.of(data.toString());
            }
            out.write('-');
            out.flush();
        }
    }

    /** Sends a packet and waits for gdb's acknowledgement, sending it again while gdb refuses it. */
    public void send(String data) throws IOException {
        byte[] bytes = frame(data);
        while (true) {
            out.write(bytes);
            out.flush();
            int ack = in.read();
            while (ack == INTERRUPT) {
                interruptSeen = true;
                ack = in.read();
            }
            if (ack < 0) {
                throw new EOFException("gdb closed the connection");
            }
            if (ack == '+') {
                return;
            }
        }
    }

    /**
     * Whether gdb sent Ctrl-C since the last call, looking at the connection
     * without waiting: for a target that runs, between instructions.
     */
    public boolean interruptRequested() throws IOException {
        while (!interruptSeen && in.available() > 0) {
            int b = in.read();
            interruptSeen = b == INTERRUPT;
        }
        boolean seen = interruptSeen;
        interruptSeen = false;
        return seen;
    }

    /** {@code $data#cs} as bytes. */
    static byte[] frame(String data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            sum += data.charAt(i);
        }
        return String.format("$%s#%02x", data, sum & 0xff).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A binary packet's payload with its escapes undone: {@code }} then the byte xor 0x20. */
    static byte[] unescape(String data) {
        byte[] bytes = new byte[data.length()];
        int n = 0;
        for (int i = 0; i < data.length(); i++) {
            int b = data.charAt(i);
            bytes[n++] = (byte) (b == ESCAPE ? data.charAt(++i) ^ ESCAPE_XOR : b);
        }
        return Arrays.copyOf(bytes, n);
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("gdb closed the connection in the middle of a packet");
        }
        return b;
    }

    private static int hexDigit(int b) {
        return Character.digit(b, 16) < 0 ? 0x100 : Character.digit(b, 16);
    }
}
