package de.ozgsdk.postbox.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.postbox.PostboxError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signed envelope in which the BundID postbox takes a message or status update: {@code content} (the JSON as a
 * string), {@code sha512sum} (base64 of the RSA-SHA512 signature over the content's UTF-8 bytes), {@code authorToken}
 * (a JWT, RS512, with {@code iat}, {@code exp} 30 minutes later, {@code signer} = the certificate's CN and
 * {@code roles ["THIRD_PARTY"]}) and {@code authorCertificate} (PEM).
 */
public final class Envelope {

    /** How long an author token is valid. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    /** The smallest RSA key accepted for signing. */
    public static final int MIN_KEY_BITS = 2048;

    private Envelope() {
    }

    /**
     * Checks that {@code author} can sign envelopes at {@code now}: an RSA key of at least 2048 bits, a certificate
     * valid now with a CN; returns the CN.
     *
     * @throws ConfigurationException ({@code OZG-POSTBOX-120}) naming what is wrong
     */
    public static String check(PrivateKeyCredential author, Instant now) {
        if (!(author.privateKey() instanceof RSAPrivateKey)
                || !(author.certificate().getPublicKey() instanceof RSAPublicKey publicKey)) {
            throw new ConfigurationException(PostboxError.AUTHOR_CREDENTIAL_INVALID, "the key is no RSA key");
        }
        if (publicKey.getModulus().bitLength() < MIN_KEY_BITS) {
            throw new ConfigurationException(PostboxError.AUTHOR_CREDENTIAL_INVALID,
                    "the key has " + publicKey.getModulus().bitLength() + " bits");
        }
        if (!author.isValidAt(now)) {
            throw new ConfigurationException(PostboxError.AUTHOR_CREDENTIAL_INVALID,
                    "the certificate is not valid at " + now);
        }
        return commonName(author);
    }

    /** The envelope of {@code content}, signed by {@code author} at {@code now}. */
    public static byte[] seal(String content, PrivateKeyCredential author, Instant now) {
        String signer = check(author, now);
        try {
            Signature signature = Signature.getInstance("SHA512withRSA");
            signature.initSign(author.privateKey());
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            ObjectNode envelope = Json.MAPPER.createObjectNode();
            envelope.put("content", content);
            envelope.put("sha512sum", Base64.getEncoder().encodeToString(signature.sign()));
            envelope.put("authorToken", authorToken(author, signer, now));
            envelope.put("authorCertificate", pem(author));
            return Json.MAPPER.writeValueAsBytes(envelope);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new ConfigurationException(PostboxError.AUTHOR_CREDENTIAL_INVALID, e,
                    "signing failed: " + e.getClass().getSimpleName());
        }
    }

    private static String authorToken(PrivateKeyCredential author, String signer, Instant now) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .claim("signer", signer)
                .claim("roles", List.of("THIRD_PARTY"))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).type(JOSEObjectType.JWT).build(),
                claims);
        token.sign(new RSASSASigner(author.privateKey()));
        return token.serialize();
    }

    private static String pem(PrivateKeyCredential author) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(author.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static String commonName(PrivateKeyCredential author) {
        try {
            for (Rdn rdn : new LdapName(author.certificate().getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            throw new ConfigurationException(PostboxError.AUTHOR_CREDENTIAL_INVALID, e, "its subject is unreadable");
        }
        throw new ConfigurationException(PostboxError.AUTHOR_CREDENTIAL_INVALID, "its subject has no CN");
    }
}
