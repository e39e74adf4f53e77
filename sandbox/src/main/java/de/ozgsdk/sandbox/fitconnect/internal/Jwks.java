package de.ozgsdk.sandbox.fitconnect.internal;

import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;

/**
 * Generates the JSON Web Keys of FIT-Connect ({@code JWK} of the Submission API): RSA 4096, {@code key_ops}
 * {@code wrapKey} with {@code RSA-OAEP-256} for encryption, {@code verify} with {@code PS512} for signatures, each with
 * an {@code x5c} chain (certificate, root) issued by the sandbox PKI.
 */
public final class Jwks {

    private Jwks() {
    }

    /** A new encryption key pair (private part included) with a random UUID as {@code kid}. */
    public static RSAKey newEncryptionKey(Pki pki, String commonName) {
        return newKey(pki, commonName, true);
    }

    /** A new signature key pair (private part included) with a random UUID as {@code kid}. */
    public static RSAKey newSignatureKey(Pki pki, String commonName) {
        return newKey(pki, commonName, false);
    }

    private static RSAKey newKey(Pki pki, String commonName, boolean forEncryption) {
        KeyPair keys = Pki.rsaKeyPair();
        X509Certificate certificate = pki.issue(keys, commonName, forEncryption);
        RSAKey.Builder builder = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .x509CertChain(List.of(encode(certificate), encode(pki.trustAnchor())));
        if (forEncryption) {
            builder.keyOperations(Set.of(KeyOperation.WRAP_KEY)).algorithm(JWEAlgorithm.RSA_OAEP_256);
        } else {
            builder.keyOperations(Set.of(KeyOperation.VERIFY)).algorithm(JWSAlgorithm.PS512);
        }
        return builder.build();
    }

    private static Base64 encode(X509Certificate certificate) {
        try {
            return Base64.encode(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate the sandbox just issued cannot be encoded", e);
        }
    }
}
