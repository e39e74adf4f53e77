package de.ozgsdk.xoev.message;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.xoev.internal.message.Tokens;
import de.ozgsdk.xoev.internal.serial.Arguments;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the portal knows about a submitted application besides its Fachdaten ({@code <metadaten>}): the service of
 * the Leistungskatalog, the tenant, the online service and its version, the submission id and time with the RFC 3161
 * time-stamp token, the payment, the trust level of the login and the applicant's postbox.
 *
 * <pre>{@code
 * ApplicationMetadata metadata = ApplicationMetadata.builder()
 *         .leikaKey(LeikaKey.parse("99123456760000"))
 *         .tenant(RegionalKey.parse("053150000000"))
 *         .service("wohnsitz-anmeldung", "2.1.0")
 *         .submissionId(UUID.randomUUID())
 *         .submittedAt(clock.instant())
 *         .trustLevel(user.trustLevel())
 *         .build();
 * }</pre>
 */
public final class ApplicationMetadata {

    private static final String OWNER = "ApplicationMetadata";
    private static final int MAX_TOKEN_BYTES = 65_536;

    private final LeikaKey leikaKey;
    private final RegionalKey tenant;
    private final String serviceId;
    private final String serviceVersion;
    private final UUID submissionId;
    private final Instant submittedAt;
    private final byte[] timestampToken;
    private final Payment payment;
    private final TrustLevel trustLevel;
    private final String postboxReference;

    private ApplicationMetadata(Builder builder) {
        this.leikaKey = required(builder.leikaKey, "leikaKey");
        this.tenant = required(builder.tenant, "tenant");
        this.serviceId = required(builder.serviceId, "service");
        this.serviceVersion = builder.serviceVersion;
        this.submissionId = required(builder.submissionId, "submissionId");
        this.submittedAt = required(builder.submittedAt, "submittedAt");
        this.timestampToken = builder.timestampToken;
        this.payment = builder.payment;
        this.trustLevel = required(builder.trustLevel, "trustLevel");
        this.postboxReference = builder.postboxReference;
    }

    private static <T> T required(T value, String name) {
        return Arguments.present(value, name, OWNER);
    }

    /** Starts empty metadata; leikaKey, tenant, service, submissionId, submittedAt and trustLevel are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder seeded with these metadata, e.g. to add the time-stamp token. */
    public Builder toBuilder() {
        Builder builder = new Builder().leikaKey(leikaKey).tenant(tenant).service(serviceId, serviceVersion)
                .submissionId(submissionId).submittedAt(submittedAt).trustLevel(trustLevel);
        builder.timestampToken = timestampToken;
        builder.payment = payment;
        builder.postboxReference = postboxReference;
        return builder;
    }

    /** The Leistungsschlüssel of the administrative service applied for ({@code <leikaLeistung>}). */
    public LeikaKey leikaKey() {
        return leikaKey;
    }

    /** The ARS of the municipality the application is addressed to ({@code <mandant>}). */
    public RegionalKey tenant() {
        return tenant;
    }

    /** The id of the online service ({@code <dienst><kennung>}). */
    public String serviceId() {
        return serviceId;
    }

    /** The version of the online service ({@code <dienst><version>}). */
    public String serviceVersion() {
        return serviceVersion;
    }

    /** The id of the submission, unique per portal ({@code <einreichungsID>}). */
    public UUID submissionId() {
        return submissionId;
    }

    /** When the portal accepted the submission ({@code <einreichungszeitpunkt>}). */
    public Instant submittedAt() {
        return submittedAt;
    }

    /** The DER-encoded RFC 3161 time-stamp token over the submission digest ({@code <zeitstempel>}); a copy. */
    public Optional<byte[]> timestampToken() {
        return Optional.ofNullable(timestampToken).map(byte[]::clone);
    }

    /** The payment of the fee ({@code <zahlung>}). */
    public Optional<Payment> payment() {
        return Optional.ofNullable(payment);
    }

    /** The trust level of the applicant's login ({@code <vertrauensniveau>}). */
    public TrustLevel trustLevel() {
        return trustLevel;
    }

