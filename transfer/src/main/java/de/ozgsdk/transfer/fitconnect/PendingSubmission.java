package de.ozgsdk.transfer.fitconnect;

import java.util.Objects;

/**
 * A submission ready for pickup at a destination ({@code SubmissionForPickup} of the Submission API).
 *
 * @param destinationId the destination's id
 * @param submissionId the FIT-Connect submission id
 * @param caseId the case (Vorgang) it belongs to
 */
public record PendingSubmission(String destinationId, String submissionId, String caseId) {

    public PendingSubmission {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(caseId, "caseId");
    }
}
