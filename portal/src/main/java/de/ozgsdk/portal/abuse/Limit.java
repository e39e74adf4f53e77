package de.ozgsdk.portal.abuse;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code requests} per {@code period} as a token bucket: a full bucket allows a burst of {@code requests},
 * and tokens come back evenly over the period (one every {@code period / requests}), so a throttled client waits only
 * for the next token, not for the whole period.
 *
 * @param requests how many requests the bucket holds (at least 1)
 * @param period   in which time a drained bucket fills up again (at least one second)
 */
public record Limit(long requests, Duration period) {

    /** Checks the values. */
    public Limit {
        Objects.requireNonNull(period, "period");
        if (requests < 1) {
            throw new InvalidInputException(PortalError.ABUSE_SETTING_INVALID, "requests",
                    requests + " is not a positive number of requests");
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidInputException(PortalError.ABUSE_SETTING_INVALID, "period",
                    period + " is shorter than one second");
        }
    }

    /** At most {@code requests} per {@code period}. */
    public static Limit of(long requests, Duration period) {
        return new Limit(requests, period);
    }
}
