package de.ozgsdk.transfer.fitconnect;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.nimbusds.jose.JOSEException;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.SecurityEventToken.Event;
import de.ozgsdk.transfer.fitconnect.internal.FitConnectHttp;
import de.ozgsdk.transfer.fitconnect.internal.FitConnectHttp.Answer;
import de.ozgsdk.transfer.fitconnect.internal.Json;
import de.ozgsdk.transfer.fitconnect.internal.Jwe;
import de.ozgsdk.transfer.fitconnect.internal.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The receiving side of FIT-Connect, for IT providers whose Fachverfahren receives through a destination
 * (Zustellpunkt): lists the submissions ready for pickup, fetches and decrypts one with the destination's private key,
 * checks its metadata against the metadata JSON Schema and every SHA-512 hash, and then accepts it (an
 * {@code accept-submission} Security Event Token with the authentication tags, signed with the destination's
 * signature key) or rejects it (a {@code reject-submission} token with the problems).
 *
 * <pre>{@code
 * FitConnectSubscriber subscriber = FitConnectSubscriber.builder(config, destinationId)
 *         .decryptionKey(encryptionKid, decryptionKey)
 *         .signingKey(signatureKid, signingKey)
 *         .metadataSchema(schemaDir.resolve("metadata.schema.json")) // 2.1.0, from schema.fitko.de
 *         .build();
 * for (PendingSubmission pending : subscriber.pending()) {
 *     ReceivedSubmission received = subscriber.fetch(pending);
 *     if (received.valid()) {
 *         imported.add(received.data().orElseThrow());
 *         subscriber.accept(received);
 *     } else {
 *         subscriber.reject(received, received.problems());
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FitConnectSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(FitConnectSubscriber.class);

    private final FitConnectConfig config;
    private final String destinationId;
    private final String decryptionKid;
    private final PrivateKey decryptionKey;
    private final String signingKid;
    private final PrivateKey signingKey;
    private final Schema metadataSchema;
    private final FitConnectHttp http;
    private final SetVerifier sets;

    private FitConnectSubscriber(Builder builder) {
        this.config = builder.config;
        this.destinationId = builder.destinationId.toString();
        this.decryptionKid = required(builder.decryptionKid, "decryptionKey");
        this.decryptionKey = builder.decryptionKey;
        this.signingKid = required(builder.signingKid, "signingKey");
        this.signingKey = builder.signingKey;
        this.metadataSchema = required(builder.metadataSchema, "metadataSchema");
        this.http = new FitConnectHttp(config);
        this.sets = new SetVerifier(http, config);
    }

    /** Starts a subscriber of {@code destinationId}; decryption key, signing key and metadata schema are required. */
    public static Builder builder(FitConnectConfig config, UUID destinationId) {
        return new Builder(config, destinationId);
    }

    /** The submissions ready for pickup at this destination ({@code GET /v1/submissions?destinationId=…}). */
    public List<PendingSubmission> pending() {
        List<PendingSubmission> pending = new ArrayList<>();
        int offset = 0;
        while (true) {
            Answer answer = http.get(http.url("v1", "submissions").newBuilder()
                    .addQueryParameter("destinationId", destinationId)
                    .addQueryParameter("offset", Integer.toString(offset))
                    .addQueryParameter("limit", "500").build(), Step.LIST_SUBMISSIONS, "-");
            if (!answer.ok()) {
                throw http.refused(answer, Step.LIST_SUBMISSIONS, "-");
            }
            JsonNode page = answer.json(Step.LIST_SUBMISSIONS, "-").path("submissions");
            for (JsonNode entry : page) {
                pending.add(new PendingSubmission(Json.text(entry, "destinationId", Step.LIST_SUBMISSIONS, "-"),
                        Json.text(entry, "submissionId", Step.LIST_SUBMISSIONS, "-"),
                        Json.text(entry, "caseId", Step.LIST_SUBMISSIONS, "-")));
            }
            offset += page.size();
            if (page.size() < 500) {
                return pending;
            }
        }
    }

    /**
     * Fetches, decrypts and checks the submission; what fails a check is listed in
     * {@link ReceivedSubmission#problems()}.
     *
     * @throws RemoteSystemException if the delivery service is unavailable or refuses (e.g. not submitted)
     */
    public ReceivedSubmission fetch(PendingSubmission pending) {
        String id = pending.submissionId();
        Answer answer = http.get(http.url("v1", "submissions", id), Step.GET_SUBMISSION, id);
        if (!answer.ok()) {
            throw http.refused(answer, Step.GET_SUBMISSION, id);
        }
        JsonNode submission = answer.json(Step.GET_SUBMISSION, id);
        PendingSubmission ids = new PendingSubmission(Json.text(submission, "destinationId", Step.GET_SUBMISSION, id),
                id, Json.text(submission, "caseId", Step.GET_SUBMISSION, id));
        if (!ids.destinationId().equals(destinationId)) {
            throw Json.invalid(Step.GET_SUBMISSION, id, "submission of another destination");
        }
        List<Problem> problems = new ArrayList<>();
        String encryptedMetadata = submission.path("encryptedMetadata").asString("");
        Optional<String> metadata = decrypt(encryptedMetadata, "metadata", problems)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        Optional<JsonNode> metadataTree = metadata.flatMap(json -> checkedMetadata(json, problems));
        String encryptedData = submission.path("encryptedData").asString("");
        Optional<byte[]> data = encryptedData.isEmpty() ? Optional.empty() : decrypt(encryptedData, "data", problems);
        metadataTree.ifPresent(tree -> checkData(tree, data, problems));
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        Map<String, String> attachmentTags = new LinkedHashMap<>();
        for (JsonNode attachmentId : submission.path("attachments")) {
            String aid = attachmentId.asString("");
            Answer attachment = http.get(http.url("v1", "submissions", id, "attachments", aid), Step.GET_ATTACHMENT,
                    id);
            if (!attachment.ok()) {
                throw http.refused(attachment, Step.GET_ATTACHMENT, id);
            }
            String compact = attachment.text().trim();
            attachmentTags.put(aid, Jwe.tagOf(compact));
            decrypt(compact, "attachment:" + aid, problems).ifPresent(bytes -> attachments.put(aid, bytes));
        }
        metadataTree.ifPresent(tree -> checkAttachments(tree, attachments, attachmentTags.keySet(), problems));
        AuthenticationTags tags = new AuthenticationTags(Jwe.tagOf(encryptedMetadata),
                encryptedData.isEmpty() ? "" : Jwe.tagOf(encryptedData), attachmentTags);
        LOG.info("FIT-Connect submission {} fetched: {} attachments, {} problems", id, attachments.size(),
                problems.size());
        return new ReceivedSubmission(ids, submission.path("serviceType").path("identifier").asString(""), metadata,
                data, attachments, tags, problems);
    }

    /**
     * Accepts the submission: posts an {@code accept-submission} token with its authentication tags.
     *
     * @throws InvalidInputException if the submission failed a check (reject it instead)
     */
    public void accept(ReceivedSubmission submission) {
        if (!submission.valid()) {
            throw new InvalidInputException(TransferError.FITCONNECT_SUBMISSION_UNREADABLE,
                    submission.ids().submissionId(), "it failed its checks; reject it with its problems");
        }
        AuthenticationTags tags = submission.authenticationTags();
        Map<String, Object> tagClaims = new LinkedHashMap<>();
        tagClaims.put("metadata", tags.metadata());
        if (!tags.data().isEmpty()) {
            tagClaims.put("data", tags.data());
        }
        tagClaims.put("attachments", tags.attachments());
        postEvent(submission.ids(), Event.ACCEPT_SUBMISSION, Map.of("authenticationTags", tagClaims));
    }

    /** Rejects the submission with {@code problems} (at least one): posts a {@code reject-submission} token. */
    public void reject(ReceivedSubmission submission, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new InvalidInputException(TransferError.FITCONNECT_CONFIG_INVALID, "problems",
                    "a rejection needs at least one problem");
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Problem problem : problems) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", problem.type());
            entry.put("title", problem.title());
            entry.put("detail", problem.detail());
            problem.instance().ifPresent(instance -> entry.put("instance", instance));
            entries.add(entry);
        }
        postEvent(submission.ids(), Event.REJECT_SUBMISSION, Map.of("problems", entries));
    }

    /** The verified event log of a submission of this destination, oldest first. */
    public List<SecurityEventToken> events(PendingSubmission submission) {
        Answer answer = http.get(http.url("v1", "cases", submission.caseId(), "events"), Step.EVENT_LOG,
                submission.submissionId());
        if (!answer.ok()) {
            throw http.refused(answer, Step.EVENT_LOG, submission.submissionId());
        }
        List<SecurityEventToken> tokens = new ArrayList<>();
        for (JsonNode compact : answer.json(Step.EVENT_LOG, submission.submissionId()).path("eventLog")) {
            tokens.add(sets.verify(compact.asString(""), destinationId, submission.submissionId(),
                    submission.caseId()));
        }
        return tokens;
    }

    private void postEvent(PendingSubmission ids, Event event, Map<String, Object> payload) {
        String token = SetVerifier.sign(signingKey, signingKid, destinationId, ids.submissionId(), ids.caseId(), event,
                payload, config.clock().instant());
        Answer answer = http.post(http.url("v1", "cases", ids.caseId(), "events"),
                RequestBody.create(token.getBytes(StandardCharsets.US_ASCII), FitConnectHttp.JOSE), Step.SEND_EVENT,
                ids.submissionId());
        if (!answer.ok()) {
            throw http.refused(answer, Step.SEND_EVENT, ids.submissionId());
        }
        LOG.info("FIT-Connect submission {}: {} sent", ids.submissionId(), event);
    }

    private Optional<byte[]> decrypt(String compact, String part, List<Problem> problems) {
        if (compact.isEmpty()) {
            problems.add(Problem.of("missing-" + (part.startsWith("attachment") ? "attachment" : part),
                    "Part missing", "the submission has no " + part, part));
            return Optional.empty();
        }
        try {
            return Optional.of(Jwe.decrypt(compact, decryptionKey, decryptionKid));
        } catch (JOSEException e) {
            problems.add(Problem.of("encryption-issue", "Decryption failed", "the " + part
                    + " could not be decrypted with the destination's key " + decryptionKid, part));
            return Optional.empty();
        }
    }

    private Optional<JsonNode> checkedMetadata(String json, List<Problem> problems) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            problems.add(Problem.of("syntax-violation", "Metadata not JSON", "the metadata are no JSON document",
                    "metadata"));
            return Optional.empty();
        }
        List<Error> errors = metadataSchema.validate(tree);
        for (Error error : errors) {
            // Location and keyword only: the message of a validator may quote the value.
            problems.add(Problem.of("schema-violation", "Metadata violate their schema",
                    error.getInstanceLocation() + " violates " + error.getKeyword(), "metadata"));
        }
        return errors.isEmpty() ? Optional.of(tree) : Optional.empty();
    }

    private static void checkData(JsonNode metadata, Optional<byte[]> data, List<Problem> problems) {
        JsonNode hash = metadata.path("contentStructure").path("data").path("hash");
        if (data.isEmpty()) {
            return; // missing or undecryptable data is a problem already
        }
        if (!Jwe.sha512Hex(data.get()).equals(hash.path("content").asString(""))) {
            problems.add(Problem.of("hash-mismatch", "Hash mismatch",
                    "the SHA-512 hash of the data differs from the metadata", "data"));
        }
    }

    private static void checkAttachments(JsonNode metadata, Map<String, byte[]> attachments, Set<String> announced,
            List<Problem> problems) {
        Set<String> described = new LinkedHashSet<>();
        for (JsonNode entry : metadata.path("contentStructure").path("attachments")) {
            String id = entry.path("attachmentId").asString("");
            described.add(id);
            if (!announced.contains(id)) {
                problems.add(Problem.of("missing-attachment", "Attachment missing",
                        "the metadata describe an attachment the submission does not hold", "attachment:" + id));
                continue;
            }
            byte[] content = attachments.get(id);
            if (content != null && !Jwe.sha512Hex(content).equals(entry.path("hash").path("content").asString(""))) {
                problems.add(Problem.of("hash-mismatch", "Hash mismatch",
                        "the SHA-512 hash of the attachment differs from the metadata", "attachment:" + id));
            }
        }
        for (String id : announced) {
            if (!described.contains(id)) {
                problems.add(Problem.of("attachment-mismatch", "Attachment not described",
                        "the submission holds an attachment the metadata do not describe", "attachment:" + id));
            }
        }
    }

    private static <T> T required(T value, String setting) {
        if (value == null) {
            throw new ConfigurationException(TransferError.FITCONNECT_CONFIG_INVALID, setting, "not set");
        }
        return value;
    }

    /** Configures a {@link FitConnectSubscriber}. */
    public static final class Builder {
        private final FitConnectConfig config;
        private final UUID destinationId;
        private String decryptionKid;
        private PrivateKey decryptionKey;
        private String signingKid;
        private PrivateKey signingKey;
        private Schema metadataSchema;

        private Builder(FitConnectConfig config, UUID destinationId) {
            this.config = Objects.requireNonNull(config, "config");
            this.destinationId = Objects.requireNonNull(destinationId, "destinationId");
        }

        /** The private key of the destination's encryption key {@code kid} (RSA), to decrypt with. */
        public Builder decryptionKey(String kid, PrivateKey key) {
            this.decryptionKid = Objects.requireNonNull(kid, "kid");
            this.decryptionKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The private key of the destination's signature key {@code kid} (RSA, PS512), to sign events with. */
        public Builder signingKey(String kid, PrivateKey key) {
            this.signingKid = Objects.requireNonNull(kid, "kid");
            this.signingKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * The FIT-Connect metadata JSON Schema (2.1.0, as published at
         * {@code https://schema.fitko.de/fit-connect/metadata/2.1.0/metadata.schema.json}) the metadata are checked
         * against; read once, offline.
         *
         * @throws ConfigurationException if the file cannot be read or is no JSON Schema
         */
        public Builder metadataSchema(Path schemaFile) {
            Objects.requireNonNull(schemaFile, "schemaFile");
            try {
                String json = Files.readString(schemaFile);
                Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(json, InputFormat.JSON);
                schema.initializeValidators();
                this.metadataSchema = schema;
            } catch (IOException | RuntimeException e) {
                throw new ConfigurationException(TransferError.FITCONNECT_CONFIG_INVALID, e, "metadataSchema",
                        schemaFile + " is no readable JSON Schema: " + e.getClass().getSimpleName());
            }
            return this;
        }

        public FitConnectSubscriber build() {
            return new FitConnectSubscriber(this);
        }
    }
}
