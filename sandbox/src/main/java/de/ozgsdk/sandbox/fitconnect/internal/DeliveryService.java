package de.ozgsdk.sandbox.fitconnect.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.RSAKey;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.sandbox.SandboxError;
import de.ozgsdk.sandbox.fitconnect.AuthenticationTags;
import de.ozgsdk.sandbox.fitconnect.DestinationStatus;
import de.ozgsdk.sandbox.fitconnect.SandboxDestination;
import de.ozgsdk.sandbox.fitconnect.SubmissionRecord;
import de.ozgsdk.sandbox.fitconnect.SubmissionStatus;
import de.ozgsdk.sandbox.fitconnect.internal.OAuthClients.Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state and rules of the delivery service mock ({@code Zustelldienst}, Submission API v1): destinations with their
 * keys, submissions, attachments, cases with their event logs, callbacks and the auto-reject of submissions nobody
 * fetched. Thread-safe: one lock around the state, callbacks sent outside it.
 */
public final class DeliveryService {

    public static final String NEW_SUBMISSIONS = "https://schema.fitko.de/fit-connect/submission-api/callbacks/"
            + "new-submissions";
    public static final String NEW_EVENTS = "https://schema.fitko.de/fit-connect/submission-api/callbacks/new-events";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A destination with its keys: the current encryption key, earlier ones (published) and the signature key. */
    private static final class Destination {
        SandboxDestination config;
        RSAKey encryptionKey;
        final RSAKey signatureKey;
        final Map<String, RSAKey> publishedKeys = new LinkedHashMap<>();
        final List<RSAKey> allEncryptionKeys = new ArrayList<>();
        int submitted;

        Destination(SandboxDestination config, RSAKey encryptionKey, RSAKey signatureKey) {
            this.config = config;
            this.encryptionKey = encryptionKey;
            this.signatureKey = signatureKey;
            publishedKeys.put(encryptionKey.getKeyID(), encryptionKey);
            publishedKeys.put(signatureKey.getKeyID(), signatureKey);
            allEncryptionKeys.add(encryptionKey);
        }
    }

    private static final class Submission {
        final UUID id;
        final UUID caseId;
        final UUID destinationId;
        final String senderClient;
        final String serviceName;
        final String serviceIdentifier;
        final List<UUID> announced;
        final URI callbackUrl;
        final String callbackSecret;
        final Map<UUID, EncryptedPart> attachments = new LinkedHashMap<>();
        final Map<UUID, Integer> uploads = new LinkedHashMap<>();
        EncryptedPart metadata;
        EncryptedPart data;
        SubmissionStatus status = SubmissionStatus.CREATED;
        Instant submittedAt;
        boolean fetched;
        AuthenticationTags acceptedTags;
        String rejectProblems;

        Submission(UUID id, UUID caseId, UUID destinationId, String senderClient, String serviceName,
                String serviceIdentifier, List<UUID> announced, URI callbackUrl, String callbackSecret) {
            this.id = id;
            this.caseId = caseId;
            this.destinationId = destinationId;
            this.senderClient = senderClient;
            this.serviceName = serviceName;
            this.serviceIdentifier = serviceIdentifier;
            this.announced = List.copyOf(announced);
            this.callbackUrl = callbackUrl;
            this.callbackSecret = callbackSecret;
            announced.forEach(attachment -> uploads.put(attachment, 0));
        }
    }

    private static final class Case {
        final UUID id;
        final UUID destinationId;
        final Set<String> senderClients = new LinkedHashSet<>();
        final List<String> eventLog = new ArrayList<>();

        Case(UUID id, UUID destinationId) {
            this.id = id;
            this.destinationId = destinationId;
        }
    }

    /** A callback to send once the lock is released. */
    private record PendingCallback(URI url, String secret, String type, String body) {
    }

    private final Object lock = new Object();
    private final Map<UUID, Destination> destinations = new LinkedHashMap<>();
    private final Map<UUID, Submission> submissions = new LinkedHashMap<>();
    private final Map<UUID, Case> cases = new LinkedHashMap<>();
    private final Clock clock;
    private final Pki pki;
    private final EventTokens eventTokens;
    private final CallbackSender callbacks;
    private final Duration autoRejectAfter;
    private final AtomicBoolean duplicateCallbacks = new AtomicBoolean();

