package de.ozgsdk.sandbox.fitconnect;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The JWE authentication tags of one submission ({@code authenticationTags} of an {@code accept-submission} event):
 * those of the encrypted metadata, the encrypted data (absent when the submission has none) and each attachment.
 *
 * @param metadata the tag of {@code encryptedMetadata}, base64url
 * @param data the tag of {@code encryptedData}, if the submission has data
 * @param attachments the tag of each attachment by its id
 */
public record AuthenticationTags(String metadata, Optional<String> data, Map<UUID, String> attachments) {

    /** Copies the map; all parts are required (use an empty Optional or map for "none"). */
    public AuthenticationTags {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(data, "data");
        attachments = Map.copyOf(attachments);
    }
}
