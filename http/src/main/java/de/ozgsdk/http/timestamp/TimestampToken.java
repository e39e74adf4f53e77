package de.ozgsdk.http.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.crypto.TimestampVerifier;
import de.ozgsdk.http.internal.timestamp.HashAlgorithm;
import de.ozgsdk.http.internal.timestamp.TimestampTokenVerifier;

/**
 * A verified RFC 3161 time-stamp token ({@code TimeStampToken}, a CMS {@code SignedData} over a {@code TSTInfo}):
 * proof from a trusted time-stamp authority that a digest existed at {@link #genTime()}. Keep {@link #encoded()} with
 * the stamped data; {@link #parse(byte[], Collection)} and {@link #verify(byte[])} check it again later.
 *
 * <pre>{@code
 * byte[] archived = token.encoded();                       // store next to the receipt
 * TimestampToken again = TimestampToken.parse(archived, List.of(tsaCaCertificate));
 * again.verify(receiptPdf);                                // throws SecurityCheckException if the PDF changed
 * Instant receivedAt = again.genTime();
 * }</pre>
 *
 * <p>Instances exist only after their signature, TSA certificate and trust chain were verified. Immutable and
 * thread-safe.
 */
public final class TimestampToken {

    private final byte[] encoded;
    private final Instant genTime;
    private final BigInteger serialNumber;
    private final String tsaSubject;
    private final String policy;
    private final HashAlgorithm hashAlgorithm;
    private final byte[] messageImprint;

    /** Takes the parts of an already verified token. */
    TimestampToken(TimeStampToken token, X509CertificateHolder tsaCertificate) {
        TimeStampTokenInfo info = token.getTimeStampInfo();
        this.encoded = encode(token);
        this.genTime = info.getGenTime().toInstant();
        this.serialNumber = info.getSerialNumber();
        this.tsaSubject = tsaCertificate.getSubject().toString();
        this.policy = info.getPolicy().getId();
        this.hashAlgorithm = HashAlgorithm.of(info.getMessageImprintAlgOID()).orElseThrow(
                () -> new SecurityCheckException(TimestampError.HASH_ALGORITHM_NOT_ACCEPTED,
                        info.getMessageImprintAlgOID()));
        this.messageImprint = info.getMessageImprintDigest();
    }

    /**
     * The verifier of tokens issued by a time-stamp authority that chains to one of {@code trustAnchors}, for
     * modules that carry tokens without parsing them (e.g. xoev's {@code ReceivedApplication.verifyTimestamp}):
     * {@link #parse} followed by {@link #verifyDigest}, returning the {@link #genTime()}.
     */
    public static TimestampVerifier verifier(Collection<? extends X509Certificate> trustAnchors) {
        List<X509Certificate> anchors = List.copyOf(trustAnchors);
        return (token, digest) -> {
            TimestampToken parsed = parse(token, anchors);
            parsed.verifyDigest(digest);
            return parsed.genTime();
        };
    }

    /**
     * Reads an archived token (the bytes of {@link #encoded()}) and verifies its signature, its TSA certificate
     * (extended key usage timeStamping, valid at genTime) and the chain to one of {@code trustAnchors}, without
     * revocation checks. genTime is not compared with the current time: an archived token is judged by its signature.
     *
     * @param der the DER-encoded token ({@code ContentInfo} with {@code SignedData}), not a whole {@code TimeStampResp}
     * @param trustAnchors certificates of the TSA or of its CA; at least one
     * @throws InvalidInputException {@link TimestampError#TOKEN_MALFORMED} if {@code der} is not a token
     * @throws SecurityCheckException if a check of signature, certificate or trust fails
     */
    public static TimestampToken parse(byte[] der, Collection<? extends X509Certificate> trustAnchors) {
        Objects.requireNonNull(der, "der");
        TimestampTokenVerifier verifier = new TimestampTokenVerifier(trustAnchors);
        TimeStampToken token = decode(der);
        X509CertificateHolder tsaCertificate = verifier.verify(token);
        return new TimestampToken(token, tsaCertificate);
    }

    private static TimeStampToken decode(byte[] der) {
        try {
            return new TimeStampToken(ContentInfo.getInstance(ASN1Primitive.fromByteArray(der)));
        } catch (IOException | TSPException | RuntimeException e) {
            // Bouncy Castle reports malformed ASN.1 with runtime exceptions of several types; all mean "not a token".
            throw new InvalidInputException(TimestampError.TOKEN_MALFORMED, e, e.getClass().getSimpleName());
        }
    }

    private static byte[] encode(TimeStampToken token) {
        try {
            return token.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            // Re-encoding a structure that was just parsed or generated in memory does not fail.
            throw new IllegalStateException("cannot encode a parsed time-stamp token", e);
        }
    }

    /**
     * Checks that this token covers {@code data}: the digest of {@code data} with the token's hash algorithm equals
     * the token's message imprint.
     *
     * @throws SecurityCheckException {@link TimestampError#TOKEN_DOES_NOT_MATCH_DATA} if it does not
     */
    public void verify(byte[] data) {
        Objects.requireNonNull(data, "data");
        verifyDigest(hashAlgorithm.digest(data));
    }

    /**
     * Checks that this token covers the data with {@code digest}, computed with {@link #hashAlgorithm()}.
     *
     * @throws SecurityCheckException {@link TimestampError#TOKEN_DOES_NOT_MATCH_DATA} if it does not
     */
    public void verifyDigest(byte[] digest) {
        Objects.requireNonNull(digest, "digest");
        if (!MessageDigest.isEqual(messageImprint, digest)) {
            throw new SecurityCheckException(TimestampError.TOKEN_DOES_NOT_MATCH_DATA,
                    serialNumber.toString(16), hashAlgorithm.jcaName());
        }
    }

    /** The time the TSA vouches for ({@code TSTInfo.genTime}). */
    public Instant genTime() {
        return genTime;
    }

    /** The token's serial number, unique per TSA ({@code TSTInfo.serialNumber}). */
    public BigInteger serialNumber() {
        return serialNumber;
    }

    /** Subject distinguished name of the TSA's signing certificate, e.g. {@code CN=TSA 1,O=Example Trust}. */
    public String tsaSubject() {
        return tsaSubject;
    }

    /** OID of the TSA policy under which the token was issued ({@code TSTInfo.policy}), in dotted notation. */
    public String policy() {
        return policy;
    }

    /** JCA name of the hash algorithm of the message imprint, e.g. {@code SHA-256}. */
    public String hashAlgorithm() {
        return hashAlgorithm.jcaName();
    }

    /** The digest the token covers ({@code TSTInfo.messageImprint.hashedMessage}); a copy. */
    public byte[] messageImprint() {
        return messageImprint.clone();
    }

    /** The DER-encoded token to archive with the data; a copy. {@link #parse(byte[], Collection)} reads it back. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** Tokens are equal when their encodings are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TimestampToken && Arrays.equals(encoded, ((TimestampToken) other).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "TimestampToken[serial=" + serialNumber.toString(16) + ", genTime=" + genTime + ", tsa=" + tsaSubject
                + "]";
    }
}
