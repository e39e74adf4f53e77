package de.ozgsdk.sandbox.postbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A message the ZBP mock accepted into a persona's postbox ({@code message_v6}), with its attachments as received.
 *
 * @param submissionId the FIT-Connect submission it came in
 * @param mailboxUuid the persona's Postkorb-Handle
 * @param sender the sending authority
 * @param title the subject (whitelisted HTML)
 * @param content the body (whitelisted HTML)
 * @param service the service's name
 * @param storkQaaLevel 1 to 4
 * @param applicationId the application, if given
 * @param reference the authority's reference, if given
 * @param attachments the attachments: name, size and bytes
 * @param receivedAt when the mock accepted it (its clock)
 */
public record ZbpMessage(UUID submissionId, UUID mailboxUuid, String sender, String title, String content,
        String service, int storkQaaLevel, Optional<UUID> applicationId, Optional<String> reference,
        List<Attachment> attachments, Instant receivedAt) {

    /** One attachment as received. */
    public record Attachment(String filename, String mediaType, byte[] content) {

        /** Copies the bytes. */
        public Attachment {
            content = content.clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /** Copies the list. */
    public ZbpMessage {
        attachments = List.copyOf(attachments);
    }
}
