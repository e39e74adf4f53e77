package de.ozgsdk.sandbox.fitconnect;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import de.ozgsdk.sandbox.fitconnect.internal.CallbackSender;
import de.ozgsdk.sandbox.fitconnect.internal.DeliveryService;
import de.ozgsdk.sandbox.fitconnect.internal.FitConnectApi;
import de.ozgsdk.sandbox.fitconnect.internal.FitConnectApi.ApiRequest;
import de.ozgsdk.sandbox.fitconnect.internal.FitConnectApi.ApiResponse;
import de.ozgsdk.sandbox.fitconnect.internal.Jwks;
import de.ozgsdk.sandbox.fitconnect.internal.MaskedBodies;
import de.ozgsdk.sandbox.fitconnect.internal.OAuthClients;
import de.ozgsdk.sandbox.fitconnect.internal.Pki;
import de.ozgsdk.sandbox.fitconnect.internal.Problem;
import de.ozgsdk.sandbox.fitconnect.internal.Routing;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A FIT-Connect delivery service ({@code Zustelldienst}) for tests, over real sockets: OAuth2 token endpoint, Routing
 * API with signed addressing information, Submission API v1 (destinations with generated RSA-4096 keys and an
 * {@code x5c} chain to {@link #trustAnchor()}, submissions, attachments, event log of signed Security Event Tokens),
 * callbacks with HMAC, and the auto-reject of submissions nobody fetched, on the mock's clock.
 *
 * <pre>{@code
 * UUID destinationId = UUID.randomUUID();
 * FitConnectSandbox fitConnect = FitConnectSandbox.builder()
 *         .sender("portal", "portal-secret")
 *         .subscriber("fachverfahren", "fachverfahren-secret", destinationId)
 *         .destination(SandboxDestination.builder(destinationId)
 *                 .service(LeikaKey.parse("99010003001006"), "DE09330411")
 *                 .build())
 *         .start(); // port 0: any free loopback port
 * URI submissionApi = fitConnect.baseUrl(); // the Submission API: v1/destinations, v1/submissions, v1/cases
 * URI tokenUrl = fitConnect.tokenUrl(); // OAuth2 client_credentials
 * URI routingApi = fitConnect.routingUrl(); // routes, areas
 * X509Certificate trustAnchor = fitConnect.trustAnchor(); // validates the x5c chain of destination keys
 * RSAKey decryptionKey = fitConnect.encryptionKey(destinationId); // private: the subscriber decrypts with it
 * }</pre>
 *
 * <p>FIT-Connect's own faults are in {@link FitConnectFaults}; the shape's {@code Faults} apply to every path. Admin
 * resources besides the shape's: {@code POST /__admin/fit-connect/destinations/{id}/rotate-key[?withdrawOld=true]},
 * {@code POST /__admin/fit-connect/expire-tokens}, {@code POST /__admin/fit-connect/duplicate-callbacks?on=true|false},
 * {@code POST /__admin/fit-connect/reject-overdue}, {@code GET /__admin/fit-connect/submissions}.
 */
public final class FitConnectSandbox extends MockServer {

    /** FIT-Connect's own errors, for {@code Fault.systemError(...)} (see {@link FitConnectFaults}). */
    public enum SystemError {
        /** Every token issued so far expires now and the request is answered 401, as with an expired token. */
        TOKEN_EXPIRED,
        /** The request is answered 503 with a problem and {@code Retry-After}: the delivery service is down. */
        SERVICE_UNAVAILABLE
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = ADMIN_PREFIX + "fit-connect/";

    private final Pki pki;
    private final RSAKey serviceKey;
    private final RSAKey portalKey;
    private final OAuthClients clients;
    private final CallbackSender callbacks;
    private final DeliveryService service;
    private final FitConnectApi api;

    private FitConnectSandbox(Builder builder) {
        super(builder, "fit-connect", Arrays.stream(SystemError.values()).map(Enum::name).toList());
        this.pki = Pki.generate("FIT-Connect Sandbox Root CA", clock());
        this.serviceKey = Jwks.newSignatureKey(pki, "FIT-Connect Sandbox Zustelldienst");
        this.portalKey = Jwks.newSignatureKey(pki, "FIT-Connect Sandbox Self-Service-Portal");
        this.clients = new OAuthClients(clock(), builder.tokenLifetime);
        builder.clients.forEach(clients::add);
        this.callbacks = new CallbackSender(clock());
        this.service = new DeliveryService(clock(), pki, serviceKey, this::issuer, builder.autoRejectAfter, callbacks);
        builder.destinations.forEach(service::addDestination);
        Routing routing = new Routing(portalKey, this::portalIssuer, () -> baseUrl().getAuthority(), clock(),
                builder.areas);
        this.api = new FitConnectApi(service, routing, clients, serviceKey, portalKey);
    }

    /** A builder: no clients, no destinations, auto-reject after 14 days, tokens valid for 30 minutes. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Answer handle(MockRequest request) {
        return answer(api.handle(new ApiRequest(request.method(), request.path(), request.query(), request.headers(),
                request.body())));
    }

    @Override
    protected Answer systemError(String error, MockRequest request) {
        return switch (SystemError.valueOf(error)) {
            case TOKEN_EXPIRED -> {
                clients.expireAll();
                yield answer(FitConnectApi.problem(Problem.unauthorized("the access token expired: get a new one")));
            }
            case SERVICE_UNAVAILABLE -> answer(FitConnectApi.problem(Problem.of(503, "service-unavailable",
                    "Service Unavailable", "the delivery service is temporarily unavailable: try again later")))
                    .header("Retry-After", "1");
        };
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        if (!request.path().startsWith(ADMIN)) {
            return Optional.empty();
        }
        String resource = request.path().substring(ADMIN.length());
        String[] parts = resource.split("/");
        if (request.method().equals("POST") && parts.length == 3 && parts[0].equals("destinations")
                && parts[2].equals("rotate-key")) {
            String kid = rotateEncryptionKey(UUID.fromString(parts[1]),
                    request.queryParameter("withdrawOld").map(Boolean::parseBoolean).orElse(false));
            return Optional.of(Answer.json(200, JSON.createObjectNode().put("encryptionKid", kid).toString()));
        }
        return Optional.ofNullable(switch (request.method() + " " + resource) {
            case "POST expire-tokens" -> {
                expireTokens();
                yield Answer.status(204);
            }
            case "POST duplicate-callbacks" -> {
                duplicateCallbacks(request.queryParameter("on").map(Boolean::parseBoolean).orElse(true));
                yield Answer.status(204);
            }
            case "POST reject-overdue" -> Answer.json(200, JSON.createObjectNode()
                    .put("rejected", rejectOverdueSubmissions()).toString());
            case "GET submissions" -> Answer.json(200, JSON.writeValueAsString(submissionsSummary()));
            default -> null;
        });
    }

    private ObjectNode submissionsSummary() {
        ObjectNode summary = JSON.createObjectNode();
        ObjectNode perDestination = summary.putObject("submittedPerDestination");
        service.destinations().forEach(destination -> perDestination.put(destination.id().toString(),
                service.submittedCount(destination.id())));
        var list = summary.putArray("submissions");
        for (SubmissionRecord record : submissions()) {
            ObjectNode entry = list.addObject();
            entry.put("submissionId", record.submissionId().toString());
            entry.put("caseId", record.caseId().toString());
            entry.put("destinationId", record.destinationId().toString());
            entry.put("status", record.status().name());
            entry.put("fetched", record.fetched());
        }
        return summary;
    }

    @Override
    protected String summariseBody(MockRequest request) {
        return MaskedBodies.summarise(request.method(), request.path(), request.body());
    }

    private static Answer answer(ApiResponse response) {
        Answer answer = Answer.of(response.status(), response.contentType(), response.body());
        for (var header : response.headers().entrySet()) {
            answer = answer.header(header.getKey(), header.getValue());
        }
        return answer;
    }

    private String issuer() {
        return baseUrl().toString();
    }

    /** The {@code iss} of the self-service portal's {@code destinationSignature}s. */
    public String portalIssuer() {
        return uri("/portal").toString();
    }

    /** The OAuth2 token endpoint ({@code client_credentials}). */
    public URI tokenUrl() {
        return uri(FitConnectApi.TOKEN_PATH);
    }

    /** The base of the Routing API: {@code routes}, {@code areas}, {@code info} resolve against it. */
    public URI routingUrl() {
        return uri(FitConnectApi.ROUTING_PREFIX + "/");
    }

    /** Where the delivery service publishes the keys of its SETs ({@code /.well-known/jwks.json}). */
    public URI serviceJwksUrl() {
        return uri(FitConnectApi.SERVICE_JWKS_PATH);
    }

    /** Where the self-service portal publishes the keys of its {@code destinationSignature}s. */
    public URI portalJwksUrl() {
        return uri(FitConnectApi.PORTAL_JWKS_PATH);
    }

    /** The root certificate every destination key's {@code x5c} chain ends in. */
    public X509Certificate trustAnchor() {
        return pki.trustAnchor();
    }

    /** The public keys of the delivery service's SETs. */
    public JWKSet serviceJwks() {
        return new JWKSet(serviceKey).toPublicJWKSet();
    }

    /** The public keys of the self-service portal. */
    public JWKSet portalJwks() {
        return new JWKSet(portalKey).toPublicJWKSet();
    }

    /** Adds a destination at run time; its keys are generated now. */
    public void addDestination(SandboxDestination destination) {
        service.addDestination(destination);
    }

    /** The destination's current encryption key, private part included (the subscriber decrypts with it). */
    public RSAKey encryptionKey(UUID destinationId) {
        return service.encryptionKey(destinationId);
    }

    /** Every encryption key the destination had, oldest first, private parts included. */
    public List<RSAKey> encryptionKeys(UUID destinationId) {
        return service.encryptionKeys(destinationId);
    }

    /** The destination's signature key, private part included (the subscriber signs its SETs with it). */
    public RSAKey signatureKey(UUID destinationId) {
        return service.signatureKey(destinationId);
    }

    /** Gives the destination a new encryption key; the old one stays published. Returns the new {@code kid}. */
    public String rotateEncryptionKey(UUID destinationId) {
        return rotateEncryptionKey(destinationId, false);
    }

    /** As {@link #rotateEncryptionKey(UUID)}; with {@code withdrawOld} the old key's resource answers 404. */
    public String rotateEncryptionKey(UUID destinationId, boolean withdrawOld) {
        return service.rotateEncryptionKey(destinationId, withdrawOld);
    }

    /** Changes the status of a destination (only active ones accept submissions and are routed to). */
    public void destinationStatus(UUID destinationId, DestinationStatus status) {
        service.setStatus(destinationId, status);
    }

    /** Lets every token issued so far expire now. */
    public void expireTokens() {
        clients.expireAll();
    }

    /** Sends every callback twice from now on (or once again with {@code false}). */
    public void duplicateCallbacks(boolean duplicate) {
        service.duplicateCallbacks(duplicate);
    }

    /**
     * Rejects the submitted submissions nobody fetched within the auto-reject time of the mock's clock (the mock
     * also does this before every API request). Returns how many it rejected.
     */
    public int rejectOverdueSubmissions() {
        return service.rejectOverdue();
    }

    /** Every submission the mock holds, oldest first. */
    public List<SubmissionRecord> submissions() {
        return service.records();
    }

    /** One submission. */
    public Optional<SubmissionRecord> submission(UUID submissionId) {
        return service.record(submissionId);
    }

    /** How many submissions were submitted ({@code PUT /v1/submissions/{id}} accepted) to the destination. */
    public int submittedCount(UUID destinationId) {
        return service.submittedCount(destinationId);
    }

    /**
     * How many submitted submissions announced this attachment id: a sender that derives its attachment ids from its
     * application makes this the count of submissions per application (the mock cannot read the encrypted data).
     */
    public int submittedCountWithAttachment(UUID attachmentId) {
        return service.submittedCountWithAttachment(attachmentId);
    }

    /** The callbacks sent so far, oldest first. */
    public List<SentCallback> callbacks() {
        return callbacks.sent();
    }

    @Override
    public void close() {
        super.close();
        callbacks.close();
    }

    /** Builds and starts a {@link FitConnectSandbox}. */
    public static final class Builder extends MockServer.Builder<Builder, FitConnectSandbox> {

        private final List<OAuthClients.Client> clients = new ArrayList<>();
        private final List<SandboxDestination> destinations = new ArrayList<>();
        private final List<SandboxArea> areas = new ArrayList<>();
        private Duration autoRejectAfter = Duration.ofDays(14);
        private Duration tokenLifetime = Duration.ofMinutes(30);

        private Builder() {
        }

        /** A sending client (online service) that may create and submit submissions. */
        public Builder sender(String clientId, String clientSecret) {
            clients.add(new OAuthClients.Client(clientId, clientSecret, true, Set.of()));
            return this;
        }

        /** A subscribing client (Fachverfahren) that receives the submissions of these destinations. */
        public Builder subscriber(String clientId, String clientSecret, UUID... destinationIds) {
            if (destinationIds.length == 0) {
                throw SandboxDestination.refused("destinationIds of subscriber " + clientId, "none",
                        "at least one destination id");
            }
            clients.add(new OAuthClients.Client(clientId, clientSecret, false,
                    new LinkedHashSet<>(List.of(destinationIds))));
            return this;
        }

        /** A destination; its keys are generated when the mock is built. */
        public Builder destination(SandboxDestination destination) {
            destinations.add(Objects.requireNonNull(destination, "destination"));
            return this;
        }

        /** An area of the routing service. */
        public Builder area(SandboxArea area) {
            areas.add(Objects.requireNonNull(area, "area"));
            return this;
        }

        /** How long a submitted submission may wait to be fetched before the service rejects it; default 14 days. */
        public Builder autoRejectAfter(Duration after) {
            if (after.isNegative() || after.isZero()) {
                throw SandboxDestination.refused("autoRejectAfter", after, "> 0");
            }
            this.autoRejectAfter = after;
            return this;
        }

        /** How long an access token is valid; default 30 minutes. */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw SandboxDestination.refused("tokenLifetime", lifetime, "> 0");
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        @Override
        protected FitConnectSandbox build() {
            return new FitConnectSandbox(this);
        }
    }
}