    /** The reference of the applicant's postbox in the Servicekonto ({@code <postfachReferenz>}). */
    public Optional<String> postboxReference() {
        return Optional.ofNullable(postboxReference);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationMetadata other && leikaKey.equals(other.leikaKey)
                && tenant.equals(other.tenant) && serviceId.equals(other.serviceId)
                && serviceVersion.equals(other.serviceVersion) && submissionId.equals(other.submissionId)
                && submittedAt.equals(other.submittedAt) && Arrays.equals(timestampToken, other.timestampToken)
                && Objects.equals(payment, other.payment) && trustLevel == other.trustLevel
                && Objects.equals(postboxReference, other.postboxReference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(submissionId, submittedAt, leikaKey, tenant);
    }

    @Override
    public String toString() {
        // No payment reference or postbox: they identify a person.
        return "ApplicationMetadata[submission=" + submissionId + ", leika=" + leikaKey + ", tenant=" + tenant
                + ", service=" + serviceId + "/" + serviceVersion + ", submittedAt=" + submittedAt + "]";
    }

    /** Builds {@link ApplicationMetadata}; every setter checks its argument. */
    public static final class Builder {
        private LeikaKey leikaKey;
        private RegionalKey tenant;
        private String serviceId;
        private String serviceVersion;
        private UUID submissionId;
        private Instant submittedAt;
        private byte[] timestampToken;
        private Payment payment;
        private TrustLevel trustLevel;
        private String postboxReference;

        private Builder() {
        }

        /** Required. */
        public Builder leikaKey(LeikaKey leikaKey) {
            this.leikaKey = Arguments.present(leikaKey, "leikaKey", OWNER);
            return this;
        }

        /**
         * Required, as text: the 14-digit Leistungsschlüssel.
         *
         * @throws de.ozgsdk.core.InvalidInputException as {@link LeikaKey#parse} when it is not one
         */
        public Builder leikaKey(String leikaKey) {
            return leikaKey(LeikaKey.parse(Arguments.present(leikaKey, "leikaKey", OWNER)));
        }

        /** Required: the municipality's ARS. */
        public Builder tenant(RegionalKey tenant) {
            this.tenant = Arguments.present(tenant, "tenant", OWNER);
            return this;
        }

        /**
         * Required, as text: the municipality's 12-digit ARS.
         *
         * @throws de.ozgsdk.core.InvalidInputException as {@link RegionalKey#parse} when it is not one
         */
        public Builder tenant(String tenant) {
            return tenant(RegionalKey.parse(Arguments.present(tenant, "tenant", OWNER)));
        }

        /** Required: id and version of the online service, each 1 to 200 characters without line breaks. */
        public Builder service(String serviceId, String serviceVersion) {
            this.serviceId = Tokens.check("serviceId", OWNER, serviceId);
            this.serviceVersion = Tokens.check("serviceVersion", OWNER, serviceVersion);
            return this;
        }

        /** Required. */
        public Builder submissionId(UUID submissionId) {
            this.submissionId = Arguments.present(submissionId, "submissionId", OWNER);
            return this;
        }

        /** Required; written in UTC with the precision given. */
        public Builder submittedAt(Instant submittedAt) {
            this.submittedAt = Arguments.present(submittedAt, "submittedAt", OWNER);
            return this;
        }

        /**
         * The DER bytes of the RFC 3161 token ({@code TimestampToken.encoded()}) over
         * {@link ApplicationMessage#submissionDigest()}; optional, default none. At most 65,536 bytes.
         */
        public Builder timestampToken(byte[] der) {
            Arguments.present(der, "timestampToken", OWNER);
            if (der.length == 0 || der.length > MAX_TOKEN_BYTES) {
                throw Arguments.malformed("timestampToken", OWNER, "DER of 1 to " + MAX_TOKEN_BYTES + " bytes");
            }
            this.timestampToken = der.clone();
            return this;
        }

        /** Optional, default none. */
        public Builder payment(Payment payment) {
            this.payment = Arguments.present(payment, "payment", OWNER);
            return this;
        }

        /** Required. */
        public Builder trustLevel(TrustLevel trustLevel) {
            this.trustLevel = Arguments.present(trustLevel, "trustLevel", OWNER);
            return this;
        }

        /** Optional, default none; 1 to 200 characters without line breaks. */
        public Builder postboxReference(String postboxReference) {
            this.postboxReference = Tokens.check("postboxReference", OWNER, postboxReference);
            return this;
        }

        /**
         * The metadata.
         *
         * @throws de.ozgsdk.core.InvalidInputException {@code OZG-XOEV-111} naming the first missing required part
         */
        public ApplicationMetadata build() {
            return new ApplicationMetadata(this);
        }
    }
}
