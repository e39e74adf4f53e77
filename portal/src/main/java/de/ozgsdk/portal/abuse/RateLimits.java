package de.ozgsdk.portal.abuse;

import de.ozgsdk.core.TenantId;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.abuse.internal.ClientAddress;
import de.ozgsdk.portal.abuse.internal.JdbcBuckets;
import de.ozgsdk.portal.abuse.internal.Keys;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rate limits per client address and per tenant on the requests that cost the portal something ({@link Action}),
 * as Bucket4j token buckets whose state lives in the database (table {@code ozg_portal_rate_bucket}, migration V11),
 * so that a limit holds across all portal nodes. Client addresses are stored only as an HMAC under the server key.
 *
 * <pre>{@code
 * RateLimits limits = RateLimits.builder(database, abuseKey)                 // the same key on every node
 *         .limit(Action.SUBMISSION, Limit.of(10, Duration.ofHours(1)),     // per client address
 *                 Limit.of(2_000, Duration.ofHours(1)))                    // per tenant
 *         .trustedProxy("10.0.0.0/8")                                       // our reverse proxies
 *         .build();
 * RateLimits.Verdict verdict = limits.check(Action.UPLOAD, request, tenantId);
 * long retryAfter = verdict.retryAfterSeconds();                            // 0 when allowed
 * }</pre>
 *
 * <p>Thread-safe; one instance per portal node.
 */
public final class RateLimits {

    /** The default limits per client address and per tenant, per hour; see PORTAL.md for the reasoning. */
    private static final Map<Action, Limit[]> DEFAULTS = Map.of(
            Action.DRAFT_CREATION, perHour(30, 6_000),
            Action.UPLOAD, perHour(100, 20_000),
            Action.SUBMISSION, perHour(10, 2_000));

    private final JdbcBuckets buckets;
    private final Keys addressKey;
    private final ClientAddress addresses;
    private final Clock clock;
    private final Map<Action, BucketConfiguration> perAddress = new EnumMap<>(Action.class);
    private final Map<Action, BucketConfiguration> perTenant = new EnumMap<>(Action.class);
    private final Map<Action, Limit[]> limits;

    private RateLimits(Builder builder) {
        this.clock = builder.clock;
        this.addressKey = Keys.derive(builder.key, "address");
        this.addresses = ClientAddress.trusting(builder.trustedProxies);
        this.buckets = new JdbcBuckets(builder.database.dataSource(), new ClockTime(clock));
        this.limits = new EnumMap<>(builder.limits);
        builder.limits.forEach((action, pair) -> {
            perAddress.put(action, bucket(pair[0]));
            perTenant.put(action, bucket(pair[1]));
        });
    }

    /**
     * Configures rate limits on {@code database} (migrated to V11) with {@code key} (32+ random bytes, the same on
     * every node) for the keyed hashes of client addresses.
     */
    public static Builder builder(Database database, byte[] key) {
        return new Builder(database, key);
    }

    /**
     * Takes one token for {@code action} from the bucket of the request's client address and from the bucket of
     * {@code tenant}; refused when either is empty, with the time until the fuller of the two has a token again.
     */
    public Verdict check(Action action, HttpServletRequest request, TenantId tenant) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(tenant, "tenant");
        String address = addresses.of(request);
        String addressBucket = "a|" + action.id() + "|" + addressKey.mac(address).substring(0, 40);
        ConsumptionProbe byAddress = buckets.builder().build(addressBucket, () -> perAddress.get(action))
                .tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return refused(byAddress.getNanosToWaitForRefill());
        }
        ConsumptionProbe byTenant = buckets.builder()
                .build("t|" + action.id() + "|" + tenant.value(), () -> perTenant.get(action))
                .tryConsumeAndReturnRemaining(1);
        return byTenant.isConsumed() ? Verdict.ALLOWED : refused(byTenant.getNanosToWaitForRefill());
    }

    /** The limits per client address and per tenant of {@code action}. */
    public List<Limit> limits(Action action) {
        return List.of(limits.get(action));
    }

    /** Deletes the buckets that are full again; call it now and then (e.g. with the flow sessions' purge). */
    public int purgeExpired() {
        return buckets.purgeExpired(clock.instant());
    }

    private Verdict refused(long nanosToWait) {
        // whole seconds, rounded up: a client that waits Retry-After seconds finds a token
        long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        return new Verdict(false, Duration.ofSeconds(seconds), clock.instant().plusSeconds(seconds));
    }

    private static Limit[] perHour(long perAddress, long perTenant) {
        return new Limit[] {Limit.of(perAddress, Duration.ofHours(1)), Limit.of(perTenant, Duration.ofHours(1))};
    }

    private static BucketConfiguration bucket(Limit limit) {
        return BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(limit.requests())
                .refillGreedy(limit.requests(), limit.period()).build()).build();
    }

    /**
     * The answer of a check: allowed, or refused with the time to wait ({@code Retry-After}).
     *
     * @param allowed    whether the request may go ahead
     * @param retryAfter how long to wait before a retry will be allowed (zero when allowed), whole seconds
     * @param retryAt    from when a retry will be allowed (the check's time when allowed)
     */
    public record Verdict(boolean allowed, Duration retryAfter, Instant retryAt) {

        static final Verdict ALLOWED = new Verdict(true, Duration.ZERO, Instant.EPOCH);

        /** The value of the {@code Retry-After} header: seconds to wait. */
        public long retryAfterSeconds() {
            return retryAfter.toSeconds();
        }
    }

    /** Bucket4j's clock from a {@link Clock} (wall-clock time, shared by all nodes). */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    /** Configures {@link RateLimits}. */
    public static final class Builder {
        private final Database database;
        private final byte[] key;
        private final Map<Action, Limit[]> limits = new EnumMap<>(DEFAULTS);
        private final List<String> trustedProxies = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(Database database, byte[] key) {
            this.database = Objects.requireNonNull(database, "database");
            this.key = Objects.requireNonNull(key, "key").clone();
            Keys.derive(this.key, "check");
        }

        /**
         * The limits of {@code action}: {@code perAddress} for each client address (IPv6: each /64),
         * {@code perTenant} for all clients of one tenant together. Defaults per hour: draft creation 30 / 6,000,
         * uploads 100 / 20,000, submissions 10 / 2,000.
         */
        public Builder limit(Action action, Limit perAddress, Limit perTenant) {
            limits.put(Objects.requireNonNull(action, "action"), new Limit[] {
                    Objects.requireNonNull(perAddress, "perAddress"), Objects.requireNonNull(perTenant, "perTenant")});
            return this;
        }

        /**
         * A reverse proxy or load balancer (CIDR range or single address) whose {@code X-Forwarded-For} is believed
         * (default: none, the socket's peer is the client; a header from anyone else is ignored, since anyone can
         * send it).
         */
        public Builder trustedProxy(String cidr) {
            ClientAddress.trusting(List.of(cidr));
            trustedProxies.add(cidr);
            return this;
        }

        /** The clock (default: the system's UTC clock); the same time on every node. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The rate limits. */
        public RateLimits build() {
            return new RateLimits(this);
        }
    }
}
