package de.ozgsdk.transfer.fitconnect;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.transfer.fitconnect.FitConnectKeys.TestKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A FIT-Connect delivery service for the client tests, on MockWebServer: token endpoint, destination with keys,
 * submissions with attachments, event log with SETs signed by the service key, pickup for the subscriber, answers in
 * the shapes of the Submission API 1.1.3. Scripted faults answer matching requests instead. (The full mock with
 * sockets, faults and admin endpoint lives in the sandbox module.)
 */
public final class DeliveryService implements AutoCloseable {

    /** What a repeated submit is answered with (the API description names none). */
    private volatile int repeatedSubmitStatus = 409;

    public static final UUID DESTINATION = UUID.fromString("7881dba9-4055-4854-8b6d-11ea5b7f3047");
    public static final String SERVICE = "urn:de:fim:leika:leistung:99010003001006";
    public static final String SCHEMA = "urn:xoev-de:xfall:standard:fim-s00000121_1.0";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DESTINATION_PATH = Pattern.compile("/v1/destinations/([^/]+)");
    private static final Pattern KEY_PATH = Pattern.compile("/v1/destinations/([^/]+)/keys/([^/]+)");
    private static final Pattern SUBMISSION_PATH = Pattern.compile("/v1/submissions/([^/]+)");
    private static final Pattern ATTACHMENT_PATH = Pattern.compile("/v1/submissions/([^/]+)/attachments/([^/]+)");
    private static final Pattern EVENTS_PATH = Pattern.compile("/v1/cases/([^/]+)/events");

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, Submission> submissions = new ConcurrentHashMap<>();
    private final Map<String, List<String>> events = new ConcurrentHashMap<>();
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    volatile String encryptionKid = FitConnectKeys.ENCRYPTION.kid();
    volatile String status = "active";
    volatile long tokenLifetimeSeconds = 3600;

    static final class Submission {
        final String id = UUID.randomUUID().toString();
        final String caseId = UUID.randomUUID().toString();
        final JsonNode created;
        final List<String> announced = new ArrayList<>();
        final Map<String, String> attachments = new LinkedHashMap<>();
        volatile String encryptedMetadata;
        volatile String encryptedData;
        volatile boolean submitted;

        Submission(JsonNode created) {
            this.created = created;
            created.path("announcedAttachments").forEach(id -> announced.add(id.asString()));
        }
    }

    private record Fault(Predicate<RecordedRequest> matches, Function<RecordedRequest, MockResponse> answer,
            AtomicInteger skip, AtomicInteger times) {
    }

