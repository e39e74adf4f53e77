package de.ozgsdk.transfer.fitconnect;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import de.ozgsdk.core.crypto.TestPki;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.HeldCertificate;

/**
 * Real keys for the FIT-Connect tests, generated once per test run: a CA as trust anchor, destination keys (RSA 4096
 * with certificates from that CA) for encryption and signatures, the delivery service's and the portal's signing keys,
 * and faulty keys (2048 bit, another CA).
 */
public final class FitConnectKeys {

    public static final HeldCertificate CA = TestPki.certificateAuthority("FIT-Connect Test CA");
    static final HeldCertificate OTHER_CA = TestPki.certificateAuthority("Somebody Else's CA");

    public static final TestKey ENCRYPTION = TestKey.issued("enc-key-0001", 4096, CA);
    static final TestKey ENCRYPTION_ROTATED = TestKey.issued("enc-key-0002", 4096, CA);
    public static final TestKey SIGNATURE = TestKey.issued("sig-key-0001", 4096, CA);
    static final TestKey SERVICE = TestKey.issued("service-key-0001", 4096, CA);
    static final TestKey PORTAL = TestKey.issued("portal-key-0001", 4096, CA);
    static final TestKey SHORT = TestKey.issued("enc-key-short", 2048, CA);
    static final TestKey UNTRUSTED = TestKey.issued("enc-key-untrusted", 4096, OTHER_CA);

    private FitConnectKeys() {
    }

    /** A key pair with its certificate and kid. */
    public record TestKey(String kid, KeyPair pair, HeldCertificate certificate) {

        static TestKey issued(String kid, int bits, HeldCertificate issuer) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(bits);
                KeyPair pair = generator.generateKeyPair();
                HeldCertificate certificate = new HeldCertificate.Builder().commonName(kid).keyPair(pair)
                        .signedBy(issuer).duration(1, TimeUnit.DAYS).build();
                return new TestKey(kid, pair, certificate);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The public JWK as the Submission API publishes it, for {@code operation} and {@code alg}. */
        RSAKey publicJwk(KeyOperation operation, String alg) {
            try {
                return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                        .keyID(kid)
                        .keyOperations(Set.of(operation))
                        .algorithm(Algorithm.parse(alg))
                        .x509CertChain(List.of(Base64.encode(certificate.certificate().getEncoded())))
                        .build();
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        String wrapKeyJson() {
            return publicJwk(KeyOperation.WRAP_KEY, "RSA-OAEP-256").toJSONString();
        }

        String verifyJson() {
            return publicJwk(KeyOperation.VERIFY, "PS512").toJSONString();
        }

        /** The private key as Nimbus JWK (for signing test tokens). */
        RSAKey privateJwk() {
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).keyID(kid).build();
        }
    }
}
