package de.ozgsdk.sandbox;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The smallest mock of the shape, for the shape's own tests: {@code GET /hello} greets, {@code POST /echo} answers
 * 201 with the body's size (and the client certificate's subject under mutual TLS); its one system error is a
 * maintenance window.
 */
final class EchoMock extends MockServer {

    /** The mock's own errors. */
    enum Outage { MAINTENANCE }

    private EchoMock(Builder builder) {
        super(builder, "echo", Arrays.stream(Outage.values()).map(Enum::name).toList());
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    protected Answer handle(MockRequest request) {
        if (request.method().equals("GET") && request.path().equals("/hello")) {
            return Answer.text(200, "text/plain", "hello");
        }
        if (request.method().equals("POST") && request.path().equals("/echo")) {
            String client = request.clientCertificates().stream().findFirst()
                    .map(X509Certificate::getSubjectX500Principal).map(Object::toString).orElse("");
            return Answer.text(201, "text/plain", request.bodyLength() + " bytes " + client)
                    .header("Location", "/echo/1");
        }
        return Answer.status(404);
    }

    @Override
    protected Answer systemError(String error, MockRequest request) {
        return Answer.text(503, "text/plain", "Wartungsfenster").header("Retry-After", "120");
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        return request.path().equals("/__admin/greeting")
                ? Optional.of(Answer.json(200, "{\"greeting\":\"hello\"}")) : Optional.empty();
    }

    @Override
    protected Set<String> recordedHeaders() {
        return Set.of("content-type", "idempotency-key");
    }

    @Override
    protected Set<String> secretHeaders() {
        return Set.of("x-api-key");
    }

    /** Builds an {@link EchoMock}. */
    static final class Builder extends MockServer.Builder<Builder, EchoMock> {
        @Override
        protected EchoMock build() {
            return new EchoMock(this);
        }
    }
}
