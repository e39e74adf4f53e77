package de.ozgsdk.sandbox.fitconnect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/** A callback endpoint of the tests on loopback: collects what the mock posts. */
final class CallbackReceiver implements AutoCloseable {

    /** One received callback. */
    record Received(String authentication, String timestamp, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/callback", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("callback-authentication"),
                    exchange.getRequestHeaders().getFirst("callback-timestamp"), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    /** The next callback; fails after 10 seconds without one. */
    Received next() throws InterruptedException {
        Received next = received.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no callback arrived within 10 s");
        }
        return next;
    }

    /** Another callback if one is queued (after {@link #next()} proved delivery is done). */
    Received pending() {
        return received.poll();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
