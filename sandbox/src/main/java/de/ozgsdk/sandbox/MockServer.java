package de.ozgsdk.sandbox;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shape of every sandbox mock: an embedded Jetty 12 server on a loopback port, started by its builder and
 * stopped by {@link #close()}, with {@link Faults} a test sets per call or per scenario, an admin endpoint under
 * {@code /__admin/} that sets the same faults and reads the record at run time, and a masked {@link Records record}
 * of what it received.
 *
 * <p>A mock extends this class, answers requests in {@link #handle(MockRequest)}, names its own errors (answered in
 * {@link #systemError(String, MockRequest)}) and has a builder extending {@link Builder}; a test starts it with
 * {@code MeldewesenMock.builder().start()}, sets faults with {@code faults().add(Fault.status(503).once())} and reads
 * {@code records()}:
 *
 * <pre>{@code
 * // A Meldebehörde's lookup service: answers GET /meldungen/{id}; its own error is a maintenance window.
 * static final class MeldewesenMock extends MockServer {
 *
 *     enum Error { WARTUNG }
 *
 *     private MeldewesenMock(Builder builder) {
 *         super(builder, "meldewesen", List.of(Error.WARTUNG.name()));
 *     }
 *
 *     static Builder builder() {
 *         return new Builder();
 *     }
 *
 *     @Override
 *     protected Answer handle(MockRequest request) {
 *         if (request.method().equals("GET") && request.path().startsWith("/meldungen/")) {
 *             return Answer.json(200, "{\"status\":\"gemeldet\"}");
 *         }
 *         return Answer.status(404);
 *     }
 *
 *     @Override
 *     protected Answer systemError(String error, MockRequest request) {
 *         return Answer.text(503, "text/plain", "Wartung").header("Retry-After", "3600");
 *     }
 *
 *     static final class Builder extends MockServer.Builder<Builder, MeldewesenMock> {
 *         @Override
 *         protected MeldewesenMock build() {
 *             return new MeldewesenMock(this);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Admin endpoint (plain JSON, never faulted, not recorded): {@code GET /__admin/} describes the mock (name, fault
 * kinds, system errors); {@code GET|POST|DELETE /__admin/faults} lists, adds (one fault object or an array, e.g.
 * {@code {"kind":"status","status":503,"method":"POST","path":"/antraege","times":1}}) and clears faults;
 * {@code GET|DELETE /__admin/records} reads and clears the record. Mocks may add their own admin resources
 * ({@link #admin(MockRequest)}).
 */
public abstract class MockServer implements AutoCloseable {

    /** The path prefix of the admin endpoint. */
    public static final String ADMIN_PREFIX = "/__admin/";

    private static final Logger LOG = LoggerFactory.getLogger(MockServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
    private static final Set<String> ALWAYS_SECRET = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");

    private final String name;
    private final int requestedPort;
    private final SandboxPki pki;
    private final PrivateKeyCredential serverCredential;
    private final TrustedCertificates clientAnchors;
    private final Clock clock;
    private final long maxBodyBytes;
    private final Faults faults;
    private final Records records;
    private final AdminEndpoint adminEndpoint;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Set<Callback> hanging = ConcurrentHashMap.newKeySet();
    private Server server;
    private URI baseUrl;

    /**
     * Takes the settings of {@code builder}; the mock is started by {@link Builder#start()}.
     *
     * @param name the mock's name in records, logs and the overview (e.g. {@code intake})
     * @param faultKinds the kinds of {@link Fault} this mock can apply
     * @param systemErrors the names of the mock's own errors ({@link Fault#systemError}), usually of an enum
     */
    protected MockServer(Builder<?, ?> builder, String name, Set<Fault.Kind> faultKinds, List<String> systemErrors) {
        this.name = Objects.requireNonNull(name, "name");
        this.requestedPort = builder.port;
        this.pki = builder.https ? (builder.pki != null ? builder.pki : SandboxPki.generate()) : null;
        this.clientAnchors = builder.clientAnchors != null || !builder.clientsOfOwnPki ? builder.clientAnchors
                : pki.trust();
        this.serverCredential = pki == null ? null : pki.localServer();
        this.clock = builder.clock;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.faults = new Faults(name, faultKinds, systemErrors);
        this.records = new Records(builder.recordLimit);
        this.adminEndpoint = new AdminEndpoint(this);
    }

    /** As {@link #MockServer(Builder, String, Set, List)} with every fault kind. */
    protected MockServer(Builder<?, ?> builder, String name, List<String> systemErrors) {
        this(builder, name, EnumSet.allOf(Fault.Kind.class), systemErrors);
    }

    /**
     * Answers one request that got no fault (or only latency). Runs on a server thread, concurrently with other
     * requests; an exception becomes a 500 answer (logged without personal data).
     */
    protected abstract Answer handle(MockRequest request) throws Exception;

    /** Answers one request with the mock's own error {@code error} (one of its declared system errors). */
    protected Answer systemError(String error, MockRequest request) throws Exception {
        throw new IllegalStateException("mock '" + name + "' declares system error " + error + " but does not answer it");
    }

    /** The admin endpoint's answer to {@code request} (its path under {@code /__admin/}): the combined sandbox forwards. */
    final Answer adminAnswer(MockRequest request) {
        return adminEndpoint.answer(request);
    }

    final Optional<Answer> extraAdmin(MockRequest request) throws Exception {
        return admin(request);
    }

    /** Extra admin resources of this mock ({@code /__admin/…} paths the shape does not serve); empty: 404. */
    protected Optional<Answer> admin(MockRequest request) throws Exception {
        return Optional.empty();
    }

    /** Lower-case names of the request headers this mock records (secrets among them are masked). */
    protected Set<String> recordedHeaders() {
        return Set.of("content-type", "content-length", "accept");
    }

    /** Lower-case names of headers recorded only as {@code ***} (besides Authorization, Cookie and the like). */
    protected Set<String> secretHeaders() {
        return Set.of();
    }

    /**
     * The record's summary of a request body: by default its size and SHA-256, never its content (bodies may hold
     * personal data); a mock may show fields it knows to be harmless, masking the rest.
     */
    protected String summariseBody(MockRequest request) {
        return summarise(request.bodyBytes());
    }

    /**
     * Called once the server listens, so a mock can announce its {@link #baseUrl()} elsewhere (e.g. register a
     * callback URL with another mock); the default does nothing.
     */
    protected void started() {
    }

    /** Waits {@code delay} (a latency fault of a mock without HTTP); ends early when the mock is closed. */
    protected final void pause(Duration delay) {
        try {
            waitFor(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The fault for one event of a mock without HTTP (e.g. {@code IMPORT} of a file), matched like a request's. */
    protected final Optional<Fault> takeFault(String method, String path) {
        return faults.take(method, path);
    }

    /** Adds an entry to the record, for mocks that also record events without an HTTP request (e.g. an import). */
    protected final void record(RecordedExchange exchange) {
        records.add(exchange);
    }

    /** {@code <n> bytes, sha-256 <hex>}, or empty for no bytes: the default masked summary of a body. */
    public static String summarise(byte[] bytes) {
        if (bytes.length == 0) {
            return "";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return bytes.length + " bytes, sha-256 " + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The mock's name (e.g. {@code intake}). */
    public final String name() {
        return name;
    }

    /** {@code http(s)://127.0.0.1:<port>/}. */
    public final URI baseUrl() {
        requireStarted();
        return baseUrl;
    }

    /** {@code path} resolved against {@link #baseUrl()} (a leading {@code /} is optional). */
    public final URI uri(String path) {
        return baseUrl().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The port the mock listens on (the free port picked when started with port 0). */
    public final int port() {
        return baseUrl().getPort();
    }

    /** Whether the mock serves https. */
    public final boolean isHttps() {
        return pki != null;
    }

    /** The faults the mock applies now. */
    public final Faults faults() {
        return faults;
    }

    /** What the mock received. */
    public final Records records() {
        return records;
    }

    /** The mock's clock. */
    public final Clock clock() {
        return clock;
    }

    /**
     * The PKI that issued this https mock's server certificate; it also issues client certificates for mutual TLS.
     *
     * @throws ConfigurationException for a plain http mock ({@code OZG-SANDBOX-113})
     */
    public final SandboxPki pki() {
        if (pki == null) {
            throw new ConfigurationException(SandboxError.MOCK_NOT_HTTPS, name);
        }
        return pki;
    }

    /** What a client trusts to reach this https mock (its CA certificate). */
    public final TrustedCertificates serverTrust() {
        return pki().trust();
    }

    /** The server certificate chain of this https mock. */
    public final List<X509Certificate> serverCertificates() {
        pki();
        return serverCredential.chain();
    }

    /** Stops the server; hanging requests are cut off. Idempotent. */
    @Override
    public void close() {
        closed.countDown();
        hanging.forEach(callback -> callback.failed(new EofException("mock '" + name + "' closed")));
        hanging.clear();
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("Mock {} did not stop cleanly: {}", name, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + (baseUrl == null ? "" : " " + baseUrl) + "]";
    }

    private void requireStarted() {
        if (baseUrl == null) {
            throw new IllegalStateException("mock '" + name + "' is not started; use its builder's start()");
        }
    }

    private void startServer() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("sandbox-" + name);
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector;
        if (pki != null) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // the certificate names 127.0.0.1 and localhost; clients may use either in the Host header
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            connector = new ServerConnector(server, sslContextFactory(), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(LOOPBACK);
        // a hanging request must outlast any client timeout a test sets, so that the client gives up first
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setPort(requestedPort);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                serve(request, response, callback);
                return true;
            }
        });
        // a mock has nothing to finish: hanging and slow requests are cut off at once
        server.setStopTimeout(0);
        server.start();
        baseUrl = URI.create((pki != null ? "https" : "http") + "://" + LOOPBACK + ":" + connector.getLocalPort() + "/");
        LOG.info("Mock {} listens on {}", name, baseUrl);
    }

    private SslContextFactory.Server sslContextFactory() {
        char[] password = "sandbox".toCharArray();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(serverCredential.toKeyStore("server", password));
        ssl.setKeyStorePassword("sandbox");
        ssl.setKeyManagerPassword("sandbox");
        if (clientAnchors != null) {
            ssl.setTrustStore(clientAnchors.toKeyStore());
            ssl.setNeedClientAuth(true);
        }
        return ssl;
    }

    private void serve(Request request, Response response, Callback callback) throws Exception {
        MockRequest mockRequest = read(request);
        if (mockRequest.path().startsWith(ADMIN_PREFIX) || mockRequest.path().equals("/__admin")) {
            write(adminEndpoint.answer(mockRequest), request, response, callback);
            return;
        }
        Optional<Fault> fault = faults.take(mockRequest.method(), mockRequest.path());
        Answer answer;
        if (fault.isPresent()) {
            waitFor(fault.get().delay());
            answer = answerFault(fault.get(), mockRequest);
        } else {
            answer = answerSafely(mockRequest);
        }
        records.add(new RecordedExchange(mockRequest.receivedAt(), mockRequest.method(), mockRequest.path(),
                recordedHeadersOf(mockRequest), summariseBody(mockRequest),
                answer.isSent() ? OptionalInt.of(answer.statusCode()) : OptionalInt.empty(),
                fault.map(Fault::toString)));
        write(answer, request, response, callback);
    }

    private Answer answerFault(Fault fault, MockRequest request) {
        return switch (fault.kind()) {
            case LATENCY -> answerSafely(request);
            case STATUS -> Answer.text(fault.status(), fault.body().isEmpty() ? "" : fault.contentType(),
                    fault.body());
            case HANG -> Answer.hang();
            case DROP -> Answer.drop();
            case SYSTEM_ERROR -> {
                try {
                    yield systemError(fault.systemError(), request);
                } catch (Exception e) {
                    yield failed(request, e);
                }
            }
        };
    }

    private Answer answerSafely(MockRequest request) {
        try {
            return handle(request);
        } catch (Exception e) {
            return failed(request, e);
        }
    }

    private Answer failed(MockRequest request, Exception e) {
        // the exception's message is the mock's own text; the request's content stays out of the log
        LOG.warn("Mock {} failed on {}: {}", name, request, e.toString());
        return Answer.text(500, "text/plain; charset=utf-8", "sandbox mock '" + name + "' failed: " + e);
    }

    private void waitFor(Duration delay) throws InterruptedException {
        if (!delay.isZero()) {
            // a blocking wait is the realistic slow system; close() ends it early
            closed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private MockRequest read(Request request) throws IOException {
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        }
        if (body.length > maxBodyBytes) {
            throw new IOException("request body over " + maxBodyBytes + " bytes (maxBodyBytes of mock " + name + ")");
        }
        Map<String, List<String>> headers = new TreeMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(field.getValue());
        }
        List<X509Certificate> certificates = List.of();
        if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData tls
                && tls.peerCertificates() != null) {
            certificates = List.of(tls.peerCertificates());
        }
        String query = request.getHttpURI().getQuery();
        return new MockRequest(Instant.now(clock), request.getMethod(), Request.getPathInContext(request),
                query == null ? "" : query, headers, body, certificates);
    }

    private Map<String, String> recordedHeadersOf(MockRequest request) {
        Map<String, String> recorded = new LinkedHashMap<>();
        Set<String> secret = secretHeaders();
        Set<String> wanted = recordedHeaders();
        request.headers().forEach((header, values) -> {
            if (ALWAYS_SECRET.contains(header) || secret.contains(header)) {
                recorded.put(header, "***");
            } else if (wanted.contains(header)) {
                recorded.put(header, String.join(", ", values));
            }
        });
        return recorded;
    }

    private void write(Answer answer, Request request, Response response, Callback callback) {
        switch (answer.mode()) {
            case HANG -> {
                hanging.add(callback);
                // Jetty ends the exchange at its idle timeout or when the client closes: forget it then
                Request.addCompletionListener(request, failure -> hanging.remove(callback));
            }
            case DROP -> {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(new EofException("connection dropped by a sandbox fault"));
            }
            case RESPOND -> {
                response.setStatus(answer.statusCode());
                answer.headers().forEach((header, value) -> response.getHeaders().put(header, value));
                response.write(true, ByteBuffer.wrap(answer.bodyBytes()), callback);
            }
        }
    }

    /**
     * Settings shared by every mock's builder: port, https, mutual TLS, clock, record size. A mock's builder extends
     * it and constructs the mock in {@link #build()}.
     *
     * @param <B> the concrete builder
     * @param <S> the mock it starts
     */
    public abstract static class Builder<B extends Builder<B, S>, S extends MockServer> {

        private int port;
        private boolean https;
        private SandboxPki pki;
        private TrustedCertificates clientAnchors;
        private boolean clientsOfOwnPki;
        private Clock clock = Clock.systemUTC();
        private int recordLimit = 1_000;
        private long maxBodyBytes = 64L * 1024 * 1024;

        /** A builder with the defaults: any free port, plain http, system clock, 1,000 records. */
        protected Builder() {
        }

        /** The loopback port to listen on; 0 (the default) picks a free one. */
        public B port(int port) {
            if (port < 0 || port > 65_535) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "port", port,
                        "0..65535 (0 = any free port)");
            }
            this.port = port;
            return self();
        }

        /** Serves https with a certificate for 127.0.0.1/localhost from a CA generated for this mock. */
        public B https() {
            this.https = true;
            return self();
        }

        /** Serves https with a certificate issued by {@code pki} (share one PKI among mocks: one trust anchor). */
        public B https(SandboxPki pki) {
            this.pki = Objects.requireNonNull(pki, "pki");
            this.https = true;
            return self();
        }

        /** Requires mutual TLS: a client certificate chaining to {@code anchors}, checked in the TLS handshake. */
        public B requireClientCertificate(TrustedCertificates anchors) {
            this.clientAnchors = Objects.requireNonNull(anchors, "anchors");
            this.https = true;
            return self();
        }

        /**
         * Requires mutual TLS with a client certificate issued by the mock's own PKI ({@code mock.pki().issueClient(…)}),
         * unless {@link #requireClientCertificate(TrustedCertificates) other anchors} are given.
         */
        public B requireClientCertificate() {
            this.clientsOfOwnPki = true;
            this.https = true;
            return self();
        }

        /** The clock of record times and of the mock's own time-dependent behaviour (default: system UTC). */
        public B clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return self();
        }

        /** How many exchanges the record keeps (default 1,000; older ones are dropped). */
        public B recordLimit(int recordLimit) {
            if (recordLimit < 1) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "recordLimit", recordLimit, ">= 1");
            }
            this.recordLimit = recordLimit;
            return self();
        }

        /** The largest request body the mock reads (default 64 MiB); larger requests fail. */
        public B maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes < 0) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "maxBodyBytes", maxBodyBytes, ">= 0");
            }
            this.maxBodyBytes = maxBodyBytes;
            return self();
        }

        /** Builds the mock and starts it on its port; close it with {@link MockServer#close()}. */
        public final S start() {
            S mock = build();
            try {
                ((MockServer) mock).startServer();
                ((MockServer) mock).started();
            } catch (Exception e) {
                mock.close();
                throw new ConfigurationException(SandboxError.MOCK_START_FAILED, e, mock.name(), port, e.toString());
            }
            return mock;
        }

        /** Constructs the (not yet started) mock from this builder. */
        protected abstract S build();

        /** This builder, typed. */
        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }
    }
}
