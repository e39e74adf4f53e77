package de.ozgsdk.postbox;

import de.ozgsdk.core.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A processing state of an application for the citizen's Statusmonitor (the fields of {@code status_v6}): the
 * application id, the {@link ApplicationStatus}, the service's public name, the sender's name, when the state was
 * reached, and optionally details, further information (German texts) and the authority's reference.
 *
 * <pre>{@code
 * StatusUpdate update = StatusUpdate.builder(applicationId, ApplicationStatus.PROCESSING)
 *         .publicServiceName("Anwohnerparkausweis beantragen")
 *         .senderName("Stadt Musterstadt, Bürgeramt")
 *         .createdDate(clock.instant())
 *         .statusDetails("Ihr Antrag wird geprüft.")
 *         .build();
 * }</pre>
 */
public final class StatusUpdate {

    /** Longest text of a status update. */
    public static final int MAX_TEXT = 255;
    /** Longest details or further information. */
    public static final int MAX_DETAILS = 1024;

    private final UUID updateId;
    private final UUID applicationId;
    private final ApplicationStatus status;
    private final String publicServiceName;
    private final String senderName;
    private final Instant createdDate;
    private final Optional<String> statusDetails;
    private final Optional<String> additionalInformation;
    private final Optional<String> reference;

    private StatusUpdate(Builder builder) {
        this.updateId = builder.updateId;
        this.applicationId = builder.applicationId;
        this.status = builder.status;
        this.publicServiceName = builder.publicServiceName;
        this.senderName = builder.senderName;
        this.createdDate = builder.createdDate;
        this.statusDetails = Optional.ofNullable(builder.statusDetails);
        this.additionalInformation = Optional.ofNullable(builder.additionalInformation);
        this.reference = Optional.ofNullable(builder.reference);
    }

    /** An update of application {@code applicationId} to {@code status}. */
    public static Builder builder(UUID applicationId, ApplicationStatus status) {
        return new Builder(applicationId, status);
    }

    /** The update's own id: the outbox key; random unless set. */
    public UUID updateId() {
        return updateId;
    }

    public UUID applicationId() {
        return applicationId;
    }

    public ApplicationStatus status() {
        return status;
    }

    /** The service's name as the citizen knows it ({@code publicServiceName.de}). */
    public String publicServiceName() {
        return publicServiceName;
    }

    public String senderName() {
        return senderName;
    }

    /** When the application reached the state. */
    public Instant createdDate() {
        return createdDate;
    }

    /** {@code statusDetails.de}, plain text. */
    public Optional<String> statusDetails() {
        return statusDetails;
    }

    /** {@code additionalInformation.de}, plain text. */
    public Optional<String> additionalInformation() {
        return additionalInformation;
    }

    public Optional<String> reference() {
        return reference;
    }

    @Override
    public String toString() {
        return "StatusUpdate[" + updateId + ", application " + applicationId + ", " + status + "]";
    }

    /** Collects and checks a {@link StatusUpdate}. */
    public static final class Builder {
        private final UUID applicationId;
        private final ApplicationStatus status;
        private UUID updateId = UUID.randomUUID();
        private String publicServiceName;
        private String senderName;
        private Instant createdDate;
        private String statusDetails;
        private String additionalInformation;
        private String reference;

        private Builder(UUID applicationId, ApplicationStatus status) {
            this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
            this.status = Objects.requireNonNull(status, "status");
        }

        /** The update's id (default random): give a stable one to enqueue the same update only once. */
        public Builder updateId(UUID id) {
            this.updateId = Objects.requireNonNull(id, "id");
            return this;
        }

        /** 1 to 255 characters. */
        public Builder publicServiceName(String name) {
            this.publicServiceName = text("publicServiceName", name, MAX_TEXT);
            return this;
        }

        /** 1 to 255 characters. */
        public Builder senderName(String name) {
            this.senderName = text("senderName", name, MAX_TEXT);
            return this;
        }

        public Builder createdDate(Instant when) {
            this.createdDate = Objects.requireNonNull(when, "when");
            return this;
        }

        /** 1 to 1024 characters. */
        public Builder statusDetails(String text) {
            this.statusDetails = text("statusDetails", text, MAX_DETAILS);
            return this;
        }

        /** 1 to 1024 characters. */
        public Builder additionalInformation(String text) {
            this.additionalInformation = text("additionalInformation", text, MAX_DETAILS);
            return this;
        }

        /** The authority's reference, 1 to 255 characters. */
        public Builder reference(String text) {
            this.reference = text("reference", text, MAX_TEXT);
            return this;
        }

        /**
         * The update.
         *
         * @throws InvalidInputException if the public service name, sender name or date is missing
         */
        public StatusUpdate build() {
            if (publicServiceName == null || senderName == null || createdDate == null) {
                String missing = publicServiceName == null ? "publicServiceName"
                        : senderName == null ? "senderName" : "createdDate";
                throw new InvalidInputException(PostboxError.FIELD_LENGTH, missing, 0, "a value (it is required)");
            }
            return new StatusUpdate(this);
        }

        private static String text(String field, String value, int max) {
            Objects.requireNonNull(value, field);
            if (value.isBlank() || value.length() > max) {
                throw new InvalidInputException(PostboxError.FIELD_LENGTH, field, value.length(), "1.." + max);
            }
            return value;
        }
    }
}
