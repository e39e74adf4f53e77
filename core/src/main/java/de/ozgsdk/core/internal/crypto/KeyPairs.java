package de.ozgsdk.core.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;
import java.util.Optional;

/** Tells whether a private key and a public key (of a certificate) form one key pair. */
public final class KeyPairs {

    private static final byte[] PROBE = "ozg-sdk key pair check".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    /**
     * Whether {@code privateKey} belongs to {@code publicKey}: RSA keys are compared by modulus, other keys by signing
     * a probe and verifying it, which works for any signature algorithm without knowing its key encoding.
     */
    public static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
        if (privateKey instanceof RSAPrivateKey rsaPrivate) {
            return publicKey instanceof RSAPublicKey rsaPublic
                    && rsaPrivate.getModulus().equals(rsaPublic.getModulus())
                    && (!(rsaPrivate instanceof RSAPrivateCrtKey crt)
                        || crt.getPublicExponent().equals(rsaPublic.getPublicExponent()));
        }
        Optional<String> algorithm = signatureAlgorithm(privateKey);
        if (algorithm.isEmpty()) {
            return false;
        }
        try {
            byte[] signature = sign(algorithm.get(), privateKey);
            Signature verifier = Signature.getInstance(algorithm.get());
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the SDK can check (and so use) this key: RSA always; other keys if the JVM signs with them, which it
     * does not for every key it can decode (JDK 16 and later decode brainpool and secp256k1 EC keys but have no
     * signature for them).
     */
    public static boolean isSupported(PrivateKey privateKey) {
        if (privateKey instanceof RSAPrivateKey) {
            return true;
        }
        Optional<String> algorithm = signatureAlgorithm(privateKey);
        if (algorithm.isEmpty()) {
            return false;
        }
        try {
            sign(algorithm.get(), privateKey);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The key's algorithm for messages, with the curve of an EC key: {@code "EC on the curve brainpoolP256r1 …"}. */
    public static String describe(PrivateKey privateKey) {
        if (privateKey instanceof ECPrivateKey) {
            try {
                return Pkcs8Keys.namedCurve(privateKey.getEncoded()).map(Pkcs8Keys::describeCurve)
                        .orElse(privateKey.getAlgorithm());
            } catch (RuntimeException e) {
                // A key of another provider may have no encoding or one this reader does not know.
                return privateKey.getAlgorithm();
            }
        }
        return privateKey.getAlgorithm();
    }

    private static byte[] sign(String algorithm, PrivateKey privateKey) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(PROBE);
        return signer.sign();
    }

    private static Optional<String> signatureAlgorithm(PrivateKey privateKey) {
        return switch (privateKey.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "EC", "ECDSA" -> Optional.of("SHA256withECDSA");
            case "ED25519", "ED448", "EDDSA" -> Optional.of("EdDSA");
            case "DSA" -> Optional.of("SHA256withDSA");
            case "RSA" -> Optional.of("SHA256withRSA");
            default -> Optional.empty();
        };
    }
}