    public DeliveryService(Clock clock, Pki pki, RSAKey serviceKey, Supplier<String> issuer, Duration autoRejectAfter,
            CallbackSender callbacks) {
        this.clock = clock;
        this.pki = pki;
        this.eventTokens = new EventTokens(serviceKey, issuer, clock);
        this.callbacks = callbacks;
        this.autoRejectAfter = autoRejectAfter;
    }

    // ---- configuration by the test ----

    /** Adds a destination and generates its encryption and signature keys. */
    public void addDestination(SandboxDestination config) {
        RSAKey encryption = Jwks.newEncryptionKey(pki, "Zustellpunkt " + config.id() + " enc");
        RSAKey signature = Jwks.newSignatureKey(pki, "Zustellpunkt " + config.id() + " sig");
        synchronized (lock) {
            if (destinations.containsKey(config.id())) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "destinationId", config.id(),
                        "one not configured yet");
            }
            destinations.put(config.id(), new Destination(config, encryption, signature));
        }
    }

    /**
     * Gives the destination a new encryption key (new {@code kid}); the old key stays published unless
     * {@code withdrawOld}, then {@code GET keys/{oldKid}} answers 404.
     */
    public String rotateEncryptionKey(UUID destinationId, boolean withdrawOld) {
        RSAKey fresh = Jwks.newEncryptionKey(pki, "Zustellpunkt " + destinationId + " enc");
        synchronized (lock) {
            Destination destination = destinationOrThrow(destinationId);
            if (withdrawOld) {
                destination.publishedKeys.remove(destination.encryptionKey.getKeyID());
            }
            destination.encryptionKey = fresh;
            destination.publishedKeys.put(fresh.getKeyID(), fresh);
            destination.allEncryptionKeys.add(fresh);
            return fresh.getKeyID();
        }
    }

    public void setStatus(UUID destinationId, DestinationStatus status) {
        synchronized (lock) {
            Destination destination = destinationOrThrow(destinationId);
            destination.config = destination.config.withStatus(status);
        }
    }

    public RSAKey encryptionKey(UUID destinationId) {
        synchronized (lock) {
            return destinationOrThrow(destinationId).encryptionKey;
        }
    }

    public List<RSAKey> encryptionKeys(UUID destinationId) {
        synchronized (lock) {
            return List.copyOf(destinationOrThrow(destinationId).allEncryptionKeys);
        }
    }

    public RSAKey signatureKey(UUID destinationId) {
        synchronized (lock) {
            return destinationOrThrow(destinationId).signatureKey;
        }
    }

    public List<SandboxDestination> destinations() {
        synchronized (lock) {
            return destinations.values().stream().map(destination -> destination.config).toList();
        }
    }

    public void duplicateCallbacks(boolean on) {
        duplicateCallbacks.set(on);
    }

    private Destination destinationOrThrow(UUID destinationId) {
        Destination destination = destinations.get(destinationId);
        if (destination == null) {
            throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "destinationId", destinationId,
                    "a destination of this sandbox");
        }
        return destination;
    }

    // ---- Submission API ----

    /** {@code GET /v1/destinations/{id}}: the public destination. */
    public ObjectNode destination(Client client, UUID destinationId) {
        synchronized (lock) {
            Destination destination = destinations.get(destinationId);
            if (destination == null) {
                throw Problem.notFound("destination-not-found", "no destination " + destinationId);
            }
            return publicDestination(destination);
        }
    }

    private static ObjectNode publicDestination(Destination destination) {
        SandboxDestination config = destination.config;
        ObjectNode node = JSON.createObjectNode();
        node.put("destinationId", config.id().toString());
        node.put("status", config.status().wireValue());
        ArrayNode services = node.putArray("services");
        for (SandboxDestination.Service service : config.services()) {
            ObjectNode serviceNode = services.addObject();
            serviceNode.put("identifier", service.identifier());
            ObjectNode schema = serviceNode.putArray("submissionSchemas").addObject();
            schema.put("schemaUri", config.submissionSchemaUri());
            schema.put("mimeType", config.submissionSchemaMimeType());
            ArrayNode regions = serviceNode.putArray("regions");
            service.regions().forEach(regions::add);
        }
        node.put("encryptionKid", destination.encryptionKey.getKeyID());
        ArrayNode versions = node.putArray("metadataVersions");
        config.metadataVersions().forEach(versions::add);
        return node;
    }

    /** {@code GET /v1/destinations/{id}/keys/{kid}}: a public JWK of the destination. */
    public Map<String, Object> key(UUID destinationId, String kid) {
        synchronized (lock) {
            Destination destination = destinations.get(destinationId);
            if (destination == null) {
                throw Problem.notFound("destination-not-found", "no destination " + destinationId);
            }
            RSAKey key = destination.publishedKeys.get(kid);
            if (key == null) {
                throw Problem.notFound("key-not-found", "destination " + destinationId + " has no key " + kid);
            }
            return key.toPublicJWK().toJSONObject();
        }
    }

    /** {@code POST /v1/submissions} ({@code CreateSubmission}), answering {@code SubmissionCreated}. */
    public ObjectNode create(Client client, JsonNode body) {
        requireSender(client);
        UUID destinationId = uuid(body, "destinationId");
        List<UUID> announced = announcedAttachments(body);
        JsonNode serviceType = body.path("serviceType");
        String serviceName = text(serviceType, "name", "serviceType.name");
        String identifier = text(serviceType, "identifier", "serviceType.identifier");
        Optional<UUID> requestedCase = body.has("caseId") ? Optional.of(uuid(body, "caseId")) : Optional.empty();
        URI callbackUrl = null;
        String callbackSecret = null;
        if (body.has("callback")) {
            callbackUrl = callbackUrl(body.path("callback"));
            callbackSecret = text(body.path("callback"), "secret", "callback.secret");
            if (callbackSecret.length() < 32 || callbackSecret.length() > 512) {
                throw Problem.badRequest("invalid-request-body", "callback.secret must have 32 to 512 characters");
            }
        }
        rejectOverdue();
        synchronized (lock) {
            Destination destination = destinations.get(destinationId);
            if (destination == null) {
                throw Problem.notFound("destination-not-found", "no destination " + destinationId);
            }
            if (destination.config.status() != DestinationStatus.ACTIVE) {
                throw Problem.unprocessable("destination-not-active", "destination " + destinationId + " is "
                        + destination.config.status().wireValue() + ", only an active destination accepts submissions");
            }
            if (!destination.config.offers(identifier)) {
                throw Problem.unprocessable("service-not-offered", "destination " + destinationId
                        + " does not offer service " + identifier);
            }
            Case caseOfSubmission = caseFor(requestedCase, destinationId);
            caseOfSubmission.senderClients.add(client.id());
            Submission submission = new Submission(UUID.randomUUID(), caseOfSubmission.id, destinationId, client.id(),
                    serviceName, identifier, announced, callbackUrl, callbackSecret);
            submissions.put(submission.id, submission);
            caseOfSubmission.eventLog.add(eventTokens.sign(submission.id, caseOfSubmission.id, Events.CREATE,
                    Map.of()));
            ObjectNode created = JSON.createObjectNode();
            created.put("destinationId", destinationId.toString());
            created.put("submissionId", submission.id.toString());
            created.put("caseId", caseOfSubmission.id.toString());
            return created;
        }
    }

    private Case caseFor(Optional<UUID> requested, UUID destinationId) {
        if (requested.isEmpty()) {
            Case fresh = new Case(UUID.randomUUID(), destinationId);
            cases.put(fresh.id, fresh);
            return fresh;
        }
        Case existing = cases.get(requested.get());
        if (existing == null) {
            throw Problem.unprocessable("case-not-found", "caseId " + requested.get() + " names no existing case:"
                    + " leave it out to open a new case");
        }
        return existing;
    }

    /** {@code PUT /v1/submissions/{id}/attachments/{aid}} with a JWE body. */
    public void uploadAttachment(Client client, UUID submissionId, UUID attachmentId, String body) {
        requireSender(client);
        EncryptedPart part = EncryptedPart.parse(body, "attachment " + attachmentId);
        rejectOverdue();
        synchronized (lock) {
            Submission submission = ownSubmission(client, submissionId);
            if (!submission.announced.contains(attachmentId)) {
                throw Problem.unprocessable("attachment-not-announced", "attachment " + attachmentId
                        + " was not announced for submission " + submissionId + ": upload attachments under the ids"
                        + " of announcedAttachments");
            }
            if (submission.status != SubmissionStatus.CREATED) {
                throw Problem.unprocessable("submission-already-submitted", "submission " + submissionId + " is "
                        + submission.status.name().toLowerCase() + ": attachments can no longer be changed");
            }
            submission.attachments.put(attachmentId, part);
            submission.uploads.merge(attachmentId, 1, Integer::sum);
        }
    }

    /** {@code PUT /v1/submissions/{id}} ({@code SubmitSubmission}), answering {@code SubmissionReduced}. */
    public ObjectNode submit(Client client, UUID submissionId, JsonNode body) {
        requireSender(client);
        EncryptedPart metadata = EncryptedPart.parse(text(body, "encryptedMetadata", "encryptedMetadata"),
                "encryptedMetadata");
        EncryptedPart data = body.has("encryptedData")
                ? EncryptedPart.parse(text(body, "encryptedData", "encryptedData"), "encryptedData") : null;
        PendingCallback callback;
        ObjectNode reduced;
        rejectOverdue();
        synchronized (lock) {
            Submission submission = ownSubmission(client, submissionId);
            if (submission.status != SubmissionStatus.CREATED) {
                throw Problem.unprocessable("submission-already-submitted", "submission " + submissionId
                        + " was submitted already (it is " + submission.status.name().toLowerCase() + ")");
            }
            List<UUID> missing = submission.announced.stream()
                    .filter(id -> !submission.attachments.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                throw Problem.unprocessable("missing-attachments", "submission " + submissionId + " is incomplete:"
                        + " announced attachments not uploaded yet: " + missing);
            }
            submission.metadata = metadata;
            submission.data = data;
            submission.status = SubmissionStatus.SUBMITTED;
            submission.submittedAt = clock.instant();
            Destination destination = destinations.get(submission.destinationId);
            destination.submitted++;
            cases.get(submission.caseId).eventLog.add(eventTokens.sign(submission.id, submission.caseId,
                    Events.SUBMIT, Map.of()));
            reduced = reduced(submission);
            callback = newSubmissionsCallback(destination, submission);
        }
        send(callback);
        return reduced;
    }

    private PendingCallback newSubmissionsCallback(Destination destination, Submission submission) {
        SandboxDestination config = destination.config;
        if (config.callbackUrl().isEmpty()) {
            return null;
        }
        return new PendingCallback(config.callbackUrl().get(), config.callbackSecret().orElseThrow(),
                NEW_SUBMISSIONS, callbackBody(NEW_SUBMISSIONS, submission));
    }

    private static String callbackBody(String type, Submission submission) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type);
        body.putArray("submissionIds").add(submission.id.toString());
        ObjectNode entry = body.putArray("submissions").addObject();
        entry.put("destinationId", submission.destinationId.toString());
        entry.put("submissionId", submission.id.toString());
        entry.put("caseId", submission.caseId.toString());
        return JSON.writeValueAsString(body);
    }

    private void send(PendingCallback callback) {
        if (callback != null) {
            callbacks.send(callback.url(), callback.secret(), callback.type(), callback.body(),
                    duplicateCallbacks.get() ? 2 : 1);
        }
    }

    private static ObjectNode reduced(Submission submission) {
        ObjectNode node = JSON.createObjectNode();
        node.put("destinationId", submission.destinationId.toString());
        node.put("submissionId", submission.id.toString());
        node.put("caseId", submission.caseId.toString());
        ArrayNode attachments = node.putArray("attachments");
        submission.attachments.keySet().forEach(id -> attachments.add(id.toString()));
        ObjectNode serviceType = node.putObject("serviceType");
        serviceType.put("name", submission.serviceName);
        serviceType.put("identifier", submission.serviceIdentifier);
        if (submission.callbackUrl != null) {
            node.putObject("callback").put("url", submission.callbackUrl.toString());
        }
        return node;
    }

    /** {@code GET /v1/submissions}: submissions ready for pick-up ({@code SubmissionsForPickup}). */
    public ObjectNode submissionsForPickup(Client client, Optional<UUID> destinationId, int offset, int limit) {
        if (client.subscribedDestinations().isEmpty()) {
            throw Problem.forbidden("client " + client.id() + " subscribes to no destination");
        }
        destinationId.ifPresent(id -> requireSubscriber(client, id));
        rejectOverdue();
        synchronized (lock) {
            List<Submission> ready = submissions.values().stream()
                    .filter(submission -> submission.status == SubmissionStatus.SUBMITTED)
                    .filter(submission -> client.subscribedDestinations().contains(submission.destinationId))
                    .filter(submission -> destinationId.map(submission.destinationId::equals).orElse(true))
                    .toList();
            return Pages.write(JSON.createObjectNode(), ready, offset, limit, "submissions", (list, submission) -> {
                ObjectNode entry = list.addObject();
                entry.put("destinationId", submission.destinationId.toString());
                entry.put("submissionId", submission.id.toString());
                entry.put("caseId", submission.caseId.toString());
            });
        }
    }

    /** {@code GET /v1/submissions/{id}}: the submission with its JWEs ({@code Submission}); marks it fetched. */
    public ObjectNode fetch(Client client, UUID submissionId) {
        rejectOverdue();
        synchronized (lock) {
            Submission submission = readySubmission(client, submissionId);
            submission.fetched = true;
            ObjectNode node = reduced(submission);
            node.put("encryptedMetadata", submission.metadata.compact());
            if (submission.data != null) {
                node.put("encryptedData", submission.data.compact());
            }
            return node;
        }
    }

    /** {@code GET /v1/submissions/{id}/attachments/{aid}}: the attachment's JWE. */
    public String attachment(Client client, UUID submissionId, UUID attachmentId) {
        rejectOverdue();
        synchronized (lock) {
            Submission submission = readySubmission(client, submissionId);
            EncryptedPart part = submission.attachments.get(attachmentId);
            if (part == null) {
                throw Problem.notFound("attachment-not-found", "submission " + submissionId + " has no attachment "
                        + attachmentId);
            }
            return part.compact();
        }
    }

    private Submission readySubmission(Client client, UUID submissionId) {
        Submission submission = submissions.get(submissionId);
        if (submission == null) {
            throw Problem.notFound("submission-not-found", "no submission " + submissionId);
        }
        requireSubscriber(client, submission.destinationId);
        if (submission.status != SubmissionStatus.SUBMITTED) {
            throw Problem.notFound("submission-not-found", "submission " + submissionId + " is "
                    + submission.status.name().toLowerCase() + ", not submitted");
        }
        return submission;
    }

    /** {@code GET /v1/cases/{caseId}/events} ({@code EventLog}), for the case's senders and its subscriber. */
    public ObjectNode eventLog(Client client, UUID caseId, int offset, int limit) {
        rejectOverdue();
        synchronized (lock) {
            Case found = cases.get(caseId);
            if (found == null) {
                throw Problem.notFound("case-not-found", "no case " + caseId);
            }
            if (!found.senderClients.contains(client.id())
                    && !client.subscribedDestinations().contains(found.destinationId)) {
                throw Problem.forbidden("client " + client.id() + " neither sent to nor subscribes to case " + caseId);
            }
            return Pages.write(JSON.createObjectNode(), found.eventLog, offset, limit, "eventLog", ArrayNode::add);
        }
    }

    /** {@code POST /v1/cases/{caseId}/events}: a subscriber's accept or reject SET. */
    public void postEvent(Client client, UUID caseId, String body) {
        PendingCallback callback;
        rejectOverdue();
        synchronized (lock) {
            Case found = cases.get(caseId);
            if (found == null) {
                throw Problem.notFound("case-not-found", "no case " + caseId);
            }
            requireSubscriber(client, found.destinationId);
            Destination destination = destinations.get(found.destinationId);
            EventTokens.SubscriberEvent event = eventTokens.verifySubscriberEvent(body, destination.signatureKey,
                    found.destinationId, caseId);
            Submission submission = submissions.get(event.submissionId());
            if (submission == null || !submission.caseId.equals(caseId)) {
                throw Problem.unprocessable("invalid-set", "the SET's sub names submission " + event.submissionId()
                        + ", which is not part of case " + caseId);
            }
            if (submission.status != SubmissionStatus.SUBMITTED) {
                throw Problem.of(409, "invalid-state-transition", "Conflict", "submission " + submission.id + " is "
                        + submission.status.name().toLowerCase() + ": only a submitted submission can be accepted"
                        + " or rejected");
            }
            if (event.event().equals(Events.ACCEPT)) {
                submission.status = SubmissionStatus.ACCEPTED;
                submission.acceptedTags = tags(event.payload().get("authenticationTags"));
            } else {
                submission.status = SubmissionStatus.REJECTED;
                submission.rejectProblems = JSON.writeValueAsString(event.payload().get("problems"));
            }
            found.eventLog.add(body.strip());
            callback = newEventsCallback(submission);
        }
        send(callback);
    }

    private static AuthenticationTags tags(Object value) {
        Map<?, ?> tags = (Map<?, ?>) value;
        Map<UUID, String> attachments = new LinkedHashMap<>();
        if (tags.get("attachments") instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                try {
                    attachments.put(UUID.fromString(String.valueOf(entry.getKey())), String.valueOf(entry.getValue()));
                } catch (IllegalArgumentException e) {
                    throw Problem.unprocessable("invalid-set", "authenticationTags.attachments has key "
                            + entry.getKey() + ", which is no attachment UUID");
                }
            }
        }
        return new AuthenticationTags((String) tags.get("metadata"),
                Optional.ofNullable((String) tags.get("data")), attachments);
    }

    private PendingCallback newEventsCallback(Submission submission) {
        if (submission.callbackUrl == null) {
            return null;
        }
        return new PendingCallback(submission.callbackUrl, submission.callbackSecret, NEW_EVENTS,
                callbackBody(NEW_EVENTS, submission));
    }

    // ---- auto-reject ----

    /**
     * Rejects every submitted submission that nobody fetched within the auto-reject time of the mock's clock, with a
     * {@code reject-submission} SET of the delivery service; runs before every API call, and on demand.
     *
     * @return how many submissions it rejected
     */
    public int rejectOverdue() {
        List<PendingCallback> pending;
        synchronized (lock) {
            pending = rejectOverdueLocked();
        }
        pending.forEach(this::send);
        return pending.size();
    }

    private List<PendingCallback> rejectOverdueLocked() {
        Instant now = clock.instant();
        List<PendingCallback> pending = new ArrayList<>();
        for (Submission submission : submissions.values()) {
            if (submission.status == SubmissionStatus.SUBMITTED && !submission.fetched
                    && !now.isBefore(submission.submittedAt.plus(autoRejectAfter))) {
                Map<String, Object> problem = Map.of(
                        "type", "urn:ozgsdk:sandbox:fit-connect:problem:not-fetched-in-time",
                        "title", "Einreichung nicht rechtzeitig abgeholt",
                        "detail", "the destination did not fetch the submission within " + autoRejectAfter,
                        "instance", "submission:" + submission.id);
                submission.status = SubmissionStatus.REJECTED;
                submission.rejectProblems = JSON.writeValueAsString(List.of(problem));
                cases.get(submission.caseId).eventLog.add(eventTokens.sign(submission.id, submission.caseId,
                        Events.REJECT, Map.of("problems", List.of(problem))));
                PendingCallback callback = newEventsCallback(submission);
                if (callback != null) {
                    pending.add(callback);
                }
            }
        }
        return pending;
    }

    // ---- records and counts ----

    public List<SubmissionRecord> records() {
        synchronized (lock) {
            return submissions.values().stream().map(DeliveryService::record).toList();
        }
    }

    public Optional<SubmissionRecord> record(UUID submissionId) {
        synchronized (lock) {
            return Optional.ofNullable(submissions.get(submissionId)).map(DeliveryService::record);
        }
    }

    private static SubmissionRecord record(Submission submission) {
        Optional<AuthenticationTags> sent = Optional.empty();
        List<String> kids = new ArrayList<>();
        if (submission.metadata != null) {
            Map<UUID, String> attachmentTags = new LinkedHashMap<>();
            submission.attachments.forEach((id, part) -> attachmentTags.put(id, part.authenticationTag()));
            sent = Optional.of(new AuthenticationTags(submission.metadata.authenticationTag(),
                    Optional.ofNullable(submission.data).map(EncryptedPart::authenticationTag), attachmentTags));
            kids.add(submission.metadata.kid());
            if (submission.data != null) {
                kids.add(submission.data.kid());
            }
        }
        submission.attachments.values().forEach(part -> kids.add(part.kid()));
        return new SubmissionRecord(submission.id, submission.caseId, submission.destinationId,
                submission.serviceIdentifier, submission.announced, submission.status, sent,
                Optional.ofNullable(submission.acceptedTags), submission.uploads,
                kids.stream().distinct().toList(), submission.fetched, Optional.ofNullable(submission.rejectProblems));
    }

    /** How many submissions were submitted to the destination. */
    public int submittedCount(UUID destinationId) {
        synchronized (lock) {
            return destinationOrThrow(destinationId).submitted;
        }
    }

    /**
     * How many submitted submissions announced the attachment id (a sender that derives attachment ids from its
     * application makes this a count per application).
     */
    public int submittedCountWithAttachment(UUID attachmentId) {
        synchronized (lock) {
            return (int) submissions.values().stream()
                    .filter(submission -> submission.status != SubmissionStatus.CREATED)
                    .filter(submission -> submission.announced.contains(attachmentId))
                    .count();
        }
    }

    // ---- request parsing ----

    private static void requireSender(Client client) {
        if (!client.sender()) {
            throw Problem.forbidden("client " + client.id() + " has no send scope");
        }
    }

    private static void requireSubscriber(Client client, UUID destinationId) {
        if (!client.subscribedDestinations().contains(destinationId)) {
            throw Problem.forbidden("client " + client.id() + " has no scope subscribe:destination:" + destinationId);
        }
    }

    private Submission ownSubmission(Client client, UUID submissionId) {
        Submission submission = submissions.get(submissionId);
        if (submission == null) {
            throw Problem.notFound("submission-not-found", "no submission " + submissionId);
        }
        if (!submission.senderClient.equals(client.id())) {
            throw Problem.forbidden("submission " + submissionId + " was created by another client");
        }
        return submission;
    }

    private static List<UUID> announcedAttachments(JsonNode body) {
        JsonNode node = body.get("announcedAttachments");
        if (node == null || !node.isArray()) {
            throw Problem.badRequest("invalid-request-body", "announcedAttachments is required: an array of"
                    + " attachment UUIDs (empty if there are none)");
        }
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : node) {
            UUID id = uuidOf(item, "announcedAttachments[" + ids.size() + "]");
            if (ids.contains(id)) {
                throw Problem.badRequest("invalid-request-body", "announcedAttachments names " + id + " twice");
            }
            ids.add(id);
        }
        return ids;
    }

    private static URI callbackUrl(JsonNode callback) {
        String url = text(callback, "url", "callback.url");
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-request-body", "callback.url " + url + " is not an https URL");
        }
    }

    private static UUID uuid(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            throw Problem.badRequest("invalid-request-body", field + " is required");
        }
        return uuidOf(node, field);
    }

    private static UUID uuidOf(JsonNode node, String where) {
        if (!node.isString()) {
            throw Problem.badRequest("invalid-request-body", where + " must be a UUID string");
        }
        try {
            String text = node.stringValue();
            UUID id = UUID.fromString(text);
            if (text.length() != 36) {
                throw new IllegalArgumentException(text);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-request-body", where + " is not a UUID: " + node.stringValue());
        }
    }

    private static String text(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw Problem.badRequest("invalid-request-body", where + " is required and must be a non-empty string");
        }
        if (field.equals("identifier") && !node.stringValue()
                .matches("urn:[a-z0-9][a-z0-9-]{0,31}:[a-z0-9()+,.:=@;$_!*'%/?#-]+")) {
            throw Problem.badRequest("invalid-request-body", where + " " + node.stringValue() + " is not a service"
                    + " URN such as urn:de:fim:leika:leistung:99010003001006");
        }
        return node.stringValue();
    }
}