    public DeliveryService() throws Exception {
        keys.put(FitConnectKeys.ENCRYPTION.kid(), FitConnectKeys.ENCRYPTION.wrapKeyJson());
        keys.put(FitConnectKeys.ENCRYPTION_ROTATED.kid(), FitConnectKeys.ENCRYPTION_ROTATED.wrapKeyJson());
        keys.put(FitConnectKeys.SIGNATURE.kid(), FitConnectKeys.SIGNATURE.verifyJson());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                for (Fault fault : faults) {
                    if (fault.matches().test(request) && fault.skip().getAndDecrement() <= 0
                            && fault.times().getAndDecrement() > 0) {
                        return fault.answer().apply(request);
                    }
                }
                return handle(request);
            }
        });
        server.start();
    }

    public URI url() {
        return server.url("/").uri();
    }

    /** The next {@code times} requests {@code "METHOD /path-regex"} get {@code answer} instead. */
    public void fail(String methodAndPath, int times, Supplier<MockResponse> answer) {
        failAfter(methodAndPath, 0, times, request -> answer.get());
    }

    /** After {@code skip} matching requests were served, the next {@code times} are handled by {@code fault}. */
    void failAfter(String methodAndPath, int skip, int times, Function<RecordedRequest, MockResponse> fault) {
        String[] parts = methodAndPath.split(" ", 2);
        Pattern path = Pattern.compile(parts[1]);
        faults.add(new Fault(request -> request.getMethod().equals(parts[0])
                && path.matcher(request.getUrl().encodedPath()).matches(), fault, new AtomicInteger(skip),
                new AtomicInteger(times)));
    }

    /** Serves the request as the service would (for faults that act and then lose the answer). */
    MockResponse serve(RecordedRequest request) {
        return handle(request);
    }

    public static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"about:blank\",\"title\":\"Status " + code + "\",\"status\":" + code + "}").build();
    }

    void publishKey(String kid, String jwkJson) {
        keys.put(kid, jwkJson);
    }

    /** Makes every issued token invalid (the service answers 401 until a new one is fetched). */
    void revokeTokens() {
        validTokens.clear();
    }

    void appendEvent(String caseId, String compact) {
        events.computeIfAbsent(caseId, id -> new CopyOnWriteArrayList<>()).add(compact);
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    long count(String method, String pathRegex) {
        return requests.stream().filter(r -> r.getMethod().equals(method)
                && r.getUrl().encodedPath().matches(pathRegex)).count();
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    List<Submission> submissions() {
        return List.copyOf(submissions.values());
    }

    public long submitted() {
        return submissions.values().stream().filter(s -> s.submitted).count();
    }

    private MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (method.equals("POST") && path.equals("/token")) {
            String token = "token-" + tokensIssued.incrementAndGet();
            validTokens.add(token);
            return json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + tokenLifetimeSeconds + "}");
        }
        if (path.equals("/.well-known/jwks.json")) {
            return json(200, new JWKSet(FitConnectKeys.SERVICE.publicJwk(KeyOperation.VERIFY, "PS512"))
                    .toString(true));
        }
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !validTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            return status(401);
        }
        Matcher m;
        if (method.equals("GET") && (m = KEY_PATH.matcher(path)).matches()) {
            String key = keys.get(m.group(2));
            return key == null ? status(404) : json(200, key);
        }
        if (method.equals("GET") && (m = DESTINATION_PATH.matcher(path)).matches()) {
            return m.group(1).equals(DESTINATION.toString()) ? json(200, destination()) : status(404);
        }
        if (method.equals("POST") && path.equals("/v1/submissions")) {
            return create(request);
        }
        if (method.equals("PUT") && (m = ATTACHMENT_PATH.matcher(path)).matches()) {
            return upload(m.group(1), m.group(2), request);
        }
        if (method.equals("PUT") && (m = SUBMISSION_PATH.matcher(path)).matches()) {
            return submit(m.group(1), request);
        }
        if (method.equals("GET") && (m = EVENTS_PATH.matcher(path)).matches()) {
            return eventLog(m.group(1), request);
        }
        if (method.equals("POST") && (m = EVENTS_PATH.matcher(path)).matches()) {
            appendEvent(m.group(1), request.getBody().utf8());
            return new MockResponse.Builder().code(204).build();
        }
        if (method.equals("GET") && path.equals("/v1/submissions")) {
            return pickup();
        }
        if (method.equals("GET") && (m = ATTACHMENT_PATH.matcher(path)).matches()) {
            Submission submission = submissions.get(m.group(1));
            String attachment = submission == null || !submission.submitted ? null
                    : submission.attachments.get(m.group(2));
            return attachment == null ? status(404) : new MockResponse.Builder().code(200)
                    .setHeader("Content-Type", "application/jose").body(attachment).build();
        }
        if (method.equals("GET") && (m = SUBMISSION_PATH.matcher(path)).matches()) {
            Submission submission = submissions.get(m.group(1));
            return submission == null || !submission.submitted ? status(404)
                    : json(200, submission(submission).toString());
        }
        return status(404);
    }

    private String destination() {
        ObjectNode destination = JSON.createObjectNode();
        destination.put("destinationId", DESTINATION.toString());
        destination.put("status", status);
        destination.put("encryptionKid", encryptionKid);
        destination.putArray("metadataVersions").add("1.0.0").add("2.1.0");
        ObjectNode service = destination.putArray("services").addObject();
        service.put("identifier", SERVICE);
        ObjectNode schema = service.putArray("submissionSchemas").addObject();
        schema.put("schemaUri", SCHEMA);
        schema.put("mimeType", "application/xml");
        service.putArray("regions").add("DE12");
        return destination.toString();
    }

    private MockResponse create(RecordedRequest request) {
        JsonNode body = JSON.readTree(request.getBody().utf8());
        if (!DESTINATION.toString().equals(body.path("destinationId").asString(""))) {
            return status(404);
        }
        Submission submission = new Submission(body);
        submissions.put(submission.id, submission);
        appendEvent(submission.caseId, serviceEvent(submission, SecurityEventToken.Event.CREATE_SUBMISSION));
        return json(201, "{\"destinationId\":\"" + DESTINATION + "\",\"submissionId\":\"" + submission.id
                + "\",\"caseId\":\"" + submission.caseId + "\"}");
    }

    private MockResponse upload(String submissionId, String attachmentId, RecordedRequest request) {
        Submission submission = submissions.get(submissionId);
        if (submission == null) {
            return status(404);
        }
        if (!"application/jose".equals(request.getHeaders().get("Content-Type"))) {
            return status(415);
        }
        if (!submission.announced.contains(attachmentId)) {
            return status(422);
        }
        submission.attachments.put(attachmentId, request.getBody().utf8());
        return new MockResponse.Builder().code(204).build();
    }

    void answerRepeatedSubmitWith(int status) {
        repeatedSubmitStatus = status;
    }

    private MockResponse submit(String submissionId, RecordedRequest request) {
        Submission submission = submissions.get(submissionId);
        if (submission == null) {
            return status(404);
        }
        synchronized (submission) {
            if (submission.submitted) {
                return status(repeatedSubmitStatus);
            }
            if (!submission.attachments.keySet().containsAll(submission.announced)) {
                return status(422);
            }
            JsonNode body = JSON.readTree(request.getBody().utf8());
            submission.encryptedMetadata = body.path("encryptedMetadata").asString();
            submission.encryptedData = body.path("encryptedData").asString(null);
            submission.submitted = true;
        }
        appendEvent(submission.caseId, serviceEvent(submission, SecurityEventToken.Event.SUBMIT_SUBMISSION));
        ObjectNode reduced = submission(submission);
        reduced.remove("encryptedMetadata");
        reduced.remove("encryptedData");
        return json(202, reduced.toString());
    }

    private ObjectNode submission(Submission submission) {
        ObjectNode node = JSON.createObjectNode();
        node.put("destinationId", DESTINATION.toString());
        node.put("submissionId", submission.id);
        node.put("caseId", submission.caseId);
        ArrayNode attachments = node.putArray("attachments");
        submission.announced.forEach(attachments::add);
        node.set("serviceType", submission.created.path("serviceType"));
        node.put("encryptedMetadata", submission.encryptedMetadata);
        if (submission.encryptedData != null) {
            node.put("encryptedData", submission.encryptedData);
        }
        return node;
    }

    private MockResponse eventLog(String caseId, RecordedRequest request) {
        List<String> log = events.getOrDefault(caseId, List.of());
        int offset = Integer.parseInt(request.getUrl().queryParameter("offset") == null ? "0"
                : request.getUrl().queryParameter("offset"));
        List<String> page = offset >= log.size() ? List.of() : log.subList(offset, log.size());
        ObjectNode node = JSON.createObjectNode();
        node.put("count", page.size());
        node.put("offset", offset);
        node.put("totalCount", log.size());
        ArrayNode array = node.putArray("eventLog");
        page.forEach(array::add);
        return json(200, node.toString());
    }

    private MockResponse pickup() {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode list = node.putArray("submissions");
        submissions.values().stream().filter(s -> s.submitted).forEach(s -> {
            ObjectNode entry = list.addObject();
            entry.put("destinationId", DESTINATION.toString());
            entry.put("submissionId", s.id);
            entry.put("caseId", s.caseId);
        });
        node.put("count", list.size());
        node.put("offset", 0);
        node.put("totalCount", list.size());
        return json(200, node.toString());
    }

    /** A SET of the delivery service for {@code submission}, signed with the service key. */
    String serviceEvent(Submission submission, SecurityEventToken.Event event) {
        return signedEvent(FitConnectKeys.SERVICE, url().toString(), submission.id, submission.caseId, event,
                Map.of());
    }

    static String signedEvent(TestKey key, String issuer, String submissionId, String caseId,
            SecurityEventToken.Event event, Map<String, Object> payload) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .issueTime(new Date())
                .subject("submission:" + submissionId)
                .claim("txn", "case:" + caseId)
                .claim("events", Map.of(event.uri(), payload))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512)
                .type(new JOSEObjectType("secevent+jwt")).keyID(key.kid()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key.privateJwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
