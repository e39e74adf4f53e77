package de.ozgsdk.core.crypto;

import java.time.Instant;

/**
 * Checks an RFC 3161 time-stamp token against the digest it must cover. ozg-http implements it
 * ({@code TimestampToken.verifier(trustAnchors)}), so that a module that only carries tokens, such as xoev's
 * application message, needs no ASN.1 library.
 */
@FunctionalInterface
public interface TimestampVerifier {

    /**
     * Verifies {@code token} (DER): signature and certificate chain to a trusted time-stamp authority, and that its
     * message imprint equals {@code digest}.
     *
     * @return the time the authority attests (its {@code genTime})
     * @throws de.ozgsdk.core.SecurityCheckException if the token is not trusted or covers other data
     * @throws de.ozgsdk.core.InvalidInputException  if the token is not a readable time-stamp token
     */
    Instant verify(byte[] token, byte[] digest);
}
