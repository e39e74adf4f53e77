package de.ozgsdk.sandbox.tsa;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One time-stamp token the {@link TimestampAuthorityMock} sent, as it sent it (a token a fault tampered with
 * carries the tampered values): the {@code TSTInfo} fields a test asserts on. A digest only, never data.
 *
 * @param serialNumber {@code TSTInfo.serialNumber}, unique and growing per mock
 * @param genTime {@code TSTInfo.genTime}, from the mock's clock (milliseconds)
 * @param hashAlgorithm the message imprint's hash algorithm, e.g. {@code SHA-256}
 * @param messageImprint the imprint's digest in lower-case hex
 * @param nonce {@code TSTInfo.nonce}, empty if the token carries none
 * @param policy {@code TSTInfo.policy} in dotted notation
 * @param certificatesIncluded whether the token carries the TSA's certificate ({@code certReq})
 * @param fault the name of the mock's error that shaped the token, empty for a correct token
 */
public record IssuedTimestamp(BigInteger serialNumber, Instant genTime, String hashAlgorithm, String messageImprint,
        Optional<BigInteger> nonce, String policy, boolean certificatesIncluded, Optional<String> fault) {

    /** Checks that no part is missing. */
    public IssuedTimestamp {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(genTime, "genTime");
        Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
        Objects.requireNonNull(messageImprint, "messageImprint");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(fault, "fault");
    }
}
