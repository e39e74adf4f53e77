package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.saml.internal.Saml;
import java.util.HashSet;
import java.util.Set;

/**
 * Which XML signature and encryption algorithms the service provider accepts in an identity provider's answer. The
 * default accepts RSASSA-PSS and RSA with SHA-256/384/512 signatures and AES-GCM or AES-CBC content encryption with
 * RSA-OAEP key transport (both OAEP URIs), which covers BundID since 2024/25 (PSS + GCM) and its older answers
 * (RSA-SHA256 + CBC). SHA-1 signatures and digests and RSA 1.5 key transport are refused; some Länder IdPs and old
 * test systems still use them, so {@link #withLegacySha1()} and {@link #withLegacyRsa15()} accept them, and each
 * accepted use is logged with code {@code OZG-AUTH-109}.
 */
public final class AlgorithmPolicy {

    private static final Set<String> SIGNATURES = Set.of(Saml.RSA_PSS_SHA256, Saml.RSA_PSS_SHA384,
            Saml.RSA_PSS_SHA512, Saml.RSA_SHA256, Saml.RSA_SHA384, Saml.RSA_SHA512);
    private static final Set<String> DIGESTS = Set.of(Saml.DIGEST_SHA256, Saml.DIGEST_SHA384, Saml.DIGEST_SHA512);
    private static final Set<String> CONTENT = Set.of(Saml.AES128_GCM, Saml.AES256_GCM, Saml.AES128_CBC,
            Saml.AES256_CBC);
    private static final Set<String> KEY_TRANSPORT = Set.of(Saml.RSA_OAEP_MGF1P, Saml.RSA_OAEP);
    private static final AlgorithmPolicy DEFAULTS = new AlgorithmPolicy(false, false);

    private final boolean legacySha1;
    private final boolean legacyRsa15;

    private AlgorithmPolicy(boolean legacySha1, boolean legacyRsa15) {
        this.legacySha1 = legacySha1;
        this.legacyRsa15 = legacyRsa15;
    }

    /** The secure default described above. */
    public static AlgorithmPolicy defaults() {
        return DEFAULTS;
    }

    /** This policy, also accepting RSA-SHA1 signatures and SHA-1 digests (logged on each use). */
    public AlgorithmPolicy withLegacySha1() {
        return new AlgorithmPolicy(true, legacyRsa15);
    }

    /** This policy, also accepting RSA 1.5 key transport (logged on each use). */
    public AlgorithmPolicy withLegacyRsa15() {
        return new AlgorithmPolicy(legacySha1, true);
    }

    /** Whether signature algorithm {@code uri} is accepted. */
    public boolean acceptsSignature(String uri) {
        return SIGNATURES.contains(uri) || legacySha1 && Saml.RSA_SHA1.equals(uri);
    }

    /** Whether digest algorithm {@code uri} is accepted. */
    public boolean acceptsDigest(String uri) {
        return DIGESTS.contains(uri) || legacySha1 && Saml.DIGEST_SHA1.equals(uri);
    }

    /** Whether content encryption algorithm {@code uri} is accepted. */
    public boolean acceptsContentEncryption(String uri) {
        return CONTENT.contains(uri);
    }

    /** Whether key transport algorithm {@code uri} is accepted. */
    public boolean acceptsKeyTransport(String uri) {
        return KEY_TRANSPORT.contains(uri) || legacyRsa15 && Saml.RSA_1_5.equals(uri);
    }

    /** Whether {@code uri} is accepted only by a legacy opt-in (its use is logged). */
    public boolean isLegacy(String uri) {
        return Saml.RSA_SHA1.equals(uri) || Saml.DIGEST_SHA1.equals(uri) || Saml.RSA_1_5.equals(uri);
    }

    /** Whether an opt-in is on. */
    public boolean hasLegacyOptIn() {
        return legacySha1 || legacyRsa15;
    }

    /** The accepted signature algorithms, for the SP metadata's {@code alg:SigningMethod}. */
    public Set<String> signatureAlgorithms() {
        Set<String> all = new HashSet<>(SIGNATURES);
        if (legacySha1) {
            all.add(Saml.RSA_SHA1);
        }
        return Set.copyOf(all);
    }

    @Override
    public String toString() {
        return "AlgorithmPolicy[legacySha1=" + legacySha1 + ", legacyRsa15=" + legacyRsa15 + "]";
    }
}
