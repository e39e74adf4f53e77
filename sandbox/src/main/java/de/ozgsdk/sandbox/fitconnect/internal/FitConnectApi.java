package de.ozgsdk.sandbox.fitconnect.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import de.ozgsdk.sandbox.fitconnect.internal.OAuthClients.Client;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP surface of the FIT-Connect mock, independent of the server it runs in: maps method and path to the token
 * endpoint, the Submission API v1, the Routing API and the JWKS, and errors to RFC 7807 problems.
 */
public final class FitConnectApi {

    /** One request as the API sees it; header names lower case, the query undecoded. */
    public record ApiRequest(String method, String path, String query, Map<String, List<String>> headers,
            byte[] body) {

        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One answer: status, content type (empty for none), body and extra headers. */
    public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

        static ApiResponse json(int status, String json) {
            return new ApiResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static ApiResponse empty(int status) {
            return new ApiResponse(status, "", new byte[0], Map.of());
        }

        ApiResponse withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new ApiResponse(status, contentType, body, copy);
        }
    }

    public static final String TOKEN_PATH = "/token";
    public static final String SERVICE_JWKS_PATH = "/.well-known/jwks.json";
    public static final String PORTAL_JWKS_PATH = "/portal/.well-known/jwks.json";
    public static final String ROUTING_PREFIX = "/routing/v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JOSE = "application/jose";

    private final DeliveryService service;
    private final Routing routing;
    private final OAuthClients clients;
    private final RSAKey serviceKey;
    private final RSAKey portalKey;
    private final Supplier<List<de.ozgsdk.sandbox.fitconnect.SandboxDestination>> destinations;

    public FitConnectApi(DeliveryService service, Routing routing, OAuthClients clients, RSAKey serviceKey,
            RSAKey portalKey) {
        this.service = service;
        this.routing = routing;
        this.clients = clients;
        this.serviceKey = serviceKey;
        this.portalKey = portalKey;
        this.destinations = service::destinations;
    }

