package de.ozgsdk.transfer.fitconnect;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.Receipt;
import de.ozgsdk.transfer.SubmissionChannel;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.SecurityEventToken.Event;
import de.ozgsdk.transfer.fitconnect.internal.FitConnectHttp;
import de.ozgsdk.transfer.fitconnect.internal.FitConnectHttp.Answer;
import de.ozgsdk.transfer.fitconnect.internal.Json;
import de.ozgsdk.transfer.fitconnect.internal.Jwe;
import de.ozgsdk.transfer.fitconnect.internal.KeyChecks;
import de.ozgsdk.transfer.fitconnect.internal.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends applications through FIT-Connect (the federal transport to the Fachverfahren, also into the BundID postbox):
 * a {@link SubmissionChannel} for one destination (Zustellpunkt), driven by the outbox through a
 * {@link de.ozgsdk.transfer.ChannelRouter}. The application message becomes the submission's encrypted data, with the
 * attachments of an {@link AttachmentSource} uploaded beside it.
 *
 * <p>One send, following the Submission API v1: {@code GET /v1/destinations/{id}} (status {@code active}, metadata
 * version 2.1, the service) → {@code GET /v1/destinations/{id}/keys/{encryptionKid}} (checked: {@code wrapKey},
 * RSA ≥ 4096 bit, {@code x5c} chain to the trust anchor) → {@code POST /v1/submissions} (recorded in the
 * {@link FitConnectLedger} at once) → {@code PUT .../attachments/{aid}} for each attachment (JWE) → {@code PUT
 * /v1/submissions/{id}} with encrypted metadata (schema 2.1.0, SHA-512 hashes) and data → the event log, whose
 * verified {@code submit-submission} token becomes the {@link Receipt}'s document.
 *
 * <pre>{@code
 * FitConnectChannel fitConnect = FitConnectChannel.builder(config, FitConnectLedger.of(db, Clock.systemUTC()),
 *                 FitConnectTarget.xml(destinationId, LeikaKey.parse("99010003001006"), "Bauantrag", xoevSchema))
 *         .build();
 * ChannelRouter router = ChannelRouter.builder().route("fit-connect:bauamt", fitConnect).build();
 * }</pre>
 *
 * <p><b>Exactly once.</b> The outbox key (our submission id) maps to one FIT-Connect submission through the ledger.
 * A retry finds the recorded submission and reads its event log: if it holds {@code submit-submission}, the receipt
 * says {@link Receipt#alreadyDelivered()}; otherwise the same submission is resumed (uploads overwrite, then submit).
 * A recorded submission the delivery service no longer knows (404: created but never submitted, then deleted) is
 * abandoned and a new one created. See TRANSFER.md for the crash windows. Thread-safe.
 */
public final class FitConnectChannel implements SubmissionChannel {

    /** The metadata schema the channel writes. */
    public static final String METADATA_SCHEMA =
            "https://schema.fitko.de/fit-connect/metadata/2.1.0/metadata.schema.json";
    /** The most attachments one submission may have. */
    public static final int MAX_ATTACHMENTS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(FitConnectChannel.class);

    private final FitConnectConfig config;
    private final FitConnectLedger ledger;
    private final FitConnectTarget target;
    private final AttachmentSource attachments;
    private final DataSource data;
    private final FitConnectHttp http;
    private final SetVerifier sets;
    private final String destinationId;

    private FitConnectChannel(Builder builder) {
        this.config = builder.config;
        this.ledger = builder.ledger;
        this.target = builder.target;
        this.attachments = builder.attachments;
        this.data = builder.data;
        this.http = new FitConnectHttp(config);
        this.sets = new SetVerifier(http, config);
        this.destinationId = target.destinationId().toString();
    }

    /** Starts a channel to {@code target}, recording its submissions in {@code ledger}. */
    public static Builder builder(FitConnectConfig config, FitConnectLedger ledger, FitConnectTarget target) {
        return new Builder(config, ledger, target);
    }

    /** The attachments to upload with an application; must give the same list (order, count) on every attempt. */
    @FunctionalInterface
    public interface AttachmentSource {

        /** The attachments of {@code application}, at most {@value FitConnectChannel#MAX_ATTACHMENTS}. */
        List<FitConnectAttachment> attachmentsOf(OutgoingApplication application);
    }

    /**
     * The submission's data for an application: by default the application's bytes; a sender whose outbox payload
     * is not the data itself (the postbox: its message and attachments, signed at sending) derives it here. It is
     * called on every attempt and may give other bytes each time (a fresh signature): the data are encrypted anew.
     */
    @FunctionalInterface
    public interface DataSource {

        /** The data of {@code application}, of the target's media type. */
        byte[] dataOf(OutgoingApplication application) throws IOException;
    }

    /**
     * Submits the application (or finds it submitted by an earlier attempt) and returns the receipt: reference =
     * FIT-Connect submission id, document = the verified {@code submit-submission} Security Event Token.
     *
     * @throws RemoteSystemException retryable for an unavailable service or broken answer; permanent (dead letter)
     *     for a refusal, an unusable destination or key, or a receiver that rejected the submission
     */
    @Override
    public Receipt send(OutgoingApplication application) {
        String ourId = application.submissionId();
        Optional<FitConnectLedger.Entry> recorded = ledger.find(ourId);
        if (recorded.isPresent()) {
            Optional<Receipt> resumed = resume(application, recorded.get());
            if (resumed.isPresent()) {
                return resumed.get();
            }
        }
        return createAndSubmit(application);
    }

    /**
     * The verified event log of the FIT-Connect submission of our {@code ourSubmissionId}, oldest first (empty if
     * none was created).
     *
     * @throws SecurityCheckException if a token of this submission fails its check
     */
    public List<SecurityEventToken> events(String ourSubmissionId) {
        return ledger.find(ourSubmissionId).map(this::events).orElse(List.of());
    }

    /**
     * The receiver's acceptance of our submitted {@code ourSubmissionId}, if it has accepted it yet: its
     * {@code accept-submission} token, whose authentication tags equal the ones sent.
     *
     * @throws SecurityCheckException if the accepted tags differ from the ones sent ({@code OZG-TRANSFER-208}) or a
     *     token fails its check
     * @throws RemoteSystemException (permanent) if the receiver rejected the submission, with its problems
     */
    public Optional<SecurityEventToken> acceptance(String ourSubmissionId) {
        Optional<FitConnectLedger.Entry> entry = ledger.find(ourSubmissionId);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        for (SecurityEventToken token : events(entry.get())) {
            if (token.event() == Event.REJECT_SUBMISSION) {
                throw rejected(token, ourSubmissionId);
            }
            if (token.event() == Event.ACCEPT_SUBMISSION) {
                AuthenticationTags sent = entry.get().authenticationTags().orElseThrow(() -> new SecurityCheckException(
                        TransferError.FITCONNECT_TAGS_MISMATCH, token.submissionId(), "no tags were recorded"));
                AuthenticationTags accepted = token.authenticationTags().orElseThrow();
                if (!sent.equals(accepted)) {
                    throw new SecurityCheckException(TransferError.FITCONNECT_TAGS_MISMATCH, token.submissionId(),
                            sent.differencesTo(accepted));
                }
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "FitConnectChannel[" + config.submissionApi() + ", destination " + destinationId + "]";
    }

    private Optional<Receipt> resume(OutgoingApplication application, FitConnectLedger.Entry entry) {
        String ourId = entry.ourSubmissionId();
        Optional<Receipt> done = submittedEarlier(entry);
        if (done.isPresent()) {
            return done;
        }
        List<FitConnectAttachment> parts = attachmentsOf(application);
        if (parts.size() != entry.attachmentIds().size() || !entry.destinationId().equals(destinationId)) {
            LOG.warn("submission {}: recorded FIT-Connect submission {} no longer matches the application's"
                    + " attachments or destination; abandoning it", ourId, entry.submissionId());
            ledger.forget(ourId);
            return Optional.empty();
        }
        LOG.info("submission {}: resuming FIT-Connect submission {}", ourId, entry.submissionId());
        RSAKey key = encryptionKey(ourId);
        Optional<Receipt> receipt = uploadAndSubmit(application, entry, parts, key);
        if (receipt.isEmpty()) {
            LOG.warn("submission {}: the delivery service no longer knows FIT-Connect submission {} (never submitted);"
                    + " creating a new one", ourId, entry.submissionId());
            ledger.forget(ourId);
        }
        return receipt;
    }

    /** The receipt of an earlier attempt whose submit reached the delivery service, if its event log shows it. */
    private Optional<Receipt> submittedEarlier(FitConnectLedger.Entry entry) {
        Optional<SecurityEventToken> submit = Optional.empty();
        for (SecurityEventToken token : events(entry)) {
            if (token.event() == Event.REJECT_SUBMISSION) {
                throw rejected(token, entry.ourSubmissionId());
            }
            if (token.event() == Event.SUBMIT_SUBMISSION) {
                submit = Optional.of(token);
            }
        }
        if (submit.isEmpty()) {
            return Optional.empty();
        }
        if (!entry.submitted()) {
            ledger.recordSubmitted(entry.ourSubmissionId());
        }
        LOG.info("submission {}: FIT-Connect submission {} was submitted by an earlier attempt",
                entry.ourSubmissionId(), entry.submissionId());
        return Optional.of(receipt(entry, submit, true));
    }

    private Receipt createAndSubmit(OutgoingApplication application) {
        String ourId = application.submissionId();
        List<FitConnectAttachment> parts = attachmentsOf(application);
        RSAKey key = encryptionKey(ourId);
        List<String> attachmentIds = parts.stream().map(part -> UUID.randomUUID().toString()).toList();
        ObjectNode create = Json.MAPPER.createObjectNode();
        create.put("destinationId", destinationId);
        ArrayNode announced = create.putArray("announcedAttachments");
        attachmentIds.forEach(announced::add);
        ObjectNode serviceType = create.putObject("serviceType");
        serviceType.put("name", target.serviceName());
        serviceType.put("identifier", target.serviceIdentifier());
        Answer answer = http.post(http.url("v1", "submissions"), jsonBody(create), Step.CREATE_SUBMISSION, ourId);
        if (answer.status() != 201 && answer.status() != 200) {
            throw http.refused(answer, Step.CREATE_SUBMISSION, ourId);
        }
        JsonNode created = answer.json(Step.CREATE_SUBMISSION, ourId);
        String submissionId = uuid(Json.text(created, "submissionId", Step.CREATE_SUBMISSION, ourId),
                Step.CREATE_SUBMISSION, ourId);
        String caseId = uuid(Json.text(created, "caseId", Step.CREATE_SUBMISSION, ourId), Step.CREATE_SUBMISSION,
                ourId);
        // Recorded before anything else: a crash from here on resumes this submission instead of creating another.
        ledger.recordCreated(ourId, destinationId, submissionId, caseId, attachmentIds);
        LOG.info("submission {}: created FIT-Connect submission {}", ourId, submissionId);
        FitConnectLedger.Entry entry = new FitConnectLedger.Entry(ourId, destinationId, submissionId, caseId,
                attachmentIds, false, Optional.empty());
        return uploadAndSubmit(application, entry, parts, key).orElseThrow(() -> http.refused(
                new Answer(404, new byte[0], null), Step.SUBMIT_SUBMISSION, ourId));
    }

    /** Uploads every attachment and submits; empty if the delivery service does not know the submission (404). */
    private Optional<Receipt> uploadAndSubmit(OutgoingApplication application, FitConnectLedger.Entry entry,
            List<FitConnectAttachment> parts, RSAKey key) {
        String ourId = entry.ourSubmissionId();
        Map<String, String> attachmentTags = new LinkedHashMap<>();
        ArrayNode attachmentMetadata = Json.MAPPER.createArrayNode();
        for (int i = 0; i < parts.size(); i++) {
            FitConnectAttachment part = parts.get(i);
            String attachmentId = entry.attachmentIds().get(i);
            Jwe.Encrypted encrypted = encrypt(part.contentUnsafe(), part.mimeType(), key, ourId);
            RequestBody jose = RequestBody.create(encrypted.ascii(), FitConnectHttp.JOSE);
            Answer answer = http.put(http.url("v1", "submissions", entry.submissionId(), "attachments", attachmentId),
                    jose, Step.UPLOAD_ATTACHMENT, ourId);
            if (answer.status() == 404) {
                return Optional.empty();
            }
            if (!answer.ok()) {
                throw http.refused(answer, Step.UPLOAD_ATTACHMENT, ourId);
            }
            attachmentTags.put(attachmentId, encrypted.tag());
            attachmentMetadata.add(attachmentMetadata(part, attachmentId));
        }
        byte[] data = read(application);
        Jwe.Encrypted encryptedData = encrypt(data, target.dataMimeType(), key, ourId);
        byte[] metadata = Json.MAPPER.writeValueAsBytes(metadata(data, attachmentMetadata));
        Jwe.Encrypted encryptedMetadata = encrypt(metadata, "application/json", key, ourId);
        ledger.recordTags(ourId, new AuthenticationTags(encryptedMetadata.tag(), encryptedData.tag(), attachmentTags));
        ObjectNode submit = Json.MAPPER.createObjectNode();
        submit.put("encryptedMetadata", encryptedMetadata.compact());
        submit.put("encryptedData", encryptedData.compact());
        Answer answer = http.put(http.url("v1", "submissions", entry.submissionId()), jsonBody(submit),
                Step.SUBMIT_SUBMISSION, ourId);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() == 409 || answer.status() == 422) {
            // Possibly submitted already: an earlier submit reached the service and its answer was lost. The Submission
            // API 1.1.3 names no status for a repeated submit (409 is what a state conflict gets elsewhere in it, 422
            // is its "incomplete" answer, which the sandbox gives), so the event log decides.
            Optional<Receipt> earlier = submittedEarlier(entry);
            if (earlier.isPresent()) {
                return earlier;
            }
            throw http.refused(answer, Step.SUBMIT_SUBMISSION, ourId);
        }
        if (!answer.ok()) {
            throw http.refused(answer, Step.SUBMIT_SUBMISSION, ourId);
        }
        ledger.recordSubmitted(ourId);
        LOG.info("submission {}: FIT-Connect submission {} submitted", ourId, entry.submissionId());
        Optional<SecurityEventToken> submitEvent = events(entry).stream()
                .filter(token -> token.event() == Event.SUBMIT_SUBMISSION)
                .findFirst();
        return Optional.of(receipt(entry, submitEvent, false));
    }

    private ObjectNode attachmentMetadata(FitConnectAttachment part, String attachmentId) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("attachmentId", attachmentId);
        node.put("filename", part.filename());
        node.put("mimeType", part.mimeType());
        node.put("purpose", part.purpose());
        node.set("hash", hash(part.contentUnsafe()));
        return node;
    }

    private ObjectNode metadata(byte[] data, ArrayNode attachmentMetadata) {
        ObjectNode metadata = Json.MAPPER.createObjectNode();
        metadata.put("$schema", METADATA_SCHEMA);
        ObjectNode structure = metadata.putObject("contentStructure");
        ObjectNode dataNode = structure.putObject("data");
        ObjectNode schema = dataNode.putObject("submissionSchema");
        schema.put("schemaUri", target.schemaUri().toString());
        schema.put("mimeType", target.dataMimeType());
        dataNode.set("hash", hash(data));
        structure.set("attachments", attachmentMetadata);
        return metadata;
    }

    private static ObjectNode hash(byte[] content) {
        ObjectNode hash = Json.MAPPER.createObjectNode();
        hash.put("type", "sha512");
        hash.put("content", Jwe.sha512Hex(content));
        return hash;
    }

    private Receipt receipt(FitConnectLedger.Entry entry, Optional<SecurityEventToken> submit, boolean repeat) {
        Receipt.Builder receipt = Receipt.builder(entry.ourSubmissionId(), config.clock().instant())
                .alreadyDelivered(repeat)
                .reference(entry.submissionId());
        submit.ifPresent(token -> receipt.document(token.compact().getBytes(StandardCharsets.US_ASCII),
                Optional.of("application/secevent+jwt")));
        return receipt.build();
    }

    /** The destination's current encryption key, after every check of the destination and the key. */
    private RSAKey encryptionKey(String ourId) {
        Answer answer = http.get(http.url("v1", "destinations", destinationId), Step.DESTINATION, ourId);
        if (!answer.ok()) {
            throw http.refused(answer, Step.DESTINATION, ourId);
        }
        JsonNode destination = answer.json(Step.DESTINATION, ourId);
        String status = destination.path("status").asString("");
        if (!"active".equals(status)) {
            throw unusable(ourId, "status is " + (status.isEmpty() ? "missing" : status) + ", not active");
        }
        if (!supportsMetadata21(destination.path("metadataVersions"))) {
            throw unusable(ourId, "metadata version 2.1 is not among its metadataVersions");
        }
        if (!offersService(destination.path("services"))) {
            throw unusable(ourId, "it does not offer service " + target.serviceIdentifier() + " with schema "
                    + target.schemaUri());
        }
        String kid = Json.text(destination, "encryptionKid", Step.DESTINATION, ourId);
        Answer keyAnswer = http.get(http.url("v1", "destinations", destinationId, "keys", kid), Step.DESTINATION_KEY,
                ourId);
        if (!keyAnswer.ok()) {
            throw http.refused(keyAnswer, Step.DESTINATION_KEY, ourId);
        }
        KeyChecks.Checked checked = KeyChecks.check(keyAnswer.text(), KeyOperation.WRAP_KEY,
                JWEAlgorithm.RSA_OAEP_256.getName(), config.trustAnchors(), config.clock().instant());
        RSAKey key = checked.key().orElseThrow(() -> RemoteSystemException.builder(
                        TransferError.FITCONNECT_KEY_REJECTED, http.system())
                .side(RemoteSystemException.Side.LOCAL)
                .arguments(destinationId, kid, checked.problem())
                .build());
        if (!kid.equals(key.getKeyID())) {
            throw RemoteSystemException.builder(TransferError.FITCONNECT_KEY_REJECTED, http.system())
                    .side(RemoteSystemException.Side.LOCAL)
                    .arguments(destinationId, kid, "the key's kid is " + key.getKeyID())
                    .build();
        }
        return key;
    }

    private static boolean supportsMetadata21(JsonNode versions) {
        for (JsonNode version : versions) {
            String[] parts = version.asString("").split("\\.");
            boolean minorAtLeastOne = parts.length == 3 && parts[1].matches("\\d{1,6}")
                    && Integer.parseInt(parts[1]) >= 1;
            if (minorAtLeastOne && "2".equals(parts[0])) {
                return true;
            }
        }
        return false;
    }

    private boolean offersService(JsonNode services) {
        for (JsonNode service : services) {
            if (target.serviceIdentifier().equals(service.path("identifier").asString(""))) {
                for (JsonNode schema : service.path("submissionSchemas")) {
                    if (target.schemaUri().toString().equals(schema.path("schemaUri").asString(""))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private List<SecurityEventToken> events(FitConnectLedger.Entry entry) {
        List<SecurityEventToken> tokens = new ArrayList<>();
        int offset = 0;
        while (true) {
            Answer answer = http.get(http.url("v1", "cases", entry.caseId(), "events").newBuilder()
                    .addQueryParameter("offset", Integer.toString(offset))
                    .addQueryParameter("limit", "500").build(), Step.EVENT_LOG, entry.ourSubmissionId());
            if (answer.status() == 404) {
                return tokens;
            }
            if (!answer.ok()) {
                throw http.refused(answer, Step.EVENT_LOG, entry.ourSubmissionId());
            }
            JsonNode log = answer.json(Step.EVENT_LOG, entry.ourSubmissionId());
            JsonNode page = log.path("eventLog");
            if (!page.isArray()) {
                throw Json.invalid(Step.EVENT_LOG, entry.ourSubmissionId(), "no eventLog array");
            }
            for (JsonNode compact : page) {
                if (concerns(compact.asString(""), entry.submissionId())) {
                    tokens.add(sets.verify(compact.asString(""), entry.destinationId(), entry.submissionId(),
                            entry.caseId()));
                }
            }
            offset += page.size();
            if (page.isEmpty() || offset >= log.path("totalCount").asInt(offset)) {
                return tokens;
            }
        }
    }

    /**
     * Whether a token of the case claims to be about {@code submissionId}: a case may hold several submissions, and
     * only the ones about ours are verified and used (a token that lies about its subject is thereby ignored).
     */
    private static boolean concerns(String compact, String submissionId) {
        try {
            Object sub = SignedJWT.parse(compact).getJWTClaimsSet().getSubject();
            return sub == null || ("submission:" + submissionId).equalsIgnoreCase(sub.toString());
        } catch (ParseException e) {
            return true; // verify() refuses it with the reason
        }
    }

    private RemoteSystemException rejected(SecurityEventToken token, String ourId) {
        String problems = token.problems().isEmpty() ? "no problems given"
                : String.join("; ", token.problems().stream().map(Problem::toString).toList());
        return RemoteSystemException.builder(TransferError.FITCONNECT_REJECTED, http.system())
                .side(RemoteSystemException.Side.LOCAL)
                .arguments(token.submissionId(), ourId, problems)
                .build();
    }

    private RemoteSystemException unusable(String ourId, String why) {
        return RemoteSystemException.builder(TransferError.FITCONNECT_DESTINATION_UNUSABLE, http.system())
                .side(RemoteSystemException.Side.LOCAL)
                .arguments(destinationId, ourId, why)
                .build();
    }

    private List<FitConnectAttachment> attachmentsOf(OutgoingApplication application) {
        List<FitConnectAttachment> parts = List.copyOf(attachments.attachmentsOf(application));
        if (parts.size() > MAX_ATTACHMENTS) {
            throw new InvalidInputException(TransferError.FITCONNECT_CONFIG_INVALID, "attachments",
                    parts.size() + " attachments, at most " + MAX_ATTACHMENTS);
        }
        return parts;
    }

    private byte[] read(OutgoingApplication application) {
        try {
            return data.dataOf(application);
        } catch (IOException e) {
            throw new InvalidInputException(TransferError.APPLICATION_FILE_UNREADABLE, e, application.submissionId(),
                    e.getClass().getSimpleName());
        }
    }

    private static byte[] bytesOf(OutgoingApplication application) throws IOException {
        try (InputStream in = application.open()) {
            return in.readAllBytes();
        }
    }

    private Jwe.Encrypted encrypt(byte[] content, String contentType, RSAKey key, String ourId) {
        try {
            return Jwe.encrypt(content, contentType, key);
        } catch (JOSEException e) {
            throw RemoteSystemException.builder(TransferError.FITCONNECT_KEY_REJECTED, http.system())
                    .side(RemoteSystemException.Side.LOCAL)
                    .cause(e)
                    .arguments(destinationId, key.getKeyID(), "encryption failed: " + e.getClass().getSimpleName())
                    .build();
        }
    }

    private static String uuid(String value, Step step, String ourId) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw Json.invalid(step, ourId, "not a UUID");
        }
    }

    private static RequestBody jsonBody(JsonNode json) {
        return RequestBody.create(Json.MAPPER.writeValueAsBytes(json), FitConnectHttp.JSON);
    }

    /** Configures a {@link FitConnectChannel}. */
    public static final class Builder {
        private final FitConnectConfig config;
        private final FitConnectLedger ledger;
        private final FitConnectTarget target;
        private AttachmentSource attachments = application -> List.of();
        private DataSource data = FitConnectChannel::bytesOf;

        private Builder(FitConnectConfig config, FitConnectLedger ledger, FitConnectTarget target) {
            this.config = Objects.requireNonNull(config, "config");
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            this.target = Objects.requireNonNull(target, "target");
        }

        /** Where the attachments of each application come from (default: none, the XML carries everything). */
        public Builder attachments(AttachmentSource source) {
            this.attachments = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Where the data of each application come from (default: the application's bytes). */
        public Builder data(DataSource source) {
            this.data = Objects.requireNonNull(source, "source");
            return this;
        }

        public FitConnectChannel build() {
            return new FitConnectChannel(this);
        }
    }
}
