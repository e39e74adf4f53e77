package de.ozgsdk.transfer.fitconnect.internal;

/** The steps of a FIT-Connect exchange, named in errors so that operators see where a submission stopped. */
public enum Step {
    TOKEN("token"),
    JWKS("GET jwks"),
    ROUTES("GET /routes"),
    DESTINATION("GET /v1/destinations/{id}"),
    DESTINATION_KEY("GET /v1/destinations/{id}/keys/{kid}"),
    CREATE_SUBMISSION("POST /v1/submissions"),
    UPLOAD_ATTACHMENT("PUT /v1/submissions/{id}/attachments/{aid}"),
    SUBMIT_SUBMISSION("PUT /v1/submissions/{id}"),
    EVENT_LOG("GET /v1/cases/{caseId}/events"),
    SEND_EVENT("POST /v1/cases/{caseId}/events"),
    LIST_SUBMISSIONS("GET /v1/submissions"),
    GET_SUBMISSION("GET /v1/submissions/{id}"),
    GET_ATTACHMENT("GET /v1/submissions/{id}/attachments/{aid}");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
