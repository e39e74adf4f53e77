package de.ozgsdk.sandbox.fitconnect.internal;

import java.util.Set;

/** The event URIs of the FIT-Connect event log. */
public final class Events {

    private static final String PREFIX = "https://schema.fitko.de/fit-connect/events/";

    public static final String CREATE = PREFIX + "create-submission";
    public static final String SUBMIT = PREFIX + "submit-submission";
    public static final String NOTIFY = PREFIX + "notify-submission";
    public static final String FORWARD = PREFIX + "forward-submission";
    public static final String REJECT = PREFIX + "reject-submission";
    public static final String ACCEPT = PREFIX + "accept-submission";
    public static final String DELETE = PREFIX + "delete-submission";

    /** Every event URI a SET may carry. */
    public static final Set<String> ALL = Set.of(CREATE, SUBMIT, NOTIFY, FORWARD, REJECT, ACCEPT, DELETE);

    private Events() {
    }
}
