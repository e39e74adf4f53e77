package de.ozgsdk.portal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * HTTP/1.1 over a plain or TLS socket, for tests that must send exactly the headers a browser or an attacker sends
 * (Host, Origin, Sec-Fetch-Site, Cookie), which the JDK's clients restrict or rewrite.
 */
public final class RawHttp {

    private final SocketFactory sockets;
    private final int port;

    private RawHttp(SocketFactory sockets, int port) {
        this.sockets = sockets;
        this.port = port;
    }

    /** Requests to {@code localhost:port} over plain TCP. */
    public static RawHttp plain(int port) {
        return new RawHttp(SocketFactory.getDefault(), port);
    }

    /** Requests to {@code localhost:port} over TLS with {@code sockets}. */
    public static RawHttp tls(SocketFactory sockets, int port) {
        return new RawHttp(sockets, port);
    }

    /** One request: GET or POST of a form body ({@code null} for none), extra headers as name, value pairs. */
    public Response send(String method, String host, String path, String formBody, String... headers)
            throws IOException {
        try (Socket socket = sockets.createSocket("localhost", port)) {
            // as browsers do: the port in Host unless it is the default
            String hostHeader = host.equals("localhost") ? "localhost:" + port : host;
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader
                    + "\r\nConnection: close\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            byte[] body = formBody == null ? new byte[0] : formBody.getBytes(StandardCharsets.UTF_8);
            if (formBody != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                        .append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return Response.parse(socket.getInputStream());
        }
    }

    /** GET with extra headers. */
    public Response get(String host, String path, String... headers) throws IOException {
        return send("GET", host, path, null, headers);
    }

    /**
     * A parsed response.
     *
     * @param status  the status code
     * @param headers every header line as name (lower case) and value, in order
     * @param body    the body, decoded as UTF-8 (chunked transfer undone)
     */
    public record Response(int status, List<Map.Entry<String, String>> headers, String body) {

        /** The first value of a header. */
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.getKey().equals(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue).findFirst();
        }

        /** Every value of a header. */
        public List<String> all(String name) {
            return headers.stream().filter(h -> h.getKey().equals(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue).toList();
        }

        /** The cookies set, by name, as {@code name=value} (without attributes). */
        public Map<String, String> cookies() {
            Map<String, String> cookies = new LinkedHashMap<>();
            for (String line : all("set-cookie")) {
                String pair = line.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair);
            }
            return cookies;
        }

        static Response parse(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int headerEnd = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, headerEnd).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                headers.add(Map.entry(name, value));
                chunked |= name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked");
            }
            byte[] body = java.util.Arrays.copyOfRange(all, headerEnd + 4, all.length);
            return new Response(status, headers, new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunk(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < body.length) {
                int lineEnd = at;
                while (body[lineEnd] != '\r') {
                    lineEnd++;
                }
                int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                        .split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.write(body, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return out.toByteArray();
        }
    }
}
