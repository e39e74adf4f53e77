package de.ozgsdk.http.internal.timestamp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/**
 * The hash algorithms accepted in a time-stamp token, for its message imprint and for its signature: SHA-1 and MD5
 * are refused because a token must stay evidence for years, long after collisions became practical.
 */
public enum HashAlgorithm {
    SHA_256(NISTObjectIdentifiers.id_sha256, "SHA-256", 32),
    SHA_384(NISTObjectIdentifiers.id_sha384, "SHA-384", 48),
    SHA_512(NISTObjectIdentifiers.id_sha512, "SHA-512", 64);

    private final ASN1ObjectIdentifier oid;
    private final String jcaName;
    private final int length;

    HashAlgorithm(ASN1ObjectIdentifier oid, String jcaName, int length) {
        this.oid = oid;
        this.jcaName = jcaName;
        this.length = length;
    }

    /** The accepted algorithm with this OID, or empty if the OID names another (or a weak) algorithm. */
    public static Optional<HashAlgorithm> of(ASN1ObjectIdentifier oid) {
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.oid.equals(oid)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** A readable name for an algorithm OID in messages: the JCA name if accepted, else the dotted OID. */
    public static String describe(ASN1ObjectIdentifier oid) {
        return of(oid).map(HashAlgorithm::jcaName).orElse(String.valueOf(oid));
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** The JCA name, e.g. {@code SHA-256}. */
    public String jcaName() {
        return jcaName;
    }

    /** Length of a digest in bytes. */
    public int length() {
        return length;
    }

    /** The digest of {@code data}. */
    public byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(jcaName).digest(data);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256/384/512, so this is a broken JDK, not a runtime condition.
            throw new IllegalStateException(jcaName + " is missing from this JDK", e);
        }
    }
}