    /** Answers one request; never throws for bad input. */
    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (Problem problem) {
            return problem(problem);
        } catch (OAuthClients.OAuthError error) {
            ObjectNode body = JSON.createObjectNode();
            body.put("error", error.error());
            body.put("error_description", error.getMessage());
            ApiResponse response = ApiResponse.json(error.status(), body.toString()).withHeader("Cache-Control",
                    "no-store");
            return error.status() == 401 ? response.withHeader("WWW-Authenticate", "Basic realm=\"fit-connect\"")
                    : response;
        }
    }

    /** An RFC 7807 problem as {@code application/problem+json}. */
    public static ApiResponse problem(Problem problem) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        ApiResponse response = new ApiResponse(problem.status(), "application/problem+json",
                body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        return problem.status() == 401 ? response.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                : response;
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path();
        String method = request.method();
        List<String> segments = List.of(path.substring(1).split("/", -1));
        if (path.equals(TOKEN_PATH)) {
            requireMethod(method, "POST");
            return token(request);
        }
        if (path.equals(SERVICE_JWKS_PATH)) {
            requireMethod(method, "GET");
            return ApiResponse.json(200, JSON.writeValueAsString(new JWKSet(serviceKey).toPublicJWKSet()
                    .toJSONObject()));
        }
        if (path.equals(PORTAL_JWKS_PATH)) {
            requireMethod(method, "GET");
            return ApiResponse.json(200, JSON.writeValueAsString(new JWKSet(portalKey).toPublicJWKSet()
                    .toJSONObject()));
        }
        if (path.startsWith(ROUTING_PREFIX + "/")) {
            requireMethod(method, "GET");
            return routing(request, path.substring(ROUTING_PREFIX.length()));
        }
        if (segments.size() < 2 || !segments.get(0).equals("v1")) {
            throw Problem.notFound("no-such-resource", "no resource " + path);
        }
        return switch (segments.get(1)) {
            case "info" -> {
                requireMethod(method, "GET");
                yield ApiResponse.json(200, "{\"version\":{\"major\":1,\"minor\":1,\"patch\":3}}");
            }
            case "destinations" -> destinations(request, segments);
            case "submissions" -> submissions(request, segments);
            case "cases" -> cases(request, segments);
            default -> throw Problem.notFound("no-such-resource", "no resource " + path);
        };
    }

    private ApiResponse token(ApiRequest request) {
        Map<String, String> form = formOf(request);
        String grantType = form.getOrDefault("grant_type", "");
        if (!grantType.equals("client_credentials")) {
            throw new OAuthClients.OAuthError(400, grantType.isEmpty() ? "invalid_request" : "unsupported_grant_type",
                    "grant_type must be client_credentials");
        }
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        Optional<String> basic = request.header("authorization")
                .filter(header -> header.regionMatches(true, 0, "Basic ", 0, 6));
        if (basic.isPresent()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(basic.get().substring(6).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new OAuthClients.OAuthError(401, "invalid_client", "the Basic credentials are not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new OAuthClients.OAuthError(401, "invalid_client", "the Basic credentials have no ':'");
            }
            clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        if (clientId == null || secret == null) {
            throw new OAuthClients.OAuthError(401, "invalid_client", "client_id and client_secret are required");
        }
        OAuthClients.Token token = clients.issue(clientId, secret);
        ObjectNode body = JSON.createObjectNode();
        body.put("access_token", token.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", clients.lifetime().toSeconds());
        body.put("scope", token.client().scope());
        return ApiResponse.json(200, body.toString()).withHeader("Cache-Control", "no-store");
    }

    private ApiResponse routing(ApiRequest request, String path) {
        Map<String, List<String>> query = queryOf(request.query());
        int offset = intParameter(query, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = intParameter(query, "limit", 100, 1, 500);
        ObjectNode body = switch (path) {
            case "/routes" -> routing.routes(destinations.get(), first(query, "leikaKey"), first(query, "ars"),
                    first(query, "ags"), first(query, "areaId"), offset, limit);
            case "/areas" -> routing.areas(query.getOrDefault("areaSearchexpression", List.of()), offset, limit);
            case "/info" -> (ObjectNode) JSON.readTree("{\"version\":{\"major\":2,\"minor\":0,\"patch\":0}}");
            default -> throw Problem.notFound("no-such-resource", "no routing resource " + path);
        };
        return ApiResponse.json(200, body.toString());
    }

    private ApiResponse destinations(ApiRequest request, List<String> segments) {
        requireMethod(request.method(), "GET");
        if (segments.size() == 3) {
            Client client = clients.authenticate(request.header("authorization"));
            return noCache(ApiResponse.json(200, service.destination(client, uuidSegment(segments, 2)).toString()));
        }
        if (segments.size() == 5 && segments.get(3).equals("keys")) {
            String kid = segments.get(4);
            return noCache(ApiResponse.json(200, JSON.writeValueAsString(service.key(uuidSegment(segments, 2),
                    kid))));
        }
        throw Problem.notFound("no-such-resource", "no resource " + request.path());
    }

    private ApiResponse submissions(ApiRequest request, List<String> segments) {
        String method = request.method();
        if (segments.size() == 2) {
            if (method.equals("POST")) {
                Client client = clients.authenticate(request.header("authorization"));
                return ApiResponse.json(201, service.create(client, jsonBody(request)).toString());
            }
            requireMethod(method, "GET");
            Client client = clients.authenticate(request.header("authorization"));
            Map<String, List<String>> query = queryOf(request.query());
            Optional<UUID> destination = first(query, "destinationId").map(text -> uuid(text, "destinationId"));
            return ApiResponse.json(200, service.submissionsForPickup(client, destination,
                    intParameter(query, "offset", 0, 0, Integer.MAX_VALUE),
                    intParameter(query, "limit", 100, 1, 500)).toString());
        }
        UUID submissionId = uuidSegment(segments, 2);
        if (segments.size() == 3) {
            if (method.equals("PUT")) {
                Client client = clients.authenticate(request.header("authorization"));
                requireContentType(request, "application/json");
                return ApiResponse.json(202, service.submit(client, submissionId, jsonBody(request)).toString());
            }
            requireMethod(method, "GET");
            Client client = clients.authenticate(request.header("authorization"));
            return ApiResponse.json(200, service.fetch(client, submissionId).toString());
        }
        if (segments.size() == 5 && segments.get(3).equals("attachments")) {
            UUID attachmentId = uuidSegment(segments, 4);
            if (method.equals("PUT")) {
                Client client = clients.authenticate(request.header("authorization"));
                requireContentType(request, JOSE);
                service.uploadAttachment(client, submissionId, attachmentId, request.bodyText());
                return ApiResponse.empty(204);
            }
            requireMethod(method, "GET");
            Client client = clients.authenticate(request.header("authorization"));
            return new ApiResponse(200, JOSE, service.attachment(client, submissionId, attachmentId)
                    .getBytes(StandardCharsets.US_ASCII), Map.of());
        }
        throw Problem.notFound("no-such-resource", "no resource " + request.path());
    }

    private ApiResponse cases(ApiRequest request, List<String> segments) {
        if (segments.size() != 4 || !segments.get(3).equals("events")) {
            throw Problem.notFound("no-such-resource", "no resource " + request.path());
        }
        UUID caseId = uuidSegment(segments, 2);
        Client client = clients.authenticate(request.header("authorization"));
        if (request.method().equals("POST")) {
            requireContentType(request, JOSE);
            service.postEvent(client, caseId, request.bodyText());
            return ApiResponse.empty(204);
        }
        requireMethod(request.method(), "GET");
        Map<String, List<String>> query = queryOf(request.query());
        return ApiResponse.json(200, service.eventLog(client, caseId,
                intParameter(query, "offset", 0, 0, Integer.MAX_VALUE),
                intParameter(query, "limit", 100, 1, 500)).toString());
    }

    private static ApiResponse noCache(ApiResponse response) {
        return response.withHeader("Cache-Control", "no-cache");
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw Problem.of(405, "method-not-allowed", "Method Not Allowed", method + " is not allowed here, only "
                    + allowed);
        }
    }

    private static void requireContentType(ApiRequest request, String expected) {
        String contentType = request.header("content-type").orElse("");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(expected)) {
            throw Problem.of(415, "unsupported-media-type", "Unsupported Media Type", "Content-Type must be "
                    + expected + ", is '" + contentType + "'");
        }
    }

    private static JsonNode jsonBody(ApiRequest request) {
        JsonNode node;
        try {
            node = JSON.readTree(request.body());
        } catch (JacksonException e) {
            throw Problem.badRequest("invalid-request-body", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw Problem.badRequest("invalid-request-body", "the body must be a JSON object");
        }
        return node;
    }

    private static UUID uuidSegment(List<String> segments, int index) {
        return uuid(segments.get(index), "path segment " + (index + 1));
    }

    private static UUID uuid(String text, String where) {
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException(text);
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-id", where + " '" + text + "' is not a UUID");
        }
    }

    private static Map<String, String> formOf(ApiRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        queryOf(request.bodyText()).forEach((name, values) -> form.put(name, values.get(0)));
        return form;
    }

    /** Parses {@code a=1&b=2} (URL-encoded, as in a query or a form body). */
    static Map<String, List<String>> queryOf(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static int intParameter(Map<String, List<String>> query, String name, int fallback, int min, int max) {
        Optional<String> value = first(query, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("invalid-parameter", name + " must be an integer from " + min + " to " + max
                    + ", is " + value.get());
        }
    }
}
