package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.SessionLimits;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flow in a legacy portal's own HttpSession (Jetty's session handling). */
class HttpSessionFlowSessionsTest {

    final TestClock clock = new TestClock(Instant.parse("2026-12-07T22:00:00Z"));
    LegacyPortal portal;
    RawHttp http;

    @BeforeEach
    void start() throws Exception {
        FlowSessions sessions = HttpSessionFlowSessions.of("koeln",
                new SessionLimits(Duration.ofHours(12), Duration.ofMinutes(60)), clock);
        portal = new LegacyPortal(new FlowTestServlet(sessions, CsrfProtection.of(JdbcFlowSessionsTest.KEY), clock),
                SecurityHeadersFilter.defaults());
        http = portal.http();
    }

    @AfterEach
    void stop() throws Exception {
        portal.close();
    }

    private RawHttp.Response post(String path, String cookie, String token, String form) throws Exception {
        return http.send("POST", "localhost", LegacyPortal.MOUNT + path, form + "&" + CsrfProtection.FIELD + "="
                + token, "Cookie", cookie);
    }

    @Test
    void keepsTheValuesInTheHostsSessionAndChangesItsIdAtLogin() throws Exception {
        RawHttp.Response form = http.get("localhost", LegacyPortal.MOUNT + "/form");
        String before = form.cookies().get("JSESSIONID");
        assertThat(post("/put", before, JdbcFlowSessionsTest.token(form), "key=draft&value=d-7").status())
                .isEqualTo(200);

        RawHttp.Response login = post("/login", before, JdbcFlowSessionsTest.token(form), "x=1");
        String after = login.cookies().get("JSESSIONID");

        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(http.get("localhost", LegacyPortal.MOUNT + "/read", "Cookie", after).body())
                .isEqualTo("values={draft=d-7}");
        assertThat(http.get("localhost", LegacyPortal.MOUNT + "/read", "Cookie", before).body()).isEqualTo("none");
        assertThat(post("/put", after, JdbcFlowSessionsTest.token(form), "key=a&value=b").status()).isEqualTo(403);
        assertThat(post("/put", after, JdbcFlowSessionsTest.token(login), "key=a&value=b").status()).isEqualTo(200);
    }

    @Test
    void endsTheFlowAtTheAbsoluteDeadlineThoughTheHostsSessionLives() throws Exception {
        RawHttp.Response form = http.get("localhost", LegacyPortal.MOUNT + "/form");
        String cookie = post("/login", form.cookies().get("JSESSIONID"), JdbcFlowSessionsTest.token(form), "x=1")
                .cookies().get("JSESSIONID");
        assertThat(http.get("localhost", LegacyPortal.MOUNT + "/read", "Cookie", cookie).body()).startsWith("values=");

        clock.advance(Duration.ofHours(2));

        assertThat(http.get("localhost", LegacyPortal.MOUNT + "/read", "Cookie", cookie).body()).isEqualTo("none");
    }

    @Test
    void logoutRemovesOnlyTheFlow() throws Exception {
        RawHttp.Response form = http.get("localhost", LegacyPortal.MOUNT + "/form");
        String cookie = form.cookies().get("JSESSIONID");

        post("/logout", cookie, JdbcFlowSessionsTest.token(form), "x=1");

        assertThat(http.get("localhost", LegacyPortal.MOUNT + "/read", "Cookie", cookie).body()).isEqualTo("none");
    }
}
