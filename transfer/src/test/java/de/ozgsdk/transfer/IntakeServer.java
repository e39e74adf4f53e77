package de.ozgsdk.transfer;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TestPki;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.ByteString;

/**
 * A Fachverfahren intake for the tests: a MockWebServer over real mutual TLS that behaves like a correct receiver
 * (stores each application once per {@code Idempotency-Key}, answers 201 with a receipt, a repeat with 409), unless a
 * scripted fault answers the next request instead.
 */
public final class IntakeServer implements AutoCloseable {

    public static final HeldCertificate CA = TestPki.certificateAuthority("Test Intake CA");
    public static final HeldCertificate SERVER = TestPki.leaf("localhost", CA);
    public static final HeldCertificate PORTAL = TestPki.leaf("ozg-portal", CA);

    private final MockWebServer server = new MockWebServer();
    private final Map<String, ByteString> applications = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Deque<Function<RecordedRequest, MockResponse>> faults = new ArrayDeque<>();

    public IntakeServer() throws IOException {
        HandshakeCertificates tls = new HandshakeCertificates.Builder()
                .heldCertificate(SERVER, CA.certificate())
                .addTrustedCertificate(CA.certificate())
                .build();
        server.useHttps(tls.sslSocketFactory());
        server.requireClientAuth();
        // HTTP/1.1 as legacy intakes speak it; it also makes a dropped connection drop the answer, not just a stream.
        server.setProtocols(List.of(Protocol.HTTP_1_1));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                Function<RecordedRequest, MockResponse> fault;
                synchronized (faults) {
                    fault = faults.poll();
                }
                return fault != null ? fault.apply(request) : accept(request);
            }
        });
        server.start();
    }

    /** The next request is answered with {@code response} instead of being accepted. */
    public IntakeServer thenAnswer(MockResponse response) {
        return thenDo(request -> response);
    }

    /** The next request is handled by {@code fault} (which may still {@link #accept} it). */
    IntakeServer thenDo(Function<RecordedRequest, MockResponse> fault) {
        synchronized (faults) {
            faults.add(fault);
        }
        return this;
    }

    /** What a correct receiver does: keep the application once per key, 201 with a receipt, 409 for a repeat. */
    MockResponse accept(RecordedRequest request) {
        String key = request.getHeaders().get("Idempotency-Key");
        if (key == null) {
            return new MockResponse.Builder().code(400).body("Idempotency-Key missing").build();
        }
        if (applications.putIfAbsent(key, request.getBody()) != null) {
            return new MockResponse.Builder().code(409).body("<eingang schonVorhanden=\"" + key + "\"/>").build();
        }
        return new MockResponse.Builder().code(201)
                .setHeader("Content-Type", "application/xml")
                .setHeader("Location", "/antraege/AZ-" + key)
                .body("<eingangsbestaetigung aktenzeichen=\"AZ-" + key + "\"/>")
                .build();
    }

    /** The applications the receiver holds, by key. */
    public Map<String, ByteString> applications() {
        return Map.copyOf(applications);
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public URI url(String path) {
        return server.url(path).uri();
    }

    /** Client settings of the portal: its certificate, the intake CA as the only anchor, no retries of its own. */
    public static HttpClientConfig.Builder portalTls() {
        return HttpClientConfig.builder()
                .clientCredential(PrivateKeyCredential.of(PORTAL.keyPair().getPrivate(),
                        List.of(PORTAL.certificate(), CA.certificate())))
                .trustedCertificates(TrustedCertificates.of(List.of(CA.certificate())))
                .maxRetries(0)
                .callTimeout(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        server.close();
    }
}
