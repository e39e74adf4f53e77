package de.ozgsdk.auth;

import de.ozgsdk.core.TrustLevel;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A login that was started and not yet completed: the id the answer must refer to (SAML {@code InResponseTo}, OIDC
 * {@code state}), the provider that started it, the level it requires, until when an answer is accepted, and
 * provider data that must survive until the answer (OIDC nonce and PKCE verifier, the relay state). Holds no
 * personal data.
 *
 * @param id            the request id, 1 to 128 characters of {@code A-Za-z0-9_.-}
 * @param providerId    the {@link AuthProvider#id()} that started it
 * @param requiredLevel the trust level the login must reach
 * @param createdAt     when it was started
 * @param expiresAt     after this instant an answer to it is refused
 * @param data          provider data, keys and values without personal data
 */
public record PendingRequest(String id, String providerId, TrustLevel requiredLevel, Instant createdAt,
        Instant expiresAt, Map<String, String> data) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public PendingRequest {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("request id must be 1 to 128 characters of A-Za-z0-9_.-");
        }
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(requiredLevel, "requiredLevel");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt must be after createdAt");
        }
        data = Map.copyOf(data);
    }

    /** Whether an answer arriving at {@code now} may still refer to this request. */
    public boolean isOpenAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
