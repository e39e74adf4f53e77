package de.ozgsdk.transfer.fitconnect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One verified entry of a FIT-Connect event log: a Security Event Token (JWS {@code typ=secevent+jwt},
 * {@code alg=PS512}) whose signature, header and claims ({@code jti}, {@code iss}, {@code iat},
 * {@code sub=submission:<id>}, {@code txn=case:<id>}, exactly one event) were checked before this object was made.
 * Instances exist only for tokens that passed the check.
 */
public final class SecurityEventToken {

    /** The events of the FIT-Connect event log ({@code https://schema.fitko.de/fit-connect/events/<name>}). */
    public enum Event {
        CREATE_SUBMISSION("create-submission"),
        SUBMIT_SUBMISSION("submit-submission"),
        NOTIFY_SUBMISSION("notify-submission"),
        FORWARD_SUBMISSION("forward-submission"),
        REJECT_SUBMISSION("reject-submission"),
        ACCEPT_SUBMISSION("accept-submission"),
        DELETE_SUBMISSION("delete-submission");

        /** The URI prefix of every event. */
        public static final String PREFIX = "https://schema.fitko.de/fit-connect/events/";

        private final String name;

        Event(String name) {
            this.name = name;
        }

        /** The event's URI, the key in the {@code events} claim. */
        public String uri() {
            return PREFIX + name;
        }

        /** The event of {@code uri}, if it is one of FIT-Connect's. */
        public static Optional<Event> ofUri(String uri) {
            for (Event event : values()) {
                if (event.uri().equals(uri)) {
                    return Optional.of(event);
                }
            }
            return Optional.empty();
        }

        /** Whether the destination (subscriber) issues this event rather than the delivery service. */
        public boolean issuedBySubscriber() {
            return this == ACCEPT_SUBMISSION || this == REJECT_SUBMISSION;
        }
    }

    private final Event event;
    private final String id;
    private final String issuer;
    private final Instant issuedAt;
    private final String submissionId;
    private final String caseId;
    private final Optional<AuthenticationTags> authenticationTags;
    private final List<Problem> problems;
    private final String compact;

    /** Made by the SET check only; use the event log readers of {@link FitConnectChannel} and the subscriber. */
    SecurityEventToken(Event event, String id, String issuer, Instant issuedAt, String submissionId, String caseId,
            Optional<AuthenticationTags> authenticationTags, List<Problem> problems, String compact) {
        this.event = Objects.requireNonNull(event, "event");
        this.id = id;
        this.issuer = issuer;
        this.issuedAt = issuedAt;
        this.submissionId = submissionId;
        this.caseId = caseId;
        this.authenticationTags = authenticationTags;
        this.problems = List.copyOf(problems);
        this.compact = compact;
    }

    public Event event() {
        return event;
    }

    /** The {@code jti} claim. */
    public String id() {
        return id;
    }

    /** The {@code iss} claim: the delivery service's URL or the destination id. */
    public String issuer() {
        return issuer;
    }

    /** The {@code iat} claim. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** The FIT-Connect submission id of the {@code sub} claim (without {@code submission:}). */
    public String submissionId() {
        return submissionId;
    }

    /** The case id of the {@code txn} claim (without {@code case:}). */
    public String caseId() {
        return caseId;
    }

    /** The {@code authenticationTags} of an {@code accept-submission} event. */
    public Optional<AuthenticationTags> authenticationTags() {
        return authenticationTags;
    }

    /** The {@code problems} of a {@code reject-submission} event (empty for other events). */
    public List<Problem> problems() {
        return problems;
    }

    /** The token in JWS compact serialisation, as received (a proof to archive). */
    public String compact() {
        return compact;
    }

    @Override
    public String toString() {
        return "SecurityEventToken[" + event + ", submission " + submissionId + ", case " + caseId + ", iat "
                + issuedAt + "]";
    }
}
