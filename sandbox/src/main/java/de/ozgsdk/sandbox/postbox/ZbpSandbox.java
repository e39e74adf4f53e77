package de.ozgsdk.sandbox.postbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import de.ozgsdk.sandbox.SandboxError;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.fitconnect.SandboxDestination;
import de.ozgsdk.sandbox.postbox.internal.EnvelopeChecks;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BundID postbox (Zentrales Bürgerpostfach) for tests: the subscriber of the ZBP destination of a
 * {@link FitConnectSandbox}, over its real Submission API. It picks up submissions of service types
 * {@code message_v6} and {@code status_v6}, decrypts them with the destination's key, checks the signed envelope
 * (RSA-SHA512 signature, RS512 author token of a registered author certificate), the {@code mailboxUuid} (a known
 * persona), the attachment limits and the HTML whitelist, and accepts (with the authentication tags) or rejects (with
 * FIT-Connect problems). It keeps what each persona received and serves an inbox page per persona at
 * {@code GET /postfach/{mailboxUuid}}.
 *
 * <pre>{@code
 * ZbpSandbox zbp = ZbpSandbox.builder()
 *         .fitConnect(fitConnect, zbpDestinationId, "zbp", "zbp-secret") // a subscriber of fitConnect
 *         .persona(postkorbHandle, "Erika Mustermann")
 *         .author(authorCertificate) // the sender's registered certificate
 *         .start(); // adds the ZBP destination to fitConnect, with a callback to this mock
 * List<ZbpDecision> decisions = zbp.receiveNow(); // or let the callback of each submit do it
 * List<ZbpMessage> inbox = zbp.inbox(postkorbHandle);
 * }</pre>
 *
 * <p>Submissions are received on {@link #receiveNow()}, on {@code POST /__admin/zbp/receive}, and on every
 * {@code new-submissions} callback of the delivery service (checked with its HMAC) when {@code autoReceive} is on
 * (default). Admin: {@code GET /__admin/zbp/decisions}.
 */
public final class ZbpSandbox extends MockServer {

    /** The {@code schemaUri} of the envelope the mock's destination announces for both service types. */
    public static final String ENVELOPE_SCHEMA = "urn:ozgsdk:sandbox:zbp:envelope";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEMS = "https://schema.fitko.de/fit-connect/events/problems/";
    private static final String EVENTS = "https://schema.fitko.de/fit-connect/events/";

    private final FitConnectSandbox fitConnect;
    private final UUID destinationId;
    private final String clientId;
    private final String clientSecret;
    private final String callbackSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final Map<UUID, String> personas;
    private final List<X509Certificate> authors;
    private final boolean autoReceive;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ZbpMessage> messages = new CopyOnWriteArrayList<>();
    private final List<ZbpStatusUpdate> statusUpdates = new CopyOnWriteArrayList<>();
    private final List<ZbpDecision> decisions = new CopyOnWriteArrayList<>();

    private ZbpSandbox(Builder builder) {
        super(builder, "zbp", List.of());
        this.fitConnect = builder.fitConnect;
        this.destinationId = builder.destinationId;
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.personas = Map.copyOf(builder.personas);
        this.authors = List.copyOf(builder.authors);
        this.autoReceive = builder.autoReceive;
    }

    /** A builder; {@link Builder#fitConnect} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Registers the ZBP destination with the delivery service, its callback pointing at this mock. */
    @Override
    protected void started() {
        fitConnect.addDestination(SandboxDestination.builder(destinationId)
                .name("Zentrales Bürgerpostfach (Sandbox)")
                .service(EnvelopeChecks.MESSAGE_SERVICE, "DE")
                .service(EnvelopeChecks.STATUS_SERVICE, "DE")
                .submissionSchema(ENVELOPE_SCHEMA, "application/json")
                .callback(uri("/callbacks"), callbackSecret)
                .build());
    }

    @Override
    protected Answer handle(MockRequest request) throws Exception {
        String path = request.path();
        if (request.method().equals("POST") && path.equals("/callbacks")) {
            return callback(request);
        }
        if (request.method().equals("GET") && path.startsWith("/postfach/")) {
            return inboxPage(path.substring("/postfach/".length()));
        }
        return Answer.status(404);
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        if (request.method().equals("POST") && request.path().equals(ADMIN_PREFIX + "zbp/receive")) {
            return Optional.of(Answer.json(200, JSON.valueToTree(receiveNow()).toString()));
        }
        if (request.method().equals("GET") && request.path().equals(ADMIN_PREFIX + "zbp/decisions")) {
            return Optional.of(Answer.json(200, JSON.valueToTree(decisions()).toString()));
        }
        return Optional.empty();
    }

    private Answer callback(MockRequest request) {
        String timestamp = request.header("callback-timestamp").orElse("");
        String mac = request.header("callback-authentication").orElse("");
        if (!hmac(timestamp + "." + request.bodyText()).equalsIgnoreCase(mac)) {
            return Answer.status(401);
        }
        if (autoReceive) {
            receiveNow();
        }
        return Answer.status(204);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(callbackSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer inboxPage(String mailbox) {
        UUID id;
        try {
            id = UUID.fromString(mailbox);
        } catch (IllegalArgumentException e) {
            return Answer.status(404);
        }
        if (!personas.containsKey(id)) {
            return Answer.status(404);
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<title>Postfach</title></head><body><h1>Postfach von ").append(escape(personas.get(id)))
                .append("</h1>");
        List<ZbpMessage> received = inbox(id);
        if (received.isEmpty()) {
            html.append("<p>Keine Nachrichten.</p>");
        }
        for (ZbpMessage message : received) {
            // title and content passed the whitelist check: they are shown as the ZBP shows them
            html.append("<article><h2>").append(message.title()).append("</h2><p>Von ")
                    .append(escape(message.sender())).append(", ").append(message.receivedAt()).append("</p>")
                    .append(message.content());
            for (ZbpMessage.Attachment attachment : message.attachments()) {
                html.append("<p>Anlage: ").append(escape(attachment.filename())).append(" (")
                        .append(attachment.content().length).append(" Bytes)</p>");
            }
            html.append("</article>");
        }
        return Answer.text(200, "text/html; charset=utf-8", html.append("</body></html>").toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Picks up every submission waiting at the ZBP destination, checks it, and accepts or rejects it; returns the
     * decisions of this run.
     *
     * @throws ProcessingException ({@code OZG-SANDBOX-201}) if the delivery service cannot be reached or answers
     *     against its API
     */
    public synchronized List<ZbpDecision> receiveNow() {
        String token = token();
        List<ZbpDecision> made = new ArrayList<>();
        JsonNode page = get(token, "v1/submissions?destinationId=" + destinationId + "&offset=0&limit=500");
        for (JsonNode pending : page.path("submissions")) {
            made.add(receive(token, UUID.fromString(pending.path("submissionId").asString())));
        }
        decisions.addAll(made);
        return made;
    }

    private ZbpDecision receive(String token, UUID submissionId) {
        JsonNode submission = get(token, "v1/submissions/" + submissionId);
        UUID caseId = UUID.fromString(submission.path("caseId").asString());
        String service = submission.path("serviceType").path("identifier").asString("");
        Map<String, String> attachmentTags = new LinkedHashMap<>();
        List<ZbpMessage.Attachment> attachments = new ArrayList<>();
        List<EnvelopeChecks.Found> problems = new ArrayList<>();
        byte[] data = new byte[0];
        try {
            for (JsonNode attachmentId : submission.path("attachments")) {
                String compact = getText(token, "v1/submissions/" + submissionId + "/attachments/"
                        + attachmentId.asString());
                JWEObject jwe = decrypt(compact);
                attachmentTags.put(attachmentId.asString(), jwe.getAuthTag().toString());
                attachments.add(new ZbpMessage.Attachment(attachmentId.asString(),
                        Optional.ofNullable(jwe.getHeader().getContentType()).orElse(""),
                        jwe.getPayload().toBytes()));
            }
            data = decrypt(submission.path("encryptedData").asString()).getPayload().toBytes();
        } catch (ParseException | JOSEException e) {
            problems.add(new EnvelopeChecks.Found("encryption-issue", "a JWE cannot be decrypted with the"
                    + " destination's key", "data"));
        }
        EnvelopeChecks.Result result = problems.isEmpty()
                ? EnvelopeChecks.check(submissionId, service, data, attachments, authors, personas.keySet(),
                        clock().instant())
                : new EnvelopeChecks.Result(Optional.empty(), Optional.empty(), problems);
        if (!result.problems().isEmpty()) {
            postEvent(token, caseId, event(submissionId, caseId, EVENTS + "reject-submission",
                    Map.of("problems", problems(result.problems()))));
            return new ZbpDecision(submissionId, false, result.problems().stream()
                    .map(found -> found.name() + ": " + found.detail()).toList());
        }
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("metadata", tag(submission.path("encryptedMetadata").asString()));
        tags.put("data", tag(submission.path("encryptedData").asString()));
        tags.put("attachments", attachmentTags);
        postEvent(token, caseId, event(submissionId, caseId, EVENTS + "accept-submission",
                Map.of("authenticationTags", tags)));
        result.message().ifPresent(messages::add);
        result.status().ifPresent(statusUpdates::add);
        return new ZbpDecision(submissionId, true, List.of());
    }

    private static List<Map<String, Object>> problems(List<EnvelopeChecks.Found> found) {
        return found.stream().map(problem -> Map.<String, Object>of("type", PROBLEMS + problem.name(),
                "title", problem.name(), "detail", problem.detail(), "instance", problem.instance())).toList();
    }

    private JWEObject decrypt(String compact) throws ParseException, JOSEException {
        JWEObject jwe = JWEObject.parse(compact);
        String kid = jwe.getHeader().getKeyID();
        RSAKey key = fitConnect.encryptionKeys(destinationId).stream()
                .filter(candidate -> candidate.getKeyID().equals(kid))
                .findFirst()
                .orElseThrow(() -> new JOSEException("unknown kid"));
        jwe.decrypt(new RSADecrypter(key));
        return jwe;
    }

    private static String tag(String compact) {
        return compact.substring(compact.lastIndexOf('.') + 1);
    }

    private String event(UUID submissionId, UUID caseId, String event, Map<String, Object> payload) {
        RSAKey key = fitConnect.signatureKey(destinationId);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(destinationId.toString())
                .issueTime(Date.from(clock().instant()))
                .subject("submission:" + submissionId)
                .claim("txn", "case:" + caseId)
                .claim("events", Map.of(event, payload))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512)
                .type(new JOSEObjectType("secevent+jwt")).keyID(key.getKeyID()).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw failed("signing the event", e);
        }
        return token.serialize();
    }

    // ---- the Submission API, as any subscriber calls it ----

    private String token() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(fitConnect.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "token");
        return JSON.readTree(answer.body()).path("access_token").asString();
    }

    private JsonNode get(String token, String path) {
        return JSON.readTree(getText(token, path));
    }

    private String getText(String token, String path) {
        return send(HttpRequest.newBuilder(fitConnect.baseUrl().resolve(path))
                .header("Authorization", "Bearer " + token).GET().build(), path).body();
    }

    private void postEvent(String token, UUID caseId, String set) {
        send(HttpRequest.newBuilder(fitConnect.baseUrl().resolve("v1/cases/" + caseId + "/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString(set)).build(), "events of case " + caseId);
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw failed(what + " answered " + answer.statusCode(), null);
            }
            return answer;
        } catch (IOException e) {
            throw failed(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(what, e);
        }
    }

    private static ProcessingException failed(String what, Exception cause) {
        return new ProcessingException(SandboxError.ZBP_DELIVERY_SERVICE_FAILED, cause, what);
    }

    // ---- what the ZBP holds ----

    /** The messages the persona received, oldest first. */
    public List<ZbpMessage> inbox(UUID mailboxUuid) {
        return messages.stream().filter(message -> message.mailboxUuid().equals(mailboxUuid)).toList();
    }

    /** The status updates of an application, oldest first. */
    public List<ZbpStatusUpdate> statusUpdates(UUID applicationId) {
        return statusUpdates.stream().filter(update -> update.applicationId().equals(applicationId)).toList();
    }

    /** Every decision so far, oldest first. */
    public List<ZbpDecision> decisions() {
        return List.copyOf(decisions);
    }

    /** The ZBP destination's id at the delivery service. */
    public UUID destinationId() {
        return destinationId;
    }

    /** The personas (Postkorb-Handles) the ZBP knows. */
    public Set<UUID> personas() {
        return personas.keySet();
    }

    /** Builds and starts a {@link ZbpSandbox}. */
    public static final class Builder extends MockServer.Builder<Builder, ZbpSandbox> {
        private FitConnectSandbox fitConnect;
        private UUID destinationId;
        private String clientId;
        private String clientSecret;
        private final Map<UUID, String> personas = new LinkedHashMap<>();
        private final List<X509Certificate> authors = new ArrayList<>();
        private boolean autoReceive = true;

        private Builder() {
        }

        /**
         * The delivery service and the ZBP's destination there; {@code clientId}/{@code clientSecret} must be a
         * {@code subscriber(…)} of that destination in the delivery service.
         */
        public Builder fitConnect(FitConnectSandbox service, UUID destination, String subscriberId,
                String subscriberSecret) {
            this.fitConnect = service;
            this.destinationId = destination;
            this.clientId = subscriberId;
            this.clientSecret = subscriberSecret;
            return this;
        }

        /** A citizen with a postbox: the Postkorb-Handle (the {@code mailboxUuid}) and a display name. */
        public Builder persona(UUID mailboxUuid, String displayName) {
            personas.put(mailboxUuid, displayName);
            return this;
        }

        /** An author certificate registered with the ZBP (envelopes of other authors are rejected). */
        public Builder author(X509Certificate certificate) {
            authors.add(certificate);
            return this;
        }

        /** Whether each {@code new-submissions} callback receives at once (default {@code true}). */
        public Builder autoReceive(boolean on) {
            this.autoReceive = on;
            return this;
        }

        @Override
        protected ZbpSandbox build() {
            if (fitConnect == null || destinationId == null || clientId == null || clientSecret == null) {
                throw new ConfigurationException(SandboxError.ZBP_SETTING_MISSING, "fitConnect(...)");
            }
            if (personas.isEmpty() || authors.isEmpty()) {
                throw new ConfigurationException(SandboxError.ZBP_SETTING_MISSING,
                        personas.isEmpty() ? "persona(...)" : "author(...)");
            }
            return new ZbpSandbox(this);
        }
    }
}
