package de.ozgsdk.transfer.fitconnect;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.SecurityEventToken.Event;
import de.ozgsdk.transfer.fitconnect.internal.FitConnectHttp;
import de.ozgsdk.transfer.fitconnect.internal.KeyChecks;
import de.ozgsdk.transfer.fitconnect.internal.Step;
import java.io.IOException;
import java.security.PrivateKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Checks Security Event Tokens before anything in them is used: service events against the delivery service's JWKS,
 * accept and reject events of the subscriber against the destination's signature key (fetched by the token's
 * {@code kid} and checked like an encryption key: {@code verify}, PS512, 4096 bit, trusted chain). Also signs the
 * subscriber's own events.
 */
final class SetVerifier {

    static final JOSEObjectType SECEVENT = new JOSEObjectType("secevent+jwt");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final FitConnectHttp http;
    private final FitConnectConfig config;
    private final Map<String, RSAKey> serviceKeys = new ConcurrentHashMap<>();
    private final Map<String, RSAKey> destinationKeys = new ConcurrentHashMap<>();

    SetVerifier(FitConnectHttp http, FitConnectConfig config) {
        this.http = http;
        this.config = config;
    }

    /**
     * The checked token of {@code compact}, which must belong to {@code submissionId} and {@code caseId}.
     *
     * @throws SecurityCheckException if any check fails
     */
    SecurityEventToken verify(String compact, String destinationId, String submissionId, String caseId) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(compact);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid(submissionId, "not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!SECEVENT.equals(header.getType())) {
            throw invalid(submissionId, "typ is " + header.getType() + ", not secevent+jwt");
        }
        if (!JWSAlgorithm.PS512.equals(header.getAlgorithm())) {
            throw invalid(submissionId, "alg is " + header.getAlgorithm() + ", not PS512");
        }
        if (header.getKeyID() == null) {
            throw invalid(submissionId, "no kid in the header");
        }
        Event event = singleEvent(claims, submissionId);
        RSAKey key = signatureKey(header.getKeyID(), event, destinationId, submissionId);
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw invalid(submissionId, "signature does not verify with key " + header.getKeyID());
            }
        } catch (JOSEException e) {
            throw invalid(submissionId, "signature check failed: " + e.getClass().getSimpleName());
        }
        return token(claims, event, compact, submissionId, caseId);
    }

    private Event singleEvent(JWTClaimsSet claims, String submissionId) {
        Object events = claims.getClaim("events");
        if (!(events instanceof Map<?, ?> map) || map.size() != 1) {
            throw invalid(submissionId, "events claim does not hold exactly one event");
        }
        String uri = String.valueOf(map.keySet().iterator().next());
        return Event.ofUri(uri).orElseThrow(() -> invalid(submissionId, "unknown event " + uri));
    }

    private SecurityEventToken token(JWTClaimsSet claims, Event event, String compact, String submissionId,
            String caseId) {
        String expectedSub = "submission:" + submissionId;
        String expectedTxn = "case:" + caseId;
        if (claims.getJWTID() == null || claims.getIssuer() == null || claims.getIssueTime() == null) {
            throw invalid(submissionId, "jti, iss or iat missing");
        }
        if (!expectedSub.equalsIgnoreCase(claims.getSubject())) {
            throw invalid(submissionId, "sub is not " + expectedSub);
        }
        if (!expectedTxn.equalsIgnoreCase(stringClaim(claims, "txn"))) {
            throw invalid(submissionId, "txn is not " + expectedTxn);
        }
        Instant issuedAt = claims.getIssueTime().toInstant();
        if (issuedAt.isAfter(config.clock().instant().plus(CLOCK_SKEW))) {
            throw invalid(submissionId, "iat lies in the future");
        }
        Map<?, ?> payload = eventPayload(claims, event, submissionId);
        Optional<AuthenticationTags> tags = event == Event.ACCEPT_SUBMISSION
                ? Optional.of(tags(payload.get("authenticationTags"), submissionId)) : Optional.empty();
        List<Problem> problems = event == Event.REJECT_SUBMISSION ? problems(payload.get("problems")) : List.of();
        return new SecurityEventToken(event, claims.getJWTID(), claims.getIssuer(), issuedAt, submissionId, caseId,
                tags, problems, compact);
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : null;
    }

    private Map<?, ?> eventPayload(JWTClaimsSet claims, Event event, String submissionId) {
        Object payload = ((Map<?, ?>) claims.getClaim("events")).get(event.uri());
        if (payload == null) {
            return Map.of();
        }
        if (!(payload instanceof Map<?, ?> map)) {
            throw invalid(submissionId, "the payload of " + event.uri() + " is no object");
        }
        return map;
    }

    private AuthenticationTags tags(Object value, String submissionId) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("metadata") instanceof String metadata)) {
            throw invalid(submissionId, "accept-submission without authenticationTags.metadata");
        }
        Object data = map.get("data");
        Map<String, String> attachments = new LinkedHashMap<>();
        if (map.get("attachments") instanceof Map<?, ?> tags) {
            tags.forEach((id, tag) -> attachments.put(String.valueOf(id), String.valueOf(tag)));
        }
        return new AuthenticationTags(metadata, data instanceof String text ? text : "", attachments);
    }

    private static List<Problem> problems(Object value) {
        List<Problem> problems = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map) {
                    problems.add(new Problem(text(map, "type"), text(map, "title"), text(map, "detail"),
                            Optional.ofNullable(map.get("instance")).map(String::valueOf)));
                }
            }
        }
        return problems;
    }

    private static String text(Map<?, ?> map, String name) {
        Object value = map.get(name);
        return value == null ? "" : String.valueOf(value);
    }

    private RSAKey signatureKey(String kid, Event event, String destinationId, String submissionId) {
        RSAKey service = serviceKey(kid, submissionId);
        if (service != null) {
            return service;
        }
        if (!event.issuedBySubscriber()) {
            throw invalid(submissionId, "key " + kid + " is not in the delivery service's JWKS");
        }
        return destinationKeys.computeIfAbsent(destinationId + "/" + kid,
                ignored -> destinationSignatureKey(destinationId, kid, submissionId));
    }

    private RSAKey serviceKey(String kid, String submissionId) {
        RSAKey known = serviceKeys.get(kid);
        if (known != null) {
            return known;
        }
        // An unknown kid may be a rotated key of the service: read the JWKS once more.
        loadServiceJwks(submissionId);
        return serviceKeys.get(kid);
    }

    private void loadServiceJwks(String submissionId) {
        Request request = new Request.Builder().url(HttpUrl.get(config.serviceJwks().toString())).get().build();
        try (Response response = http.client().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw RemoteSystemException.builder(TransferError.FITCONNECT_UNAVAILABLE, http.system())
                        .httpStatus(response.code())
                        .side(RemoteSystemException.Side.REMOTE)
                        .arguments(http.system(), Step.JWKS, submissionId, "HTTP " + response.code())
                        .build();
            }
            for (JWK jwk : JWKSet.parse(response.body().string()).getKeys()) {
                if (jwk instanceof RSAKey rsa && rsa.getKeyID() != null && !rsa.isPrivate()
                        && rsa.size() >= KeyChecks.MIN_RSA_BITS
                        && (rsa.getKeyOperations() == null || rsa.getKeyOperations().contains(KeyOperation.VERIFY))) {
                    serviceKeys.put(rsa.getKeyID(), rsa);
                }
            }
        } catch (ParseException e) {
            throw invalid(submissionId, "the delivery service's JWKS is unreadable");
        } catch (IOException e) {
            throw RemoteSystemException.builder(TransferError.FITCONNECT_UNAVAILABLE, http.system())
                    .side(RemoteSystemException.Side.UNKNOWN)
                    .cause(e)
                    .arguments(http.system(), Step.JWKS, submissionId, e.getClass().getSimpleName())
                    .build();
        }
    }

    private RSAKey destinationSignatureKey(String destinationId, String kid, String submissionId) {
        FitConnectHttp.Answer answer = http.get(http.url("v1", "destinations", destinationId, "keys", kid),
                Step.DESTINATION_KEY, submissionId);
        if (!answer.ok()) {
            throw invalid(submissionId, "signature key " + kid + " of destination " + destinationId
                    + " not found (HTTP " + answer.status() + ")");
        }
        KeyChecks.Checked checked = KeyChecks.check(answer.text(), KeyOperation.VERIFY, JWSAlgorithm.PS512.getName(),
                config.trustAnchors(), config.clock().instant());
        return checked.key().orElseThrow(() -> invalid(submissionId, "signature key " + kid + ": "
                + checked.problem()));
    }

    /** Signs a subscriber event for {@code submissionId} in {@code caseId} with the destination's signature key. */
    static String sign(PrivateKey signingKey, String kid, String destinationId, String submissionId, String caseId,
            Event event, Map<String, Object> payload, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(destinationId)
                .issueTime(Date.from(now))
                .subject("submission:" + submissionId)
                .claim("txn", "case:" + caseId)
                .claim("events", Map.of(event.uri(), payload))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512).type(SECEVENT)
                .keyID(kid).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new SecurityCheckException(TransferError.FITCONNECT_SET_INVALID, e, submissionId,
                    "signing failed: " + e.getClass().getSimpleName());
        }
        return jwt.serialize();
    }

    static SecurityCheckException invalid(String submissionId, String what) {
        return new SecurityCheckException(TransferError.FITCONNECT_SET_INVALID, submissionId, what);
    }
}
