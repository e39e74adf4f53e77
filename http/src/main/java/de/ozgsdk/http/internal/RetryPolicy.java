package de.ozgsdk.http.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to wait how long before the next attempt: exponential backoff with full jitter (a uniformly random wait between
 * zero and {@code min(cap, base * 2^(attempt-1))}), or the server's {@code Retry-After}, capped by {@code cap}.
 *
 * <p>Full jitter spreads the retries of many clients that failed together, so that they do not hit a recovering
 * server in waves.
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private final Clock clock;

    public RetryPolicy(int maxRetries, Duration base, Duration cap, RandomGenerator random, Clock clock) {
        this.maxRetries = maxRetries;
        this.base = base;
        this.cap = cap;
        this.random = random;
        this.clock = clock;
    }

    /** How many times a request is sent again at most after its first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The random wait after the failed attempt number {@code attempt} (1 for the first send). */
    public Duration backoff(int attempt) {
        long bound = Math.min(cap.toMillis(), saturatedShift(base.toMillis(), attempt - 1));
        return Duration.ofMillis(random.nextLong(bound + 1));
    }

    /**
     * The wait a {@code Retry-After} header value asks for (delay in seconds or an HTTP date), capped by the
     * maximum backoff; empty if the value is unusable.
     */
    public Optional<Duration> retryAfter(String headerValue) {
        return parseRetryAfter(headerValue.trim()).map(wait -> wait.compareTo(cap) > 0 ? cap : wait);
    }

    private Optional<Duration> parseRetryAfter(String value) {
        if (!value.isEmpty() && value.length() <= 10 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long saturatedShift(long value, int shift) {
        if (shift >= Long.numberOfLeadingZeros(value) - 1) {
            return Long.MAX_VALUE / 2;
        }
        return value << shift;
    }
}
