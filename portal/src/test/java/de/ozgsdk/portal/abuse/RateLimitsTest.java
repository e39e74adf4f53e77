package de.ozgsdk.portal.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.tenant.PortalTestDatabases;
import de.ozgsdk.portal.web.TestClock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rate limits with the buckets in the database: per address, per tenant, across nodes, and what is stored. */
class RateLimitsTest {

    static final byte[] KEY = "an abuse key of at least 32 bytes, tests only".getBytes(StandardCharsets.UTF_8);
    private static final TenantId KOELN = TenantId.parse("053150000000");
    private static final TenantId BONN = TenantId.parse("053140000000");

    static List<Named<Supplier<PortalTestDatabases>>> databases() {
        return PortalTestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBurstFromOneAddressIsThrottledWhileAnotherAddressIsServed(Supplier<PortalTestDatabases> kind) {
        try (PortalTestDatabases databases = kind.get()) {
            TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
            RateLimits limits = limits(databases.open(), clock, 3);
            for (int i = 0; i < 3; i++) {
                assertThat(limits.check(Action.DRAFT_CREATION, FakeRequests.from("198.51.100.7"), KOELN).allowed())
                        .isTrue();
            }
            RateLimits.Verdict refused = limits.check(Action.DRAFT_CREATION, FakeRequests.from("198.51.100.7"),
                    KOELN);
            assertThat(refused.allowed()).isFalse();
            // 3 per 30 minutes, refilled evenly: the next token comes after 10 minutes
            assertThat(refused.retryAfterSeconds()).isEqualTo(600);
            assertThat(refused.retryAt()).isEqualTo(Instant.parse("2026-03-02T09:10:00Z"));
            assertThat(limits.check(Action.DRAFT_CREATION, FakeRequests.from("198.51.100.8"), KOELN).allowed())
                    .isTrue();
            // another action has buckets of its own
            assertThat(limits.check(Action.SUBMISSION, FakeRequests.from("198.51.100.7"), KOELN).allowed())
                    .isTrue();

            clock.advance(Duration.ofSeconds(599));
            assertThat(limits.check(Action.DRAFT_CREATION, FakeRequests.from("198.51.100.7"), KOELN).allowed())
                    .isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(limits.check(Action.DRAFT_CREATION, FakeRequests.from("198.51.100.7"), KOELN).allowed())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theTenantLimitHoldsForAllAddressesOfOneTenantOnly(Supplier<PortalTestDatabases> kind) {
        try (PortalTestDatabases databases = kind.get()) {
            TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
            RateLimits limits = RateLimits.builder(databases.open(), KEY).clock(clock)
                    .limit(Action.SUBMISSION, Limit.of(100, Duration.ofHours(1)), Limit.of(5, Duration.ofHours(1)))
                    .build();
            for (int i = 0; i < 5; i++) {
                assertThat(limits.check(Action.SUBMISSION, FakeRequests.from("203.0.113." + i), KOELN).allowed())
                        .isTrue();
            }
            RateLimits.Verdict refused = limits.check(Action.SUBMISSION, FakeRequests.from("203.0.113.99"), KOELN);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isEqualTo(720);
            assertThat(limits.check(Action.SUBMISSION, FakeRequests.from("203.0.113.99"), BONN).allowed()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoNodesOnOneDatabaseShareTheBucketsAlsoUnderConcurrentRequests(Supplier<PortalTestDatabases> kind)
            throws Exception {
        try (PortalTestDatabases databases = kind.get()) {
            TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
            RateLimits nodeA = limits(databases.open(), clock, 20);
            RateLimits nodeB = limits(databases.open(), clock, 20);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Boolean>> requests = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    RateLimits node = i % 2 == 0 ? nodeA : nodeB;
                    requests.add(() -> node.check(Action.DRAFT_CREATION, FakeRequests.from("192.0.2.44"), KOELN)
                            .allowed());
                }
                int allowed = 0;
                for (Future<Boolean> result : pool.invokeAll(requests)) {
                    allowed += result.get() ? 1 : 0;
                }
                // compare-and-swap: no token is consumed twice and none is lost, whichever node answers
                assertThat(allowed).isEqualTo(20);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theDatabaseHoldsNoPlainAddressAndPurgesFullBuckets() throws Exception {
        try (PortalTestDatabases databases = PortalTestDatabases.h2()) {
            Database database = databases.open();
            TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
            RateLimits limits = limits(database, clock, 3);
            limits.check(Action.DRAFT_CREATION, FakeRequests.from("198.51.100.7"), KOELN);
            limits.check(Action.DRAFT_CREATION, FakeRequests.from("2001:db8:1:2:aaaa::1"), KOELN);
            List<String> keys = keys(database);
            assertThat(keys).hasSize(3).noneMatch(k -> k.contains("198.51") || k.contains("2001") || k.contains("db8"));
            assertThat(keys).contains("t|draft|" + KOELN.value());

            clock.advance(Duration.ofMinutes(11));
            assertThat(limits.purgeExpired()).isEqualTo(3);
            assertThat(keys(database)).isEmpty();
        }
    }

    @Test
    void anIpv6ClientCountsPerSlash64Network() {
        try (PortalTestDatabases databases = PortalTestDatabases.h2()) {
            TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
            RateLimits limits = limits(databases.open(), clock, 2);
            assertThat(limits.check(Action.UPLOAD, FakeRequests.from("2001:db8:0:1::1"), KOELN).allowed()).isTrue();
            assertThat(limits.check(Action.UPLOAD, FakeRequests.from("2001:db8:0:1::2"), KOELN).allowed()).isTrue();
            assertThat(limits.check(Action.UPLOAD, FakeRequests.from("2001:db8:0:1:ffff::3"), KOELN).allowed())
                    .isFalse();
            assertThat(limits.check(Action.UPLOAD, FakeRequests.from("2001:db8:0:2::1"), KOELN).allowed()).isTrue();
        }
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        try (PortalTestDatabases databases = PortalTestDatabases.h2()) {
            TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
            RateLimits limits = RateLimits.builder(databases.open(), KEY).clock(clock).trustedProxy("10.0.0.0/8")
                    .limit(Action.SUBMISSION, Limit.of(1, Duration.ofHours(1)), Limit.of(100, Duration.ofHours(1)))
                    .build();
            // behind our proxy: each client by the address the proxy appended
            assertThat(limits.check(Action.SUBMISSION, FakeRequests.from("10.1.2.3", "198.51.100.1"), KOELN)
                    .allowed()).isTrue();
            assertThat(limits.check(Action.SUBMISSION, FakeRequests.from("10.9.9.9", "198.51.100.2"), KOELN)
                    .allowed()).isTrue();
            assertThat(limits.check(Action.SUBMISSION, FakeRequests.from("10.1.2.3", "198.51.100.1"), KOELN)
                    .allowed()).isFalse();
            // a client that puts a made-up address in front is still counted by what our proxy saw
            assertThat(limits.check(Action.SUBMISSION, FakeRequests.from("10.1.2.3", "203.0.113.5, 198.51.100.1"),
                    KOELN).allowed()).isFalse();
            // a client that talks to us directly cannot choose its address by the header
            assertThat(limits.check(Action.SUBMISSION, FakeRequests.from("192.0.2.9", "198.51.100.77"), KOELN)
                    .allowed()).isTrue();
            assertThat(limits.check(Action.SUBMISSION, FakeRequests.from("192.0.2.9", "198.51.100.78"), KOELN)
                    .allowed()).isFalse();
        }
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        try (PortalTestDatabases databases = PortalTestDatabases.h2()) {
            Database database = databases.open();
            assertThatThrownBy(() -> RateLimits.builder(database, new byte[16]))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("OZG-PORTAL-703")
                    .hasMessageContaining("32 bytes");
            assertThatThrownBy(() -> RateLimits.builder(database, KEY).trustedProxy("proxy.example"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("trustedProxy");
            assertThatThrownBy(() -> RateLimits.builder(database, KEY).trustedProxy("10.0.0.0/33"))
                    .hasMessageContaining("prefix length");
            assertThatThrownBy(() -> Limit.of(0, Duration.ofHours(1))).hasMessageContaining("requests");
        }
    }

    private static RateLimits limits(Database database, TestClock clock, int perAddress) {
        return RateLimits.builder(database, KEY).clock(clock)
                .limit(Action.DRAFT_CREATION, Limit.of(perAddress, Duration.ofMinutes(perAddress * 10L)),
                        Limit.of(1_000, Duration.ofHours(1)))
                .limit(Action.UPLOAD, Limit.of(perAddress, Duration.ofMinutes(perAddress * 10L)),
                        Limit.of(1_000, Duration.ofHours(1)))
                .build();
    }

    private static List<String> keys(Database database) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT bucket_key FROM ozg_portal_rate_bucket")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }
}
