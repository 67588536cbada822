package org.quaject.runner.debug;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;

/**
 * Where gdb connects: a TCP port on the loopback interface (the debugger
 * controls the whole machine, so nothing else on the network may). One
 * connection is served; the session ends with it.
 */
public final class GdbServer implements AutoCloseable {

    private final ServerSocket socket;

    private GdbServer(ServerSocket socket) {
        this.socket = socket;
    }

    /** Listens on {@code port} of the loopback interface; port 0 takes a free one ({@link #port()}). */
    public static GdbServer listen(int port) throws IOException {
        return new GdbServer(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Waits for gdb, then serves it ({@link GdbStub#serve()}); returns how the guest ended, if it did. */
    public Optional<TargetStop> serve(DebugTarget target, PrintWriter log) throws IOException {
        try (Socket connection = socket.accept()) {
            connection.setTcpNoDelay(true);
            RspChannel channel = new RspChannel(new BufferedInputStream(connection.getInputStream()),
                    new BufferedOutputStream(connection.getOutputStream()));
            return new GdbStub(channel, target, log).serve();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
