package de.ozgsdk.portal.runtime;

import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A portal's own postbox for {@code PortalPostbox}, in the sandbox's shape: POST /api/messages and /api/status with
 * JSON over mutual TLS, each message kept once by its {@code Idempotency-Key}, a repeat answered with 409.
 */
final class OwnPostboxMock extends MockServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<String, JsonNode> held = new ConcurrentHashMap<>();

    private OwnPostboxMock(Builder builder) {
        super(builder, "own-postbox", List.of());
    }

    static OwnPostboxMock start() {
        return new Builder().https().requireClientCertificate().start();
    }

    @Override
    protected Answer handle(MockRequest request) {
        String key = request.header("Idempotency-Key").orElse("");
        if (!request.method().equals("POST") || !request.path().startsWith("/api/") || key.isEmpty()) {
            return Answer.status(400);
        }
        if (held.putIfAbsent(key, JSON.readTree(request.body())) != null) {
            return Answer.status(409);
        }
        return Answer.json(201, "{\"received\":\"" + key + "\"}");
    }

    static final class Builder extends MockServer.Builder<Builder, OwnPostboxMock> {
        @Override
        protected OwnPostboxMock build() {
            return new OwnPostboxMock(this);
        }
    }
}
