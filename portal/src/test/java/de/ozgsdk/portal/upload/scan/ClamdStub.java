package de.ozgsdk.portal.upload.scan;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A server on a loopback port that plays clamd badly on purpose (never answers, drops the line, answers garbage):
 * what a real clamd will not do on demand. Each connection is handed to the {@link Conversation}.
 */
final class ClamdStub implements AutoCloseable {

    /** What the stub does with one accepted connection. */
    @FunctionalInterface
    interface Conversation {
        void handle(Socket socket, ClamdStub stub) throws IOException;
    }

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Every INSTREAM chunk length received, in order, the terminating 0 included. */
    final List<Integer> chunkLengths = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream received = new ByteArrayOutputStream();

    ClamdStub(Conversation conversation) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    accepted.add(socket);
                    conversation.handle(socket, this);
                } catch (IOException e) {
                    // the client went away or the stub closed: next connection
                }
            }
        }, "clamd-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    ClamdScanner.Builder client() {
        return ClamdScanner.tcp("127.0.0.1", server.getLocalPort());
    }

    /** Reads the NUL-terminated command, e.g. {@code zINSTREAM}. */
    String readCommand(InputStream in) throws IOException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new EOFException("no command");
            }
            command.write(b);
        }
        return command.toString(StandardCharsets.US_ASCII);
    }

    /** Reads INSTREAM chunks up to the zero-length terminator, or {@code limit} bytes of data, whichever comes first. */
    void readChunks(InputStream in, long limit) throws IOException {
        DataInputStream data = new DataInputStream(in);
        long total = 0;
        while (total < limit) {
            int length = data.readInt();
            chunkLengths.add(length);
            if (length == 0) {
                return;
            }
            byte[] chunk = data.readNBytes(length);
            synchronized (received) {
                received.write(chunk);
            }
            total += chunk.length;
        }
    }

    static void reply(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Blocks the stub's thread until the test ends, holding the connection open and unread. */
    void holdUntilClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Integer> chunkLengths() {
        return new ArrayList<>(chunkLengths);
    }

    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
