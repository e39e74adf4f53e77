package de.ozgsdk.portal.abuse;

/** A kind of request that costs the portal something and is therefore rate-limited (each has its own buckets). */
public enum Action {
    /** Starting an application: a new draft in the database. */
    DRAFT_CREATION("draft"),
    /** Uploading a document to a draft: bytes to scan, seal and store. */
    UPLOAD("upload"),
    /** Submitting an application (or starting its payment): a message to the back office. */
    SUBMISSION("submission");

    private final String id;

    Action(String id) {
        this.id = id;
    }

    /** The short name in bucket keys and challenges. */
    public String id() {
        return id;
    }
}
