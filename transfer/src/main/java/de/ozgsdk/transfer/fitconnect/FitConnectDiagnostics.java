package de.ozgsdk.transfer.fitconnect;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.transfer.fitconnect.internal.FitConnectHttp;
import de.ozgsdk.transfer.fitconnect.internal.FitConnectHttp.Answer;
import de.ozgsdk.transfer.fitconnect.internal.Json;
import de.ozgsdk.transfer.fitconnect.internal.KeyChecks;
import de.ozgsdk.transfer.fitconnect.internal.Step;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Read-only look at FIT-Connect for operators who must find out why an application did not arrive (the
 * {@code ozg transfer} command): fetches an access token, reads a destination's public information and checks its
 * encryption key as a sender would, and reads a submission's event log verifying each Security Event Token on its
 * own, so that one bad token does not hide the others. Changes nothing at the delivery service. Thread-safe.
 */
public final class FitConnectDiagnostics {

    private final FitConnectHttp http;
    private final SetVerifier sets;
    private final FitConnectConfig config;

    private FitConnectDiagnostics(FitConnectConfig config) {
        this.config = config;
        this.http = new FitConnectHttp(config);
        this.sets = new SetVerifier(http, config);
    }

    /** Diagnostics with the settings (and credentials) of {@code config}. */
    public static FitConnectDiagnostics of(FitConnectConfig config) {
        return new FitConnectDiagnostics(Objects.requireNonNull(config, "config"));
    }

    /**
     * Fetches an access token from the token endpoint.
     *
     * @throws de.ozgsdk.core.RemoteSystemException {@code OZG-TRANSFER-201} if the endpoint refuses the client or is
     *     unavailable
     */
    public void token() {
        http.token();
    }

    /**
     * The public information of destination {@code destinationId} ({@code GET /v1/destinations/{id}}) and the check
     * of its encryption key ({@code wrapKey}, RSA-OAEP-256, RSA ≥ 4096 bit, {@code x5c} chain to the trust anchor).
     *
     * @throws de.ozgsdk.core.RemoteSystemException if the delivery service is unavailable or refuses (404: unknown)
     */
    public DestinationInfo destination(UUID destinationId) {
        String id = destinationId.toString();
        Answer answer = http.get(http.url("v1", "destinations", id), Step.DESTINATION, "-");
        if (!answer.ok()) {
            throw http.refused(answer, Step.DESTINATION, "-");
        }
        JsonNode destination = answer.json(Step.DESTINATION, "-");
        List<String> versions = new ArrayList<>();
        destination.path("metadataVersions").forEach(version -> versions.add(version.asString("")));
        List<Service> services = new ArrayList<>();
        for (JsonNode service : destination.path("services")) {
            List<String> schemas = new ArrayList<>();
            service.path("submissionSchemas").forEach(schema -> schemas.add(schema.path("schemaUri").asString("")));
            services.add(new Service(service.path("identifier").asString(""), schemas));
        }
        String kid = destination.path("encryptionKid").asString("");
        KeyCheck key = kid.isEmpty() ? new KeyCheck("", 0, Optional.of("the destination names no encryptionKid"))
                : encryptionKey(id, kid);
        return new DestinationInfo(id, destination.path("status").asString(""), kid, versions, services, key);
    }

    private KeyCheck encryptionKey(String destinationId, String kid) {
        Answer answer = http.get(http.url("v1", "destinations", destinationId, "keys", kid), Step.DESTINATION_KEY,
                "-");
        if (!answer.ok()) {
            return new KeyCheck(kid, 0, Optional.of("GET /v1/destinations/{id}/keys/{kid}: HTTP " + answer.status()));
        }
        int bits = 0;
        try {
            bits = RSAKey.parse(answer.text()).size();
        } catch (ParseException e) {
            // KeyChecks names the reason below.
        }
        KeyChecks.Checked checked = KeyChecks.check(answer.text(), KeyOperation.WRAP_KEY,
                JWEAlgorithm.RSA_OAEP_256.getName(), config.trustAnchors(), config.clock().instant());
        Optional<String> problem = checked.key().isPresent() ? Optional.empty() : Optional.of(checked.problem());
        return new KeyCheck(kid, bits, problem);
    }

    /**
     * The event log of FIT-Connect submission {@code submissionId} in case {@code caseId} at destination
     * {@code destinationId}, oldest first, each token verified on its own; tokens about other submissions of the case
     * are left out.
     *
     * @throws de.ozgsdk.core.RemoteSystemException if the delivery service is unavailable or refuses (404: unknown
     *     case)
     */
    public List<CheckedEvent> events(UUID destinationId, UUID submissionId, UUID caseId) {
        String submission = submissionId.toString();
        List<CheckedEvent> events = new ArrayList<>();
        int offset = 0;
        while (true) {
            Answer answer = http.get(http.url("v1", "cases", caseId.toString(), "events").newBuilder()
                    .addQueryParameter("offset", Integer.toString(offset))
                    .addQueryParameter("limit", "500").build(), Step.EVENT_LOG, submission);
            if (!answer.ok()) {
                throw http.refused(answer, Step.EVENT_LOG, submission);
            }
            JsonNode log = answer.json(Step.EVENT_LOG, submission);
            JsonNode page = log.path("eventLog");
            if (!page.isArray()) {
                throw Json.invalid(Step.EVENT_LOG, submission, "no eventLog array");
            }
            for (JsonNode entry : page) {
                String compact = entry.asString("");
                if (concerns(compact, submission)) {
                    events.add(check(compact, destinationId.toString(), submission, caseId.toString()));
                }
            }
            offset += page.size();
            if (page.isEmpty() || offset >= log.path("totalCount").asInt(offset)) {
                return events;
            }
        }
    }

    private CheckedEvent check(String compact, String destinationId, String submissionId, String caseId) {
        try {
            return new CheckedEvent(Optional.of(sets.verify(compact, destinationId, submissionId, caseId)),
                    Optional.empty());
        } catch (OzgException e) {
            return new CheckedEvent(Optional.empty(), Optional.of(e));
        }
    }

    private static boolean concerns(String compact, String submissionId) {
        try {
            Object sub = SignedJWT.parse(compact).getJWTClaimsSet().getSubject();
            return sub == null || ("submission:" + submissionId).equalsIgnoreCase(sub.toString());
        } catch (ParseException e) {
            return true; // verify() refuses it with the reason
        }
    }

    /** A destination's public information and the check of its encryption key. */
    public record DestinationInfo(String destinationId, String status, String encryptionKid,
            List<String> metadataVersions, List<Service> services, KeyCheck encryptionKey) {

        public DestinationInfo {
            metadataVersions = List.copyOf(metadataVersions);
            services = List.copyOf(services);
        }

        /** Whether the destination is {@code active}. */
        public boolean active() {
            return "active".equals(status.toLowerCase(Locale.ROOT));
        }
    }

    /** A service a destination offers: its identifier ({@code urn:de:fim:leika:leistung:…}) and schema URIs. */
    public record Service(String identifier, List<String> schemaUris) {

        public Service {
            schemaUris = List.copyOf(schemaUris);
        }
    }

    /** The outcome of a key check: kid, size in bit (0 if unreadable) and the first failed check, if any. */
    public record KeyCheck(String kid, int bits, Optional<String> problem) {

        /** Whether a sender would encrypt with this key. */
        public boolean usable() {
            return problem.isEmpty();
        }
    }

    /** One entry of an event log: the verified token, or the error that refused it ({@code OZG-TRANSFER-206}). */
    public record CheckedEvent(Optional<SecurityEventToken> token, Optional<OzgException> refusal) {
    }
}
