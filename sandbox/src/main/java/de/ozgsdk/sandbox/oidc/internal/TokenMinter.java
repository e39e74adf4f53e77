package de.ozgsdk.sandbox.oidc.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.sandbox.internal.KeyPool;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.UUID;

/** Generates the mock's signing keys and signs ID tokens, correctly or in one of the broken ways a fault asks for. */
public final class TokenMinter {

    /** How the token is signed. */
    public enum Signing { PROPER, UNKNOWN_KEY, NONE, HMAC_WITH_PUBLIC_KEY, TAMPERED }

    private TokenMinter() {
    }

    /** A fresh signing key for {@code algorithm} (RSA 2048 for RS/PS, P-256 for ES256) with a random key id. */
    public static JWK generate(JWSAlgorithm algorithm) {
        try {
            String kid = UUID.randomUUID().toString();
            if (JWSAlgorithm.Family.EC.contains(algorithm)) {
                return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm)
                        .generate();
            }
            // the combined sandbox keeps RSA keys between starts (KeyPool); a single mock gets a fresh one
            KeyPair keys = KeyPool.rsa(2048);
            return new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }

    /** {@code claims} as a compact JWT signed with {@code key} in the way {@code signing} says. */
    public static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm algorithm, Signing signing) {
        try {
            switch (signing) {
                case NONE:
                    return new PlainJWT(claims).serialize();
                case HMAC_WITH_PUBLIC_KEY: {
                    // the classic algorithm confusion: the public key, known to everyone, as HMAC secret
                    byte[] secret = key instanceof RSAKey rsa ? rsa.toRSAPublicKey().getEncoded()
                            : ((ECKey) key).toECPublicKey().getEncoded();
                    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID())
                            .build(), claims);
                    jwt.sign(new MACSigner(secret));
                    return jwt.serialize();
                }
                case UNKNOWN_KEY: {
                    JWK unpublished = generate(algorithm);
                    return signed(claims, unpublished, algorithm);
                }
                case TAMPERED: {
                    String token = signed(claims, key, algorithm);
                    String[] parts = token.split("\\.");
                    JWTClaimsSet changed = new JWTClaimsSet.Builder(claims)
                            .subject(claims.getSubject() + "-changed").build();
                    return parts[0] + "." + Base64URL.encode(changed.toString()) + "." + parts[2];
                }
                default:
                    return signed(claims, key, algorithm);
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    private static String signed(JWTClaimsSet claims, JWK key, JWSAlgorithm algorithm) throws JOSEException {
        JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** {@code at_hash} of {@code accessToken} for a token signed with {@code algorithm} (Core 1.0, 3.1.3.6). */
    public static String atHash(JWSAlgorithm algorithm, String accessToken) {
        String bits = algorithm.getName().substring(algorithm.getName().length() - 3);
        String digest = bits.equals("384") ? "SHA-384" : bits.equals("512") ? "SHA-512" : "SHA-256";
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(hash, hash.length / 2)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " is part of every JDK", e);
        }
    }
}
