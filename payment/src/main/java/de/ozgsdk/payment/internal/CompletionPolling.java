package de.ozgsdk.payment.internal;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.http.Sleeper;
import de.ozgsdk.payment.PaymentResult;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a payment client polls an open payment after the browser came back: providers settle a moment later, so the
 * status is asked again with doubling pauses until it is final or the deadline has passed.
 */
public final class CompletionPolling {

    private static final Duration LONGEST_DEADLINE = Duration.ofMinutes(5);

    private final Duration deadline;
    private final Duration first;
    private final Duration max;

    private CompletionPolling(Duration deadline, Duration first, Duration max) {
        this.deadline = deadline;
        this.first = first;
        this.max = max;
    }

    /**
     * Polling for at most {@code deadline} (0 to 5 minutes; zero asks once), first after {@code first} (at least
     * 1 ms), then doubling up to {@code max} (not below {@code first}).
     *
     * @throws ConfigurationException with {@code code} (arguments: setting, problem) if a value is out of range
     */
    public static CompletionPolling of(Duration deadline, Duration first, Duration max, ErrorCode code) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (deadline.isNegative() || deadline.compareTo(LONGEST_DEADLINE) > 0 || first.toMillis() < 1
                || max.compareTo(first) < 0) {
            throw new ConfigurationException(code, "completion",
                    "deadline 0 to 5 minutes, first poll at least 1 ms, max poll not below the first");
        }
        return new CompletionPolling(deadline, first, max);
    }

    /**
     * Asks {@code status} again while {@code result} is pending and the deadline has not passed.
     *
     * @param interrupted the exception to throw (with the interruption as its cause) when the thread is interrupted
     *     during a pause
     */
    public PaymentResult poll(PaymentResult result, Supplier<PaymentResult> status, Sleeper sleeper,
            Function<InterruptedException, ? extends RuntimeException> interrupted) {
        PaymentResult current = result;
        Duration waited = Duration.ZERO;
        Duration next = first;
        while (current.outcome() == PaymentResult.Outcome.PENDING && waited.compareTo(deadline) < 0) {
            Duration left = deadline.minus(waited);
            Duration wait = next.compareTo(left) < 0 ? next : left;
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted.apply(e);
            }
            waited = waited.plus(wait);
            next = next.multipliedBy(2).compareTo(max) < 0 ? next.multipliedBy(2) : max;
            current = status.get();
        }
        return current;
    }
}
