package de.ozgsdk.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One request as a mock server received it: method, path, query, headers, the whole body and the client's TLS
 * certificates. */
public final class MockRequest {

    private final Instant receivedAt;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final List<X509Certificate> clientCertificates;

    /**
     * A request; mocks receive these from {@link MockServer}, tests of a mock's own logic may build them.
     *
     * @param headers header values by lower-case name
     */
    public MockRequest(Instant receivedAt, String method, String path, String query, Map<String, List<String>> headers,
            byte[] body, List<X509Certificate> clientCertificates) {
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        this.path = Objects.requireNonNull(path, "path");
        this.query = Objects.requireNonNull(query, "query");
        this.headers = Map.copyOf(headers);
        this.body = body.clone();
        this.clientCertificates = List.copyOf(clientCertificates);
    }

    /** When the request arrived, by the mock's clock. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The HTTP method in upper case. */
    public String method() {
        return method;
    }

    /** The decoded path, without query. */
    public String path() {
        return path;
    }

    /** The raw query string (empty if none). */
    public String query() {
        return query;
    }

    /** The first value of query parameter {@code name}, decoded. */
    public Optional<String> queryParameter(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The first value of header {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every header, values by lower-case name. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The client's certificate chain of a mutual TLS connection (empty otherwise), the client's own first. */
    public List<X509Certificate> clientCertificates() {
        return clientCertificates;
    }

    /** {@code METHOD path}: no query, headers or body, since those may hold personal data. */
    @Override
    public String toString() {
        return method + " " + path;
    }

    byte[] bodyBytes() {
        return body;
    }
}
