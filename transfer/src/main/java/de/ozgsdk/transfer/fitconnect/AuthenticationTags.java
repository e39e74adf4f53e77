package de.ozgsdk.transfer.fitconnect;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The JWE authentication tags of one submission ({@code authenticationTags} of an {@code accept-submission} event):
 * of the encrypted metadata, of the encrypted data (empty if the submission has none) and of each attachment by its
 * id. A receiver that accepts with the same tags has decrypted exactly what was sent.
 *
 * @param metadata the tag of {@code encryptedMetadata} (base64url)
 * @param data the tag of {@code encryptedData} (base64url), empty if no data was sent
 * @param attachments the tag of each attachment's JWE by attachment id
 */
public record AuthenticationTags(String metadata, String data, Map<String, String> attachments) {

    public AuthenticationTags {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(data, "data");
        attachments = Map.copyOf(attachments);
    }

    /** The parts whose tags differ from {@code other} ({@code metadata}, {@code data}, {@code attachment:<id>}). */
    public String differencesTo(AuthenticationTags other) {
        StringBuilder parts = new StringBuilder();
        if (!metadata.equals(other.metadata)) {
            parts.append("metadata ");
        }
        if (!data.equals(other.data)) {
            parts.append("data ");
        }
        TreeMap<String, String> all = new TreeMap<>(attachments);
        other.attachments.forEach(all::putIfAbsent);
        all.keySet().stream()
                .filter(id -> !Objects.equals(attachments.get(id), other.attachments.get(id)))
                .forEach(id -> parts.append("attachment:").append(id).append(' '));
        return parts.toString().trim();
    }
}
