package de.ozgsdk.auth.oidc.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.core.SecurityCheckException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an ID token as OpenID Connect Core 1.0, section 3.1.3.7 asks, each check with its own error code: a signed
 * JWT whose algorithm is on the allow-list (never {@code none}, never HMAC), signed by a key of the provider's JWKS
 * of the matching key type, issuer, audience, authorized party, expiry, issue time and not-before with skew, nonce
 * and (when present) {@code at_hash}.
 */
public final class IdTokenVerifier {

    private final String issuer;
    private final String clientId;
    private final Set<JWSAlgorithm> allowed;
    private final Duration skew;
    private final Clock clock;
    private final KeySet keys;

    public IdTokenVerifier(String issuer, String clientId, Set<JWSAlgorithm> allowed, Duration skew, Clock clock,
            KeySet keys) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.allowed = Set.copyOf(allowed);
        this.skew = skew;
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Verifies {@code token} for the login with {@code nonce}; {@code accessToken} is checked against
     * {@code at_hash} if the token carries one.
     *
     * @throws SecurityCheckException with the code of the first check that failed
     */
    public JWTClaimsSet verify(String token, String nonce, Optional<String> accessToken) {
        SignedJWT jwt = parseSigned(token);
        JWSHeader header = jwt.getHeader();
        if (!allowed.contains(header.getAlgorithm())) {
            throw refused(header.getAlgorithm().getName());
        }
        verifySignature(jwt, header);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new SecurityCheckException(AuthError.OIDC_ID_TOKEN_MALFORMED, e, "claims: " + e.getMessage());
        }
        checkIssuerAndAudience(claims);
        checkTimes(claims);
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new SecurityCheckException(AuthError.OIDC_SUBJECT_MISSING, "sub");
        }
        if (!nonce.equals(claims.getClaim("nonce"))) {
            throw new SecurityCheckException(AuthError.OIDC_NONCE_MISMATCH);
        }
        if (claims.getClaim("at_hash") instanceof String atHash && accessToken.isPresent()
                && !atHash.equals(leftHalfHash(header.getAlgorithm(), accessToken.get()))) {
            throw new SecurityCheckException(AuthError.OIDC_AT_HASH_MISMATCH);
        }
        return claims;
    }

    /** The algorithms this verifier accepts, in a stable order for messages. */
    public List<String> allowedNames() {
        return allowed.stream().map(JWSAlgorithm::getName).sorted().toList();
    }

    private SignedJWT parseSigned(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new SecurityCheckException(AuthError.OIDC_ID_TOKEN_MALFORMED, e, e.getMessage());
        }
        if (jwt instanceof PlainJWT) {
            throw refused("none");
        }
        if (jwt instanceof SignedJWT signed) {
            return signed;
        }
        throw new SecurityCheckException(AuthError.OIDC_ID_TOKEN_MALFORMED,
                "an encrypted ID token (JWE) is not supported; configure the provider to sign ID tokens only");
    }

    private SecurityCheckException refused(String algorithm) {
        return new SecurityCheckException(AuthError.OIDC_ALGORITHM_REFUSED, algorithm,
                String.join(", ", allowedNames()));
    }

    private void verifySignature(SignedJWT jwt, JWSHeader header) {
        Optional<String> kid = Optional.ofNullable(header.getKeyID());
        List<JWK> candidates = keys.candidates(kid).stream().filter(key -> fits(key, header.getAlgorithm())).toList();
        if (candidates.isEmpty()) {
            throw new SecurityCheckException(AuthError.OIDC_KEY_UNKNOWN, kid.orElse("(no kid)"), keys.location());
        }
        for (JWK key : candidates) {
            try {
                if (jwt.verify(verifier(key))) {
                    return;
                }
            } catch (JOSEException e) {
                // a key that cannot verify this token is no match; the next candidate may be
            }
        }
        throw new SecurityCheckException(AuthError.OIDC_SIGNATURE_INVALID, kid.orElse("(no kid)"));
    }

    /** Whether {@code key} may verify a signature of {@code algorithm}: key type, curve and its own alg agree. */
    private static boolean fits(JWK key, JWSAlgorithm algorithm) {
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(algorithm)) {
            return false;
        }
        if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
            return key instanceof RSAKey;
        }
        if (JWSAlgorithm.Family.EC.contains(algorithm) && key instanceof ECKey ec) {
            return ECDSAVerifier.SUPPORTED_ALGORITHMS.contains(algorithm)
                    && com.nimbusds.jose.jwk.Curve.forJWSAlgorithm(algorithm).contains(ec.getCurve());
        }
        return false;
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        return new ECDSAVerifier((ECKey) key);
    }

    private void checkIssuerAndAudience(JWTClaimsSet claims) {
        if (!issuer.equals(claims.getIssuer())) {
            throw new SecurityCheckException(AuthError.OIDC_ISSUER_MISMATCH, String.valueOf(claims.getIssuer()),
                    issuer);
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId)) {
            throw new SecurityCheckException(AuthError.OIDC_AUDIENCE_MISMATCH, audience, clientId);
        }
        Object azp = claims.getClaim("azp");
        if (azp != null && !clientId.equals(azp) || azp == null && audience.size() > 1) {
            throw new SecurityCheckException(AuthError.OIDC_AZP_INVALID, String.valueOf(azp), clientId);
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !now.minus(skew).isBefore(exp.toInstant())) {
            throw new SecurityCheckException(AuthError.OIDC_TOKEN_EXPIRED,
                    exp == null ? "(no exp)" : exp.toInstant(), now, skew);
        }
        Date iat = claims.getIssueTime();
        if (iat == null || iat.toInstant().isAfter(now.plus(skew))) {
            throw new SecurityCheckException(AuthError.OIDC_TOKEN_NOT_YET_VALID, "iat",
                    iat == null ? "(missing)" : iat.toInstant(), now, skew);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
            throw new SecurityCheckException(AuthError.OIDC_TOKEN_NOT_YET_VALID, "nbf", nbf.toInstant(), now, skew);
        }
    }

    /** {@code at_hash}: base64url of the left half of the hash of the access token (Core 1.0, 3.1.3.6). */
    static String leftHalfHash(JWSAlgorithm algorithm, String accessToken) {
        String name = algorithm.getName();
        String bits = name.substring(name.length() - 3);
        String digest = switch (bits) {
            case "384" -> "SHA-384";
            case "512" -> "SHA-512";
            default -> "SHA-256";
        };
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(hash, hash.length / 2)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " is part of every JDK", e);
        }
    }
}
