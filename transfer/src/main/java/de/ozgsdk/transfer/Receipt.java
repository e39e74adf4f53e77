package de.ozgsdk.transfer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The proof that a receiver holds an application: returned by {@link SubmissionChannel#send} once the receiver has
 * taken the application over. What counts as taken over is the channel's rule: for {@link HttpsChannel} a 2xx answer
 * with a non-empty body (the receiver's confirmation, kept as {@link #document()}), for {@link FileDropChannel} the
 * done marker written after the application file.
 *
 * <p>{@link #alreadyDelivered()} says that the receiver reported holding the application from an earlier attempt
 * (HTTP 409 for the same {@code Idempotency-Key}, an existing done marker), which happens after a crash between
 * sending and recording the delivery; it is a success, and the receiver holds the application once.
 */
public final class Receipt {

    private final String submissionId;
    private final Instant receivedAt;
    private final boolean alreadyDelivered;
    private final String reference;
    private final byte[] document;
    private final String mediaType;

    private Receipt(Builder builder) {
        this.submissionId = builder.submissionId;
        this.receivedAt = builder.receivedAt;
        this.alreadyDelivered = builder.alreadyDelivered;
        this.reference = builder.reference;
        this.document = builder.document;
        this.mediaType = builder.mediaType;
    }

    /** Starts a receipt for {@code submissionId}, taken at {@code receivedAt} (the sender's clock). */
    public static Builder builder(String submissionId, Instant receivedAt) {
        return new Builder(submissionId, receivedAt);
    }

    public String submissionId() {
        return submissionId;
    }

    /** When the sender got the receipt, by its own clock. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** Whether the receiver reported that it already held the application from an earlier attempt. */
    public boolean alreadyDelivered() {
        return alreadyDelivered;
    }

    /**
     * The receiver's name for the delivered application, if it gave one: the {@code Location} of an HTTPS answer, the
     * file name in a drop directory.
     */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** A copy of the confirmation document the receiver returned (such as its answer body), if any. */
    public Optional<byte[]> document() {
        return Optional.ofNullable(document).map(byte[]::clone);
    }

    /** The media type of {@link #document()}, if the receiver named one. */
    public Optional<String> mediaType() {
        return Optional.ofNullable(mediaType);
    }

    @Override
    public String toString() {
        return "Receipt[submissionId=" + submissionId + ", receivedAt=" + receivedAt + ", alreadyDelivered="
                + alreadyDelivered + ", reference=" + reference + "]";
    }

    /** Builds a {@link Receipt}. */
    public static final class Builder {
        private final String submissionId;
        private final Instant receivedAt;
        private boolean alreadyDelivered;
        private String reference;
        private byte[] document;
        private String mediaType;

        private Builder(String submissionId, Instant receivedAt) {
            this.submissionId = OutgoingApplication.validSubmissionId(submissionId);
            this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        }

        /** Marks the receipt as the receiver's report that it held the application already (default: no). */
        public Builder alreadyDelivered(boolean repeat) {
            this.alreadyDelivered = repeat;
            return this;
        }

        /** The receiver's name for the application. */
        public Builder reference(String name) {
            this.reference = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The receiver's confirmation document, copied, and its media type (empty if unknown). */
        public Builder document(byte[] content, Optional<String> type) {
            this.document = Objects.requireNonNull(content, "content").clone();
            this.mediaType = Objects.requireNonNull(type, "type").orElse(null);
            return this;
        }

        public Receipt build() {
            return new Receipt(this);
        }
    }
}
