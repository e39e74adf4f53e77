package de.ozgsdk.sandbox.fitconnect;

/** Where a submission stands in the delivery service mock. */
public enum SubmissionStatus {
    /** Created ({@code POST /v1/submissions}), attachments may be uploaded, not yet submitted. */
    CREATED,
    /** Submitted ({@code PUT /v1/submissions/{id}}) and ready for pick-up by the subscriber. */
    SUBMITTED,
    /** Accepted by the subscriber with an {@code accept-submission} event. */
    ACCEPTED,
    /** Rejected by the subscriber, or by the delivery service when nobody fetched it in time. */
    REJECTED
}
