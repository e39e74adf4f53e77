package de.ozgsdk.portal.runtime;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.portal.PortalError;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How long the portal keeps the personal data of a submitted application ({@link PersonalDataRetention}): after the
 * receiver accepted it ({@link #afterAcceptance()}, default at once), and at most, when it was never accepted
 * (dead-lettered or rejected; {@link #maximum()}, default 30 days after the submission or the rejection).
 *
 * <pre>{@code
 * RetentionPolicy policy = RetentionPolicy.builder()
 *         .afterAcceptance(Duration.ofDays(2))    // the citizen may fetch the full receipt for two days
 *         .maximum(Duration.ofDays(30))           // dead-lettered or rejected: kept 30 days at most
 *         .acceptanceByEvent("koeln-fitconnect")  // FIT-Connect: delivered is not accepted yet
 *         .build();
 * }</pre>
 *
 * @param afterAcceptance          how long the data stays after the receiver's acceptance (0 to 90 days)
 * @param maximum                  how long the data of a dead-lettered or rejected application stays (1 day to 1 year)
 * @param acceptanceByEventRoutes  outbox destinations (FIT-Connect) where a delivery is accepted only by the
 *                                 receiver's later {@code accept-submission} event, not by the delivery itself
 */
public record RetentionPolicy(Duration afterAcceptance, Duration maximum, Set<String> acceptanceByEventRoutes) {

    private static final Duration MAX_AFTER_ACCEPTANCE = Duration.ofDays(90);
    private static final Duration MAX_MAXIMUM = Duration.ofDays(366);

    /** Checks the limits and copies the set. */
    public RetentionPolicy {
        Objects.requireNonNull(afterAcceptance, "afterAcceptance");
        Objects.requireNonNull(maximum, "maximum");
        if (afterAcceptance.isNegative() || afterAcceptance.compareTo(MAX_AFTER_ACCEPTANCE) > 0) {
            throw new ConfigurationException(PortalError.RETENTION_POLICY_INVALID, "afterAcceptance",
                    afterAcceptance, "0 to 90 days");
        }
        if (maximum.compareTo(Duration.ofDays(1)) < 0 || maximum.compareTo(MAX_MAXIMUM) > 0) {
            throw new ConfigurationException(PortalError.RETENTION_POLICY_INVALID, "maximum", maximum,
                    "1 day to 1 year");
        }
        if (maximum.compareTo(afterAcceptance) < 0) {
            throw new ConfigurationException(PortalError.RETENTION_POLICY_INVALID, "maximum", maximum,
                    "at least afterAcceptance (" + afterAcceptance + ")");
        }
        acceptanceByEventRoutes = Set.copyOf(acceptanceByEventRoutes);
    }

    /** The default: erased at once after acceptance, at most 30 days for undelivered ones. */
    public static RetentionPolicy defaults() {
        return builder().build();
    }

    /** Starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RetentionPolicy}. */
    public static final class Builder {
        private Duration afterAcceptance = Duration.ZERO;
        private Duration maximum = Duration.ofDays(30);
        private final Set<String> acceptanceByEvent = new TreeSet<>();

        private Builder() {
        }

        /** How long personal data stays after the receiver's acceptance (default 0: erased in the next run). */
        public Builder afterAcceptance(Duration retention) {
            this.afterAcceptance = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /** How long the data of a dead-lettered or rejected application stays at most (default 30 days). */
        public Builder maximum(Duration retention) {
            this.maximum = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /** Marks an outbox destination whose deliveries count as accepted only by a later acceptance event. */
        public Builder acceptanceByEvent(String destination) {
            acceptanceByEvent.add(Objects.requireNonNull(destination, "destination"));
            return this;
        }

        /** @throws ConfigurationException ({@code OZG-PORTAL-850}) if a duration is outside its limits */
        public RetentionPolicy build() {
            return new RetentionPolicy(afterAcceptance, maximum, acceptanceByEvent);
        }
    }
}
