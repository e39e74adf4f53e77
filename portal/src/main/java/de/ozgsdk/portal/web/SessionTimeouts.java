package de.ozgsdk.portal.web;

import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.SessionLimits;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.portal.PortalError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the sessions of {@link OzgServlet} last per trust level of the login, whether the citizen may extend them,
 * and how the pages warn before the end (WCAG 2.2.1 Timing Adjustable).
 *
 * <pre>{@code
 * SessionTimeouts timeouts = SessionTimeouts.builder()
 *         .limits(TrustLevel.SUBSTANTIAL, new SessionLimits(Duration.ofHours(1), Duration.ofMinutes(20)))
 *         .extendable(TrustLevel.HIGH, true)     // default: no extension at level high
 *         .zone(ZoneId.of("Europe/Berlin"))      // the municipality's time zone, for "ends at 14:32"
 *         .build();
 * }</pre>
 *
 * <p>Defaults (BSI TR-03160-1, as {@link SessionLimits#forLevel}): low 12 h and 60 idle minutes, substantial 2 h and
 * 30 idle minutes, high 30 minutes and 5 idle minutes. A login gets the stricter of these and the login's own limits.
 * The citizen may extend the idle end (never the absolute end, which needs a new login) at levels low and
 * substantial, not at level high, whose short idle time is the point of that level; a session without login follows
 * level low. The warning comes two minutes before the end.
 */
public final class SessionTimeouts {

    private final Map<TrustLevel, SessionLimits> limits;
    private final Map<TrustLevel, Boolean> extendable;
    private final Duration warnBefore;
    private final ZoneId zone;
    private final Clock clock;

    private SessionTimeouts(Builder builder) {
        this.limits = new EnumMap<>(builder.limits);
        this.extendable = new EnumMap<>(builder.extendable);
        this.warnBefore = builder.warnBefore;
        this.zone = builder.zone;
        this.clock = builder.clock;
    }

    /** The documented defaults. */
    public static SessionTimeouts defaults() {
        return builder().build();
    }

    /** Starts from the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The limits of a session after a login at {@code level}. */
    public SessionLimits limits(TrustLevel level) {
        return limits.get(Objects.requireNonNull(level, "level"));
    }

    /**
     * Whether the citizen may extend a session of a login at {@code level}; empty means no login (level low's rule).
     */
    public boolean extendable(Optional<TrustLevel> level) {
        return extendable.get(level.orElse(TrustLevel.LOW));
    }

    /** How long before the end the pages warn. */
    public Duration warnBefore() {
        return warnBefore;
    }

    /** The time zone the pages state times in. */
    public ZoneId zone() {
        return zone;
    }

    /** The clock of the deadlines the pages state. */
    public Clock clock() {
        return clock;
    }

    /** The absolute end of a session after {@code citizen}'s login: the stricter of the login's and the level's. */
    Instant deadline(Citizen citizen) {
        Instant configured = citizen.authenticatedAt().plus(limits(citizen.trustLevel()).maximum());
        return configured.isBefore(citizen.sessionDeadline()) ? configured : citizen.sessionDeadline();
    }

    /** The idle timeout of a session after {@code citizen}'s login: the stricter of the login's and the level's. */
    Duration idleTimeout(Citizen citizen) {
        Duration configured = limits(citizen.trustLevel()).idle();
        return configured.compareTo(citizen.idleTimeout()) < 0 ? configured : citizen.idleTimeout();
    }

    /** Configures {@link SessionTimeouts}; starts with the documented defaults. */
    public static final class Builder {
        private final Map<TrustLevel, SessionLimits> limits = new EnumMap<>(TrustLevel.class);
        private final Map<TrustLevel, Boolean> extendable = new EnumMap<>(TrustLevel.class);
        private Duration warnBefore = Duration.ofMinutes(2);
        private ZoneId zone = ZoneId.of("Europe/Berlin");
        private Clock clock = Clock.systemUTC();

        private Builder() {
            for (TrustLevel level : TrustLevel.values()) {
                limits.put(level, SessionLimits.forLevel(level));
                extendable.put(level, level != TrustLevel.HIGH);
            }
        }

        /** The maximum and idle time of a session after a login at {@code level}. */
        public Builder limits(TrustLevel level, SessionLimits sessionLimits) {
            limits.put(Objects.requireNonNull(level, "level"), Objects.requireNonNull(sessionLimits, "limits"));
            return this;
        }

        /** Whether the citizen may extend the idle end of a session after a login at {@code level}. */
        public Builder extendable(TrustLevel level, boolean permitted) {
            extendable.put(Objects.requireNonNull(level, "level"), permitted);
            return this;
        }

        /** How long before the end the dialog warns (default 2 minutes; 20 seconds to 30 minutes). */
        public Builder warnBefore(Duration warning) {
            Objects.requireNonNull(warning, "warning");
            if (warning.compareTo(Duration.ofSeconds(20)) < 0 || warning.compareTo(Duration.ofMinutes(30)) > 0) {
                // WCAG 2.2.1 gives the citizen at least 20 seconds to ask for more time
                throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "warnBefore",
                        warning + " is not between 20 seconds and 30 minutes");
            }
            this.warnBefore = warning;
            return this;
        }

        /** The time zone of the times the pages state (default Europe/Berlin). */
        public Builder zone(ZoneId timeZone) {
            this.zone = Objects.requireNonNull(timeZone, "timeZone");
            return this;
        }

        /** The clock (default: system UTC); give the flow sessions the same one. */
        public Builder clock(Clock timeouts) {
            this.clock = Objects.requireNonNull(timeouts, "clock");
            return this;
        }

        /** The settings. */
        public SessionTimeouts build() {
            return new SessionTimeouts(this);
        }
    }
}
