package de.ozgsdk.sandbox.fitconnect;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the delivery service mock holds about one submission, for assertions: ids, state, the authentication tags of
 * what the sender uploaded and of what the subscriber accepted, and how often each attachment was uploaded. It holds
 * no ciphertext (the mock cannot decrypt anyway).
 *
 * @param submissionId the submission
 * @param caseId its case ({@code Vorgang})
 * @param destinationId the destination it was sent to
 * @param serviceIdentifier {@code serviceType.identifier}, e.g. {@code urn:de:fim:leika:leistung:99...}
 * @param announcedAttachments the attachment ids announced at creation
 * @param status where the submission stands
 * @param sentTags the tags of the uploaded JWEs, once submitted
 * @param acceptedTags the tags the subscriber's {@code accept-submission} event carried, once accepted
 * @param attachmentUploads how many uploads each announced attachment received (a retry counts again)
 * @param encryptionKids the {@code kid}s the sender encrypted with (metadata, data, attachments)
 * @param fetched whether the subscriber fetched the submission ({@code GET /v1/submissions/{id}})
 * @param rejectProblems the {@code problems} of the reject event, as JSON text, once rejected
 */
public record SubmissionRecord(UUID submissionId, UUID caseId, UUID destinationId, String serviceIdentifier,
        List<UUID> announcedAttachments, SubmissionStatus status, Optional<AuthenticationTags> sentTags,
        Optional<AuthenticationTags> acceptedTags, Map<UUID, Integer> attachmentUploads, List<String> encryptionKids,
        boolean fetched, Optional<String> rejectProblems) {

    /** Copies the collections. */
    public SubmissionRecord {
        announcedAttachments = List.copyOf(announcedAttachments);
        attachmentUploads = Map.copyOf(attachmentUploads);
        encryptionKids = List.copyOf(encryptionKids);
    }
}
