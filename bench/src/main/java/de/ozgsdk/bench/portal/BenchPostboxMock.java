package de.ozgsdk.bench.portal;

import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A portal's own postbox for {@code PortalPostbox} in the sandbox's shape (POST /api/messages and /api/status over
 * mutual TLS, each message kept once by its {@code Idempotency-Key}, a repeat answered with 409), keeping only the
 * keys so that a long load run does not hold every message.
 */
final class BenchPostboxMock extends MockServer {

    final Set<String> keys = ConcurrentHashMap.newKeySet();

    private BenchPostboxMock(Builder builder) {
        super(builder, "bench-postbox", List.of());
    }

    static BenchPostboxMock start() {
        return new Builder().https().requireClientCertificate().recordLimit(16).start();
    }

    @Override
    protected Answer handle(MockRequest request) {
        String key = request.header("Idempotency-Key").orElse("");
        if (!request.method().equals("POST") || !request.path().startsWith("/api/") || key.isEmpty()) {
            return Answer.status(400);
        }
        if (!keys.add(key)) {
            return Answer.status(409);
        }
        return Answer.json(201, "{\"received\":\"" + key + "\"}");
    }

    static final class Builder extends MockServer.Builder<Builder, BenchPostboxMock> {
        @Override
        protected BenchPostboxMock build() {
            return new BenchPostboxMock(this);
        }
    }
}
