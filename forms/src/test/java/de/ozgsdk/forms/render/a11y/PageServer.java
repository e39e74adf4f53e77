package de.ozgsdk.forms.render.a11y;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves pages and their style sheets from memory over real HTTP on the loopback interface, so the browser sees the
 * pages as a portal would deliver them (an http origin for style sheets and form actions, not file://). It answers
 * GET and HEAD; a form post gets 405, which is enough for measuring pages.
 */
final class PageServer implements AutoCloseable {

    private record Resource(String contentType, byte[] body) {
    }

    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final AtomicInteger pageCounter = new AtomicInteger();
    private final HttpServer server;

    private PageServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    static PageServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            PageServer pages = new PageServer(server);
            server.createContext("/", pages::handle);
            server.start();
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the test pages", e);
        }
    }

    /** Publishes an HTML page under a fresh path and returns its address. */
    URI publishPage(String html) {
        return publish("/page/" + pageCounter.incrementAndGet() + ".html", "text/html; charset=utf-8", html);
    }

    /**
     * Publishes a resource (page, style sheet) under the given absolute path, replacing what was there.
     *
     * @param path absolute path beginning with {@code /}
     */
    URI publish(String path, String contentType, String body) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        resources.put(path, new Resource(contentType, body.getBytes(StandardCharsets.UTF_8)));
        return base().resolve(path);
    }

    /** The address of the server's root. */
    URI base() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Resource resource = resources.get(exchange.getRequestURI().getPath());
            if (resource == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", resource.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if ("HEAD".equals(method)) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, resource.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(resource.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
