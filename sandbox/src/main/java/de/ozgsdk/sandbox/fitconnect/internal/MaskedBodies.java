package de.ozgsdk.sandbox.fitconnect.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.ozgsdk.sandbox.MockServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the record keeps of a FIT-Connect request body: the token request without its secret, the create request
 * without its callback secret, JWEs as size and hash only (they are the application, encrypted).
 */
public final class MaskedBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MASK = "***";

    private MaskedBodies() {
    }

    public static String summarise(String method, String path, byte[] body) {
        if (body.length == 0) {
            return "";
        }
        if (method.equals("POST") && path.equals(FitConnectApi.TOKEN_PATH)) {
            return tokenRequest(new String(body, StandardCharsets.UTF_8));
        }
        if (method.equals("POST") && path.equals("/v1/submissions")) {
            return createRequest(body);
        }
        if (method.equals("PUT") && path.matches("/v1/submissions/[^/]+")) {
            return submitRequest(body);
        }
        return MockServer.summarise(body);
    }

    private static String tokenRequest(String form) {
        List<String> parts = new ArrayList<>();
        FitConnectApi.queryOf(form).forEach((name, values) -> parts.add(name + "="
                + (name.equals("grant_type") || name.equals("client_id") ? String.join(",", values) : MASK)));
        return String.join("&", parts);
    }

    private static String createRequest(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode object && object.get("callback") instanceof ObjectNode callback
                    && callback.has("secret")) {
                callback.put("secret", MASK);
            }
            return node == null ? MockServer.summarise(body) : node.toString();
        } catch (JacksonException e) {
            return MockServer.summarise(body);
        }
    }

    private static String submitRequest(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            for (String field : List.of("encryptedMetadata", "encryptedData")) {
                JsonNode value = node == null ? null : node.get(field);
                if (value != null && value.isString()) {
                    parts.add(field + ": " + MockServer.summarise(value.stringValue()
                            .getBytes(StandardCharsets.US_ASCII)));
                }
            }
            return parts.isEmpty() ? MockServer.summarise(body) : String.join("; ", parts);
        } catch (JacksonException e) {
            return MockServer.summarise(body);
        }
    }
}
