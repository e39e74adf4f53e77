package de.ozgsdk.sandbox.fitconnect;

import java.text.ParseException;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** JOSE of the tests with Nimbus: what a sender and a subscriber would do. */
final class Jose {

    private Jose() {
    }

    static String encrypt(byte[] plaintext, RSAKey key, String contentType) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(key.getKeyID()).contentType(contentType).build();
        JWEObject jwe = new JWEObject(header, new Payload(plaintext));
        try {
            jwe.encrypt(new RSAEncrypter(key.toRSAPublicKey()));
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
        return jwe.serialize();
    }

    static byte[] decrypt(String compact, RSAKey privateKey) throws ParseException, JOSEException {
        JWEObject jwe = JWEObject.parse(compact);
        jwe.decrypt(new RSADecrypter(privateKey));
        return jwe.getPayload().toBytes();
    }

    /** Hex HMAC-SHA512 over {@code "<timestamp>.<body>"}, as a callback receiver computes it. */
    static String callbackHmac(String secret, String timestamp, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA512");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA512"));
        return java.util.HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static String tag(String compact) {
        return compact.substring(compact.lastIndexOf('.') + 1);
    }

    /** A SET as a subscriber signs it. */
    static String subscriberSet(RSAKey signatureKey, UUID destinationId, UUID submissionId, UUID caseId,
            String event, Map<String, Object> payload) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(destinationId.toString())
                .issueTime(new Date())
                .subject("submission:" + submissionId)
                .claim("txn", "case:" + caseId)
                .claim("events", Map.of(event, payload))
                .build();
        return sign(signatureKey, JWSAlgorithm.PS512, new JOSEObjectType("secevent+jwt"), claims);
    }

    static String sign(RSAKey key, JWSAlgorithm algorithm, JOSEObjectType type, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(type).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
        return jwt.serialize();
    }

    /** Verifies a JWS with the key of its {@code kid} in {@code jwks}; returns its claims. */
    static JWTClaimsSet verify(String compact, JWKSet jwks) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(compact);
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null) {
            throw new AssertionError("no key " + jwt.getHeader().getKeyID() + " in " + jwks);
        }
        if (!jwt.verify(new RSASSAVerifier(key))) {
            throw new AssertionError("signature of " + compact + " does not verify");
        }
        return jwt.getJWTClaimsSet();
    }
}
