package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.tenant.PortalTestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcFlowSessionsTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String HOST = "localhost";

    static List<Named<Supplier<PortalTestDatabases>>> databases() {
        return PortalTestDatabases.kinds();
    }

    /** Two legacy portals (two Jetty servers) on one database, sharing the CSRF key, as two nodes behind a balancer. */
    private static final class TwoNodes implements AutoCloseable {
        final PortalTestDatabases databases;
        final TestClock clock = new TestClock(Instant.parse("2026-12-07T22:00:00Z"));
        final LegacyPortal a;
        final LegacyPortal b;

        TwoNodes(Supplier<PortalTestDatabases> kind, String scopeA, String scopeB) throws Exception {
            databases = kind.get();
            a = node(databases.open(), scopeA);
            b = node(databases.open(), scopeB);
        }

        private LegacyPortal node(Database database, String scope) throws Exception {
            JdbcFlowSessions sessions = JdbcFlowSessions.builder(database).scope(scope).clock(clock).build();
            return new LegacyPortal(new FlowTestServlet(sessions, CsrfProtection.of(KEY), clock),
                    SecurityHeadersFilter.defaults());
        }

        @Override
        public void close() throws Exception {
            a.close();
            b.close();
            databases.close();
        }
    }

    static String token(RawHttp.Response form) {
        return form.body().lines().filter(l -> l.startsWith("token=")).findFirst().orElseThrow().substring(6);
    }

    static RawHttp.Response post(RawHttp node, String path, String cookie, String token, String form)
            throws Exception {
        return node.send("POST", HOST, LegacyPortal.MOUNT + path, form + "&" + CsrfProtection.FIELD + "="
                + URLEncoder.encode(token, StandardCharsets.UTF_8), "Cookie", cookie, "Sec-Fetch-Site", "same-origin");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoServersOnOneDatabaseAcceptEachOthersSessionCookieAndToken(Supplier<PortalTestDatabases> kind)
            throws Exception {
        try (TwoNodes nodes = new TwoNodes(kind, "koeln", "koeln")) {
            RawHttp.Response form = nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/form");
            String cookie = form.cookies().get("ozg-flow");
            assertThat(form.header("set-cookie").orElseThrow())
                    .matches("ozg-flow=[A-Za-z0-9_-]{43}; Path=/legacy/ozg; HttpOnly; SameSite=Lax");

            RawHttp.Response put = post(nodes.b.http(), "/put", cookie, token(form), "key=draft&value=d-4711");
            assertThat(put.status()).isEqualTo(200);
            assertThat(nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", cookie).body())
                    .isEqualTo("values={draft=d-4711}");
            assertThat(post(nodes.a.http(), "/put", cookie, token(form), "key=step&value=2").status()).isEqualTo(200);
            assertThat(nodes.b.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", cookie).body())
                    .isEqualTo("values={draft=d-4711, step=2}");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void severalValuesPutAndDroppedAtOnceAreSeenByTheOtherNode(Supplier<PortalTestDatabases> kind)
            throws Exception {
        try (TwoNodes nodes = new TwoNodes(kind, "koeln", "koeln")) {
            RawHttp.Response form = nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/form");
            String cookie = form.cookies().get("ozg-flow");
            post(nodes.a.http(), "/put", cookie, token(form), "key=relay&value=r-1");
            post(nodes.a.http(), "/put", cookie, token(form), "key=step&value=1");

            RawHttp.Response update = post(nodes.b.http(), "/update", cookie, token(form),
                    "put=owner%3Ac%3A42&put=step%3A2&drop=relay&drop=absent");

            assertThat(update.status()).isEqualTo(200);
            assertThat(nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", cookie).body())
                    .isEqualTo("values={owner=c:42, step=2}");
            assertThat(post(nodes.a.http(), "/update", cookie, token(form), "put=%3Ax").status()).isEqualTo(500);
            assertThat(nodes.b.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", cookie).body())
                    .isEqualTo("values={owner=c:42, step=2}");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void loginOnOneNodeGivesANewIdThatTheOtherAcceptsAndRetiresTheOld(Supplier<PortalTestDatabases> kind)
            throws Exception {
        try (TwoNodes nodes = new TwoNodes(kind, "koeln", "koeln")) {
            RawHttp.Response form = nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/form");
            String before = form.cookies().get("ozg-flow");
            post(nodes.a.http(), "/put", before, token(form), "key=draft&value=d-1");

            RawHttp.Response login = post(nodes.b.http(), "/login", before, token(form), "x=1");
            String after = login.cookies().get("ozg-flow");

            assertThat(after).isNotEqualTo(before);
            assertThat(nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", after).body())
                    .isEqualTo("values={draft=d-1}");
            assertThat(nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", before).body())
                    .isEqualTo("none");
            // the token of the session before the login is worthless after it
            assertThat(post(nodes.a.http(), "/put", after, token(form), "key=a&value=b").status()).isEqualTo(403);
            assertThat(post(nodes.a.http(), "/put", after, token(login), "key=a&value=b").status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSessionEndsAfterItsIdleTimeoutAndAtItsDeadlineWhateverTheActivity(Supplier<PortalTestDatabases> kind)
            throws Exception {
        try (TwoNodes nodes = new TwoNodes(kind, "koeln", "koeln")) {
            RawHttp.Response form = nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/form");
            String cookie = post(nodes.a.http(), "/login", form.cookies().get("ozg-flow"), token(form), "x=1")
                    .cookies().get("ozg-flow");
            // idle 30 min, deadline 2 h after the login: active every 29 minutes it lives, until 2 h
            for (int i = 0; i < 4; i++) {
                nodes.clock.advance(Duration.ofMinutes(29));
                assertThat(nodes.b.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", cookie).body())
                        .as("after %d minutes", 29 * (i + 1)).startsWith("values=");
            }
            nodes.clock.advance(Duration.ofMinutes(4));
            assertThat(nodes.b.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", cookie).body())
                    .isEqualTo("none");

            RawHttp.Response other = nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/form");
            String idle = other.cookies().get("ozg-flow");
            nodes.clock.advance(Duration.ofMinutes(61));
            assertThat(nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", idle).body())
                    .isEqualTo("none");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSessionThatIsOnlyReadEndsAtMostItsIdleTimeoutAfterTheLastReadAndNotMuchEarlier(
            Supplier<PortalTestDatabases> kind) throws Exception {
        try (TwoNodes nodes = new TwoNodes(kind, "koeln", "koeln")) {
            RawHttp.Response form = nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/form");
            String cookie = post(nodes.a.http(), "/login", form.cookies().get("ozg-flow"), token(form), "x=1")
                    .cookies().get("ozg-flow");
            Database database = nodes.databases.open();
            Instant login = nodes.clock.instant();
            // idle 30 min: a read 29 min after the login extends the session to 59 min
            nodes.clock.advance(Duration.ofMinutes(29));
            assertThat(read(nodes.b, cookie)).startsWith("values=");
            assertThat(lastSeen(database)).isEqualTo(login.plus(Duration.ofMinutes(29)));
            // a read 10 s later would move the end by less than 30 s (1/60 of 30 min): the row is not written
            nodes.clock.advance(Duration.ofSeconds(10));
            assertThat(read(nodes.a, cookie)).startsWith("values=");
            assertThat(lastSeen(database)).isEqualTo(login.plus(Duration.ofMinutes(29)));
            // so it ends 30 min after the last write, 10 s before 30 min after the last read (at most 30 s early)
            assertThat(expiresAt(database)).isEqualTo(login.plus(Duration.ofMinutes(59)));
            nodes.clock.advance(Duration.ofMinutes(29).plusSeconds(50));
            assertThat(read(nodes.a, cookie)).as("29 min 50 s after the last read").isEqualTo("none");
        }
    }

    private static String read(LegacyPortal node, String cookie) throws Exception {
        return node.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", cookie).body();
    }

    private static Instant lastSeen(Database database) throws Exception {
        return sessionColumn(database, "last_seen_at");
    }

    private static Instant expiresAt(Database database) throws Exception {
        return sessionColumn(database, "expires_at");
    }

    private static Instant sessionColumn(Database database, String column) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + column + " FROM ozg_portal_flow_session");
                ResultSet rows = select.executeQuery()) {
            assertThat(rows.next()).isTrue();
            Instant value = rows.getObject(1, OffsetDateTime.class).toInstant();
            assertThat(rows.next()).as("one session row").isFalse();
            return value;
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSessionOfOneTenantIsUnknownToAnotherWithTheSameCookie(Supplier<PortalTestDatabases> kind)
            throws Exception {
        try (TwoNodes nodes = new TwoNodes(kind, "koeln", "bonn")) {
            RawHttp.Response form = nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/form");
            String cookie = form.cookies().get("ozg-flow");
            post(nodes.a.http(), "/put", cookie, token(form), "key=draft&value=koeln-draft");

            assertThat(nodes.b.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", cookie).body())
                    .isEqualTo("none");
            assertThat(post(nodes.b.http(), "/put", cookie, token(form), "key=a&value=b").status()).isEqualTo(409);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesOnlyTheHashOfTheIdAndPurgesEndedSessions(Supplier<PortalTestDatabases> kind) throws Exception {
        try (TwoNodes nodes = new TwoNodes(kind, "koeln", "koeln")) {
            Database database = nodes.databases.open();
            String cookie = nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/form").cookies().get("ozg-flow");
            String id = cookie.substring(cookie.indexOf('=') + 1);
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT id_hash FROM ozg_portal_flow_session");
                    ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).hasSize(64).isNotEqualTo(id).doesNotContain(id);
            }
            JdbcFlowSessions sessions = JdbcFlowSessions.builder(database).scope("koeln").build();
            assertThat(sessions.purgeExpired(nodes.clock.instant())).isZero();
            assertThat(sessions.purgeExpired(nodes.clock.instant().plus(Duration.ofMinutes(61)))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void logoutEndsTheSessionOnEveryNode(Supplier<PortalTestDatabases> kind) throws Exception {
        try (TwoNodes nodes = new TwoNodes(kind, "koeln", "koeln")) {
            RawHttp.Response form = nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/form");
            String cookie = form.cookies().get("ozg-flow");

            RawHttp.Response logout = post(nodes.b.http(), "/logout", cookie, token(form), "x=1");

            assertThat(logout.header("set-cookie").orElseThrow()).contains("Max-Age=0");
            assertThat(nodes.a.http().get(HOST, LegacyPortal.MOUNT + "/read", "Cookie", cookie).body())
                    .isEqualTo("none");
        }
    }
}
