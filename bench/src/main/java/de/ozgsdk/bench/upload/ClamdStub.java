package de.ozgsdk.bench.upload;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A clamd stand-in on loopback for benchmarks: reads one {@code zINSTREAM} command per connection, consumes its
 * length-prefixed chunks up to the zero-length one and answers {@code stream: OK} at once, so that what is measured is
 * the portal's side of a scan (streaming the document out), not signature matching.
 */
final class ClamdStub implements AutoCloseable {

    private static final byte[] COMMAND = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Thread acceptor;

    ClamdStub() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::serve, "clamd-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                answer(socket.getInputStream(), socket.getOutputStream());
            } catch (IOException e) {
                // closed at the end of the benchmark, or a client gave up: wait for the next one
            }
        }
    }

    private static void answer(InputStream rawIn, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(rawIn);
        byte[] command = in.readNBytes(COMMAND.length);
        if (!Arrays.equals(command, COMMAND)) {
            out.write("UNKNOWN COMMAND\0".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] skip = new byte[64 * 1024];
        for (int length = in.readInt(); length > 0; length = in.readInt()) {
            in.readFully(skip, 0, Math.min(length, skip.length));
            if (length > skip.length) {
                in.skipNBytes(length - skip.length);
            }
        }
        out.write("stream: OK\0".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
