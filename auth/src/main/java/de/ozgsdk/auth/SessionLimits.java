package de.ozgsdk.auth;

import de.ozgsdk.core.TrustLevel;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a login may be used, after BSI TR-03160-1: at most {@link #maximum()} after the login and
 * {@link #idle()} without activity. Low 12 h / 60 min, substantial 2 h / 30 min, high 30 min / 5 min.
 *
 * @param maximum the longest a session may last after authentication
 * @param idle    the longest a session may stay unused
 */
public record SessionLimits(Duration maximum, Duration idle) {

    public SessionLimits {
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(idle, "idle");
        if (maximum.isNegative() || maximum.isZero() || idle.isNegative() || idle.isZero()
                || idle.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("session limits must be positive with idle <= maximum");
        }
    }

    /** The TR-03160-1 limits of a login at {@code level}. */
    public static SessionLimits forLevel(TrustLevel level) {
        switch (Objects.requireNonNull(level, "level")) {
            case HIGH:
                return new SessionLimits(Duration.ofMinutes(30), Duration.ofMinutes(5));
            case SUBSTANTIAL:
                return new SessionLimits(Duration.ofHours(2), Duration.ofMinutes(30));
            default:
                return new SessionLimits(Duration.ofHours(12), Duration.ofMinutes(60));
        }
    }
}
