package de.ozgsdk.sandbox.fitconnect.internal;

import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Security Event Tokens of the event log: signs the delivery service's own ({@code PS512}, {@code typ secevent+jwt})
 * and verifies those a subscriber posts against its destination's signature key.
 */
public final class EventTokens {

    /** The {@code typ} of every SET. */
    public static final JOSEObjectType SECEVENT = new JOSEObjectType("secevent+jwt");

    /** A subscriber's event that passed every check. */
    public record SubscriberEvent(UUID submissionId, String event, Map<String, Object> payload) {
    }

    private final RSAKey serviceKey;
    private final Supplier<String> issuer;
    private final Clock clock;

    public EventTokens(RSAKey serviceKey, Supplier<String> issuer, Clock clock) {
        this.serviceKey = serviceKey;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** A SET of the delivery service about a submission of a case, with {@code payload} under the event URI. */
    public String sign(UUID submissionId, UUID caseId, String event, Map<String, Object> payload) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer.get())
                .issueTime(Date.from(clock.instant()))
                .subject("submission:" + submissionId)
                .claim("txn", "case:" + caseId)
                .claim("events", Map.of(event, payload))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.PS512).keyID(serviceKey.getKeyID()).type(SECEVENT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(serviceKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("the sandbox could not sign a SET with PS512", e);
        }
        return jwt.serialize();
    }

    /**
     * Checks a SET a subscriber posted for a case: signed {@code PS512} by the destination's signature key,
     * {@code typ secevent+jwt}, {@code iss} the destination, {@code txn} the case, {@code sub} a submission and
     * exactly one {@code accept-submission} or {@code reject-submission} event with its required payload.
     *
     * @throws Problem 400 if the body is no JWS, 422 if a check fails
     */
    public SubscriberEvent verifySubscriberEvent(String compact, RSAKey signatureKey, UUID destinationId,
            UUID caseId) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(compact.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw Problem.badRequest("invalid-set", "the body is not a signed JWT in compact serialisation: "
                    + e.getMessage());
        }
        JWSHeader header = jwt.getHeader();
        require(JWSAlgorithm.PS512.equals(header.getAlgorithm()), "the SET must be signed with PS512, not "
                + header.getAlgorithm());
        require(SECEVENT.equals(header.getType()), "the SET header must have typ secevent+jwt, not "
                + header.getType());
        require(signatureKey.getKeyID().equals(header.getKeyID()), "the SET's kid " + header.getKeyID()
                + " is not the signature key of destination " + destinationId + " (" + signatureKey.getKeyID() + ")");
        try {
            require(jwt.verify(new RSASSAVerifier(signatureKey.toRSAPublicKey())),
                    "the SET's signature does not verify with the destination's signature key");
        } catch (JOSEException e) {
            throw Problem.unprocessable("invalid-set", "the SET's signature cannot be checked: " + e.getMessage());
        }
        require(destinationId.toString().equals(claims.getIssuer()), "the SET's iss must be the destination id "
                + destinationId + ", is " + claims.getIssuer());
        require(claims.getJWTID() != null, "the SET has no jti");
        require(claims.getIssueTime() != null, "the SET has no iat");
        require(("case:" + caseId).equals(claimText(claims, "txn")), "the SET's txn must be case:" + caseId);
        UUID submissionId = submissionOf(claims.getSubject());
        Map<String, Object> events = events(claims);
        String event = events.keySet().iterator().next();
        require(event.equals(Events.ACCEPT) || event.equals(Events.REJECT), "a subscriber may only send "
                + Events.ACCEPT + " or " + Events.REJECT + ", not " + event);
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = events.get(event) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        require(payload != null, "the event " + event + " must carry a JSON object");
        if (event.equals(Events.ACCEPT)) {
            requireAuthenticationTags(payload);
        } else {
            require(payload.get("problems") instanceof List<?> problems && !problems.isEmpty(),
                    "a reject-submission event must carry a non-empty array problems");
        }
        return new SubscriberEvent(submissionId, event, payload);
    }

    private static void requireAuthenticationTags(Map<String, Object> payload) {
        require(payload.get("authenticationTags") instanceof Map<?, ?>,
                "an accept-submission event must carry authenticationTags {metadata, data, attachments}");
        Map<?, ?> tags = (Map<?, ?>) payload.get("authenticationTags");
        require(tags.get("metadata") instanceof String, "authenticationTags.metadata must be a string");
        require(tags.get("data") == null || tags.get("data") instanceof String,
                "authenticationTags.data must be a string");
        require(tags.get("attachments") == null || tags.get("attachments") instanceof Map<?, ?>,
                "authenticationTags.attachments must be an object of attachment id to tag");
    }

    private static Map<String, Object> events(JWTClaimsSet claims) {
        Map<String, Object> events;
        try {
            events = claims.getJSONObjectClaim("events");
        } catch (ParseException e) {
            throw Problem.unprocessable("invalid-set", "the SET's events claim is not a JSON object");
        }
        require(events != null && events.size() == 1, "the SET's events claim must hold exactly one event");
        require(Events.ALL.contains(events.keySet().iterator().next()), "unknown event "
                + events.keySet().iterator().next());
        return events;
    }

    private static UUID submissionOf(String subject) {
        require(subject != null && subject.startsWith("submission:"), "the SET's sub must be submission:<id>");
        try {
            return UUID.fromString(subject.substring("submission:".length()));
        } catch (IllegalArgumentException e) {
            throw Problem.unprocessable("invalid-set", "the SET's sub " + subject + " holds no submission UUID");
        }
    }

    private static String claimText(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : null;
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw Problem.unprocessable("invalid-set", detail);
        }
    }
}
