package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.SessionLimits;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.portal.host.PortalHost;
import de.ozgsdk.portal.runtime.WebPortalWorld;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.UnaryOperator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 §3 over HTTP (WCAG 2.2.1 Timing Adjustable), with the session clock in the test's hand: every page states
 * the session's end in the municipality's time zone, "extend" works without script where the level permits it and
 * is refused where not, and a step posted after the end loses nothing: its input is kept sealed and comes back
 * after the new login (or, without login, when the citizen continues).
 */
class OzgServletTimeoutTest {

    /** 13:31:30 UTC is 14:31:30 in Köln (CET). */
    private static final Instant NOON = Instant.parse("2026-12-08T13:31:30Z");

    private WebPortalWorld world;
    private PortalHost host;
    private WebPortalWorld.Node node;
    private URI koeln;

    @AfterEach
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
        if (world != null) {
            world.close();
        }
    }

    /** The central host of Köln with sessions and time-outs on {@code clock}. */
    private void start(TestClock clock, UnaryOperator<SessionTimeouts.Builder> settings) throws Exception {
        world = new WebPortalWorld("h2");
        int port = WebPortals.freePort();
        koeln = URI.create("http://localhost:" + port + "/" + WebPortalWorld.KOELN.value());
        node = world.node(URI.create(koeln + "/login/acs"), WebPortals.TEXT_RECEIPT);
        CsrfProtection csrf = CsrfProtection.of(WebPortals.CSRF_KEY);
        SessionTimeouts timeouts = settings.apply(SessionTimeouts.builder().clock(clock)).build();
        host = PortalHost.builder(world.tenants(), tenant -> OzgServlet.builder(node.runtime, csrf,
                        JdbcFlowSessions.builder(node.database).scope(tenant.tenant().id().value()).clock(clock)
                                .build())
                        .timeouts(timeouts)
                        .build())
                .port(port).start();
    }

    @Test
    void everyPageStatesTheSessionEndInTheMunicipalitysTimeZone() throws Exception {
        start(new TestClock(NOON), b -> b);
        Browser german = new Browser("de-DE");
        Browser.Page start = german.get(URI.create(koeln + "/dienst/" + WebPortalWorld.FREE));
        // 60 idle minutes before login: 15:31:30 in Köln
        assertThat(start.document().selectFirst("#ozg-session-end").text())
                .isEqualTo("Ihre Sitzung endet um 15:31 Uhr.");
        Browser.Page step = german.submit(start, start.form("main form"), null, Map.of());
        assertThat(step.uri().getPath()).endsWith("/schritt/0");
        Element end = step.document().selectFirst("#ozg-session-end");
        assertThat(end.text()).isEqualTo("Ihre Sitzung endet um 15:31 Uhr.");
        assertThat(end.attr("data-ozg-session-end")).isEqualTo("2026-12-08T14:31:30Z");
        assertThat(end.attr("data-ozg-now")).isEqualTo("2026-12-08T13:31:30Z");
        assertThat(end.attr("data-ozg-warn")).isEqualTo("120");
        assertThat(step.document().select("dialog#ozg-timeout-dialog[role=alertdialog] h2")).hasSize(1);
        assertThat(step.document().select("script[src$=/static/timeout.js]")).hasSize(1);

        Browser english = new Browser("en");
        Browser.Page startEn = english.get(URI.create(koeln + "/dienst/" + WebPortalWorld.FREE));
        assertThat(startEn.document().selectFirst("#ozg-session-end").text())
                .isEqualTo("Your session ends at 15:31.");
        assertThat(PageChecks.all(koeln, german, english)).isGreaterThan(2);
    }

    @Test
    void extendWithoutScriptMovesTheEndWhereTheLevelPermitsIt() throws Exception {
        TestClock clock = new TestClock(NOON);
        start(clock, b -> b);
        Browser browser = new Browser("de-DE");
        Browser.Page step = startFree(browser);
        // 30 seconds: too little for a plain request to move the stored end (it moves in steps of 1/60)
        clock.advance(Duration.ofSeconds(30));
        Browser.Page again = browser.get(step.uri());
        assertThat(sessionEnd(again)).isEqualTo("2026-12-08T14:31:30Z");
        Element extend = again.form("aside.ozg-session form");
        assertThat(extend.attr("action")).endsWith("/sitzung/verlaengern");
        Browser.Page extended = browser.submit(again, extend, null, Map.of());
        assertThat(extended.chain()).startsWith(303);
        assertThat(extended.uri().getPath()).endsWith("/schritt/0");
        assertThat(sessionEnd(extended)).isEqualTo("2026-12-08T14:32:00Z");
        assertThat(extended.document().selectFirst("#ozg-session-end").text())
                .isEqualTo("Ihre Sitzung endet um 15:32 Uhr.");

        // the script's way: JSON with the new end and its text
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> json = browser.post(extended, extended.form("aside.ozg-session form"), null, Map.of(),
                Map.of("Accept", "application/json"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"end\":\"2026-12-08T14:32:30Z\"")
                .contains("\"text\":\"Ihre Sitzung endet um 15:32 Uhr.\"").contains("\"extendable\":true");
    }

    @Test
    void extendIsRefusedWhereTheLevelDoesNotPermitIt() throws Exception {
        TestClock clock = new TestClock(NOON);
        start(clock, b -> b.extendable(TrustLevel.LOW, false));
        Browser browser = new Browser("de-DE");
        Browser.Page step = startFree(browser);
        assertThat(step.document().select("aside.ozg-session form")).isEmpty();
        assertThat(step.document().select("#ozg-timeout-dialog [data-ozg-extend]")).isEmpty();
        assertThat(step.document().selectFirst("#ozg-session-end").attr("data-ozg-extend")).isEmpty();
        assertThat(step.document().selectFirst("aside.ozg-session").text())
                .contains("Eine Verlängerung ist hier nicht möglich");

        clock.advance(Duration.ofSeconds(30));
        // a hand-made extension with a valid token is refused, and the end stays
        Element forged = step.form("#ozg-form").clone().attr("action", koeln + "/sitzung/verlaengern");
        Browser.Page refused = browser.follow(browser.post(step, forged, null, Map.of(), Map.of()),
                new ArrayList<>());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.document().selectFirst(".ozg-error-code").text()).isEqualTo("OZG-PORTAL-800");
        assertThat(sessionEnd(browser.get(step.uri()))).isEqualTo("2026-12-08T14:31:30Z");
    }

    @Test
    void aStepPostedAfterTheEndOfASessionWithoutLoginIsKeptSealedAndContinues() throws Exception {
        TestClock clock = new TestClock(NOON);
        start(clock, b -> b);
        Browser browser = new Browser("de-DE");
        Browser.Page step = startFree(browser);
        assertThat(step.document().select("#ozg-form input[name=_resume]")).hasSize(1);

        clock.advance(Duration.ofMinutes(61));
        Browser.Page ended = browser.submit(step, step.form("#ozg-form"), "_next=next", person("Zacharias"));
        assertThat(ended.chain()).startsWith(303);
        assertThat(ended.uri().getPath()).endsWith("/sitzung/abgelaufen");
        assertThat(ended.document().selectFirst("h1").text()).isEqualTo("Ihre Sitzung ist abgelaufen");
        assertThat(ended.document().text()).contains("Ihre Eingaben sind sicher aufbewahrt");
        assertThat(storedSessionsContain("Zacharias")).as("kept sealed, not readable in the table").isFalse();

        Browser.Page continued = browser.submit(ended, ended.form("main form"), null, Map.of());
        assertThat(continued.uri().getPath()).endsWith("/schritt/0");
        Document page = continued.document();
        assertThat(page.select("input[value=Zacharias]")).hasSize(1);
        assertThat(page.selectFirst(".ozg-restored").text()).contains("Ihre Sitzung war abgelaufen")
                .contains("15:32 Uhr");
        // saved in the draft, not only shown: a reload shows it again, without the note
        Browser.Page reload = browser.get(continued.uri());
        assertThat(reload.document().select("input[value=Zacharias]")).hasSize(1);
        assertThat(reload.document().select(".ozg-restored")).isEmpty();
        assertThat(PageChecks.all(koeln, browser)).isGreaterThan(4);
    }

    @Test
    void aPostAfterTheEndFromAnotherSiteKeepsNothing() throws Exception {
        TestClock clock = new TestClock(NOON);
        start(clock, b -> b);
        Browser browser = new Browser("de-DE");
        Browser.Page step = startFree(browser);
        clock.advance(Duration.ofMinutes(61));
        HttpResponse<String> forged = browser.post(step, step.form("#ozg-form"), "_next=next", person("Zacharias"),
                Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(storedSessionsWithParkedInput()).isZero();
    }

    @Test
    void aStepPostedAfterTheEndOfALoginComesBackAfterTheNextLogin() throws Exception {
        TestClock clock = new TestClock(Instant.now());
        start(clock, b -> b);
        Browser browser = new Browser("de-DE");
        Browser.Page start = browser.get(URI.create(koeln + "/dienst/" + WebPortalWorld.PERMIT));
        Browser.Page login = browser.submit(start, start.form("main form"), null, Map.of());
        Browser.Page forward = browser.submit(login, login.form("main form"), null, Map.of());
        Browser.Page step0 = OzgServletFlowTest.logIn(browser, forward);
        Browser.Page step1 = browser.submit(step0, step0.form("#ozg-form"), "_next=next", Map.of());
        assertThat(step1.uri().getPath()).endsWith("/schritt/1");
        // the eID login is at level high: its session is not extendable by default
        assertThat(step1.document().select("aside.ozg-session form")).isEmpty();
        assertThat(step1.document().select("#ozg-form input[name=_resume]")).isEmpty();

        clock.advance(Duration.ofHours(3));
        Browser.Page ended = browser.submit(step1, step1.form("#ozg-form"), "_next=next",
                OzgServletFlowTest.address("50667"));
        assertThat(ended.uri().getPath()).endsWith("/sitzung/abgelaufen");
        assertThat(storedSessionsContain("50667")).isFalse();
        Element again = ended.form("main form");
        assertThat(again.attr("action")).endsWith("/entwuerfe/anmelden");

        clock.advance(Duration.ofHours(-3)); // the identity provider's clock: the login happens now
        Browser.Page forward2 = browser.submit(ended, again, null, Map.of());
        Browser.Page restored = OzgServletFlowTest.logIn(browser, forward2);
        assertThat(restored.uri().getPath()).endsWith("/schritt/1");
        assertThat(restored.document().select("input[value=50667]")).hasSize(1);
        assertThat(restored.document().select(".ozg-restored")).hasSize(1);
    }

    @Test
    void theScriptsAutomaticSaveKeepsTheInputWithoutCountingAsActivity() throws Exception {
        TestClock clock = new TestClock(NOON);
        start(clock, b -> b);
        Browser browser = new Browser("de-DE");
        Browser.Page step = startFree(browser);
        clock.advance(Duration.ofMinutes(50));
        HttpResponse<String> saved = browser.post(step, step.form("#ozg-form"), null, person("Zacharias"),
                Map.of(TimeoutPages.AUTOSAVE_HEADER, "1", "Accept", "application/json"));
        assertThat(saved.statusCode()).isEqualTo(200);
        long before = Long.parseLong(step.document().selectFirst("#ozg-form input[name=_version]").val());
        assertThat(saved.body()).isEqualTo("{\"version\":" + (before + 1) + "}");
        assertThat(storedEnd()).as("an automatic save is no activity").isEqualTo(Instant.parse("2026-12-08T14:31:30Z"));
        Browser.Page reload = browser.get(step.uri());
        assertThat(reload.document().select("input[value=Zacharias]")).hasSize(1);
    }

    @Test
    void aLegacyPortalsHttpSessionStatesTheEndAndKeepsAStepPostedAfterIt() throws Exception {
        TestClock clock = new TestClock(NOON);
        world = new WebPortalWorld("h2");
        int port = WebPortals.freePort();
        URI base = URI.create("http://localhost:" + port + "/portal/buergerservice");
        node = world.node(URI.create(base + "/login/acs"), WebPortals.TEXT_RECEIPT);
        OzgServlet servlet = OzgServlet.builder(node.runtime, CsrfProtection.of(WebPortals.CSRF_KEY),
                        HttpSessionFlowSessions.of(WebPortalWorld.KOELN.value(),
                                SessionLimits.forLevel(TrustLevel.LOW), clock))
                .tenant(WebPortalWorld.KOELN)
                .timeouts(SessionTimeouts.builder().clock(clock).build())
                .build();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/portal", ServletContextHandler.SESSIONS);
        context.addServletContainerInitializer((classes, servletContext) -> servlet.register(servletContext,
                "/buergerservice/*"));
        context.addServlet(new ServletHolder(new LegacyLogout()), "/abmelden");
        server.setHandler(context);
        server.start();
        try {
            Browser browser = new Browser("de-DE");
            Browser.Page start = browser.get(URI.create(base + "/dienst/" + WebPortalWorld.FREE));
            Browser.Page step = browser.submit(start, start.form("main form"), null, Map.of());
            assertThat(step.document().selectFirst("#ozg-session-end").text())
                    .isEqualTo("Ihre Sitzung endet um 15:31 Uhr.");
            // past the absolute end of 12 hours (the container's own idle timer runs on real time)
            clock.advance(Duration.ofHours(13));
            Browser.Page ended = browser.submit(step, step.form("#ozg-form"), "_next=next", person("Zacharias"));
            assertThat(ended.uri().getPath()).endsWith("/sitzung/abgelaufen");
            Browser.Page continued = browser.submit(ended, ended.form("main form"), null, Map.of());
            assertThat(continued.uri().getPath()).endsWith("/schritt/0");
            assertThat(continued.document().select("input[value=Zacharias]")).hasSize(1);

            // the legacy portal ends its own session (its logout, or its container's idle timer): the same
            browser.get(URI.create("http://localhost:" + port + "/portal/abmelden"));
            Browser.Page afterLogout = browser.submit(continued, continued.form("#ozg-form"), "_next=next",
                    person("Xaver"));
            assertThat(afterLogout.uri().getPath()).endsWith("/sitzung/abgelaufen");
            Browser.Page again = browser.submit(afterLogout, afterLogout.form("main form"), null, Map.of());
            assertThat(again.document().select("input[value=Xaver]")).hasSize(1);
        } finally {
            server.stop();
        }
    }

    /** The legacy portal's logout: it invalidates the whole host session. */
    private static final class LegacyLogout extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    private Browser.Page startFree(Browser browser) throws Exception {
        Browser.Page start = browser.get(URI.create(koeln + "/dienst/" + WebPortalWorld.FREE));
        Browser.Page step = browser.submit(start, start.form("main form"), null, Map.of());
        assertThat(step.uri().getPath()).endsWith("/schritt/0");
        return step;
    }

    private static String sessionEnd(Browser.Page page) {
        return page.document().selectFirst("#ozg-session-end").attr("data-ozg-session-end");
    }

    private static Map<String, String> person(String givenName) {
        return Map.of("F99100000001", givenName, "F99100000002", "Mustermann", "F99100000003", "01.02.1980");
    }

    private boolean storedSessionsContain(String text) throws Exception {
        try (Connection connection = node.database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM ozg_portal_flow_session WHERE data LIKE ?")) {
            select.setString(1, "%" + text + "%");
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        }
    }

    private Instant storedEnd() throws Exception {
        try (Connection connection = node.database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT MAX(expires_at) FROM ozg_portal_flow_session")) {
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private int storedSessionsWithParkedInput() throws Exception {
        try (Connection connection = node.database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM ozg_portal_flow_session WHERE data LIKE '%timeout.parked%'")) {
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
