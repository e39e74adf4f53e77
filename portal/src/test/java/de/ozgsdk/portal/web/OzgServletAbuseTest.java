package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.ozgsdk.portal.abuse.Action;
import de.ozgsdk.portal.abuse.BotTrap;
import de.ozgsdk.portal.abuse.Limit;
import de.ozgsdk.portal.abuse.ProofOfWork;
import de.ozgsdk.portal.abuse.RateLimits;
import de.ozgsdk.portal.host.PortalHost;
import de.ozgsdk.portal.runtime.WebPortalWorld;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21 §2 over real HTTP: rate limits per client address (behind a trusted reverse proxy) and across two
 * portal nodes on one database, {@code Retry-After} and the "try again at" page, the honeypot and the minimum fill
 * time with the answers kept, and the proof of work after a limit: solved by the portal's own script and by
 * altcha-lib in Node.js, or, without JavaScript, by waiting the stated time and pressing the button.
 */
class OzgServletAbuseTest {

    static final byte[] KEY = "an abuse key of at least 32 bytes, tests only".getBytes(StandardCharsets.UTF_8);
    private static final Path NODE = Path.of("/usr/bin/node");
    private static final Path INTEROP = Path.of("src/test/interop/altcha");
    private static final Path SOLVER = Path.of("src/main/resources/de/ozgsdk/portal/web/altcha-solver.js");
    // 09:00 UTC is 10:00 in Köln (CET)
    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

    static List<String> databases() {
        return WebPortalWorld.databaseKinds();
    }

    @Test
    void aBurstFromOneAddressIsThrottledWithRetryAfterWhileAnotherAddressIsServed() throws Exception {
        // behind the portal's reverse proxy on 127.0.0.1, which names each client in X-Forwarded-For
        try (WebPortalWorld world = new WebPortalWorld("h2");
                Portal portal = portal(world, builder -> builder.rateLimits(limits(world, 3, "127.0.0.1")))) {
            Browser first = new Browser("de-DE").always("X-Forwarded-For", "198.51.100.7");
            Browser second = new Browser("de-DE").always("X-Forwarded-For", "198.51.100.8");
            for (int i = 0; i < 3; i++) {
                assertThat(start(first, portal.first()).uri().getPath()).endsWith("/schritt/0");
            }
            Browser.Page refused = start(first, portal.first());
            assertThat(refused.status()).isEqualTo(429);
            // 3 per 30 minutes, refilled evenly: one more after 10 minutes
            assertThat(refused.header("Retry-After")).isEqualTo("600");
            Document page = refused.document();
            assertThat(page.select("h1")).hasSize(1);
            assertThat(page.selectFirst("h1").text()).isEqualTo("Zu viele Anfragen");
            assertThat(page.selectFirst("[role=alert]").text()).contains("ab 10:10 Uhr erneut")
                    .contains("Eingaben bleiben gespeichert");
            assertThat(page.selectFirst(".ozg-error-code").text()).isEqualTo("OZG-PORTAL-700");
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("de");

            // the other address is served meanwhile
            assertThat(start(second, portal.first()).uri().getPath()).endsWith("/schritt/0");
            // in English
            Browser english = new Browser("en-GB").always("X-Forwarded-For", "198.51.100.7");
            clock.advance(Duration.ofSeconds(30));
            Browser.Page refusedInEnglish = start(english, portal.first());
            assertThat(refusedInEnglish.status()).isEqualTo(429);
            assertThat(refusedInEnglish.header("Retry-After")).isEqualTo("570");
            assertThat(refusedInEnglish.document().selectFirst("[role=alert]").text())
                    .contains("Please try again from 10:10.");

            clock.advance(Duration.ofSeconds(570));
            assertThat(start(first, portal.first()).uri().getPath()).endsWith("/schritt/0");
        }
    }

    @Test
    void submissionsAreLimitedAndARefusedApplicationStaysReadyToSubmit() throws Exception {
        try (WebPortalWorld world = new WebPortalWorld("h2");
                Portal portal = portal(world, builder -> builder.rateLimits(RateLimits.builder(world.node(
                        URI.create("http://localhost/login/acs"), WebPortals.TEXT_RECEIPT).database, KEY).clock(clock)
                        .limit(Action.SUBMISSION, Limit.of(1, Duration.ofMinutes(10)), Limit.of(100,
                                Duration.ofHours(1))).build()))) {
            Browser citizen = new Browser("de-DE");
            Browser.Page firstReview = review(citizen, portal.first());
            Browser.Page first = citizen.submit(firstReview, firstReview.form("#ozg-form"), "_submit=submit",
                    Map.of());
            assertThat(first.chain()).startsWith(303);
            assertThat(first.uri().getPath()).endsWith("/eingang");

            Browser.Page review = review(citizen, portal.first());
            Browser.Page refused = citizen.submit(review, review.form("#ozg-form"), "_submit=submit", Map.of());
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("600");
            // nothing was submitted: the application still waits on its review page
            assertThat(citizen.get(review.uri()).uri().getPath()).endsWith("/pruefen");
            assertThat(world.intakeCount()).isZero();

            clock.advance(Duration.ofMinutes(10));
            Browser.Page later = citizen.submit(review, review.form("#ozg-form"), "_submit=submit", Map.of());
            assertThat(later.uri().getPath()).endsWith("/eingang");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theLimitHoldsAcrossTwoPortalNodesOnOneDatabase(String database) throws Exception {
        int portA = WebPortals.freePort();
        int portB = WebPortals.freePort();
        URI koelnA = URI.create("http://localhost:" + portA + "/" + WebPortalWorld.KOELN.value());
        try (WebPortalWorld world = new WebPortalWorld(database)) {
            URI acs = URI.create(koelnA + "/login/acs");
            WebPortalWorld.Node nodeA = world.node(acs, WebPortals.TEXT_RECEIPT);
            WebPortalWorld.Node nodeB = world.node(acs, WebPortals.TEXT_RECEIPT);
            CsrfProtection csrf = CsrfProtection.builder(WebPortals.CSRF_KEY)
                    .trustedOrigin("http://localhost:" + portA).trustedOrigin("http://localhost:" + portB).build();
            try (PortalHost hostA = host(world, nodeA, csrf, portA); PortalHost hostB = host(world, nodeB, csrf,
                    portB)) {
                AtomicInteger requests = new AtomicInteger();
                List<Integer> served = new ArrayList<>();
                UnaryOperator<URI> roundRobin = uri -> {
                    int port = requests.getAndIncrement() % 2 == 0 ? portA : portB;
                    served.add(port);
                    return URI.create(uri.toString().replace(":" + uri.getPort() + "/", ":" + port + "/"));
                };
                Browser browser = new Browser("de-DE", roundRobin);
                for (int i = 0; i < 4; i++) {
                    assertThat(start(browser, koelnA).uri().getPath()).endsWith("/schritt/0");
                }
                Browser.Page refused = start(browser, koelnA);
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.header("Retry-After")).isEqualTo("600");
                assertThat(served).contains(portA, portB);
            }
        }
    }

    @Test
    void aFilledHoneypotOrATooQuickPostGetsANeutralAnswerAndKeepsTheAnswers() throws Exception {
        BotTrap trap = BotTrap.builder(KEY).minimumFillTime(Duration.ofSeconds(2)).clock(clock).build();
        try (WebPortalWorld world = new WebPortalWorld("h2");
                Portal portal = portal(world, builder -> builder.botTrap(trap))) {
            Browser citizen = new Browser("de-DE");
            Browser.Page startPage = citizen.get(service(portal.first()));
            Element honeypot = startPage.document().selectFirst("main form input[name=homepage]");
            assertHiddenFromEveryone(startPage.document(), honeypot);
            // a bot that posts the start form with the honeypot filled starts nothing
            Browser.Page botStart = citizen.submit(startPage, startPage.form("main form"), null,
                    Map.of("homepage", "https://spam.example"));
            assertThat(botStart.status()).isEqualTo(400);
            assertThat(botStart.document().selectFirst("[role=alert]").text())
                    .contains("konnten nicht verarbeitet werden").contains("OZG-PORTAL-701");
            // a bot that posts without the signed time stamp, or with a forged one, neither
            assertThat(citizen.submit(startPage, startPage.form("main form"), null,
                    Map.of(BotTrap.TIME_FIELD, clock.millis() - 60_000 + ".00")).status()).isEqualTo(400);

            Browser.Page step = citizen.submit(startPage, startPage.form("main form"), null, Map.of());
            assertThat(step.uri().getPath()).endsWith("/schritt/0");
            Element field = step.document().selectFirst("#ozg-form input[type=text]:not([readonly])");
            Element stepHoneypot = step.document().selectFirst("input[name=homepage]");
            assertHiddenFromEveryone(step.document(), stepHoneypot);
            assertThat(stepHoneypot.attr("form")).isEqualTo("ozg-form");

            // too quick: the step page again, with what was typed, and a note that names no check
            Browser.Page tooQuick = citizen.submit(step, step.form("#ozg-form"), "_next=next",
                    Map.of(field.attr("name"), "Mustermann-Lüdenscheid"));
            assertNeutral(tooQuick, field.attr("name"), "Mustermann-Lüdenscheid");
            // filled honeypot (after the fill time): the same
            clock.advance(Duration.ofSeconds(3));
            Map<String, String> withHoneypot = new HashMap<>();
            withHoneypot.put(field.attr("name"), "Mustermann-Lüdenscheid");
            withHoneypot.put("homepage", "https://spam.example");
            Browser.Page filled = citizen.submit(tooQuick, tooQuick.form("#ozg-form"), "_next=next", withHoneypot);
            assertNeutral(filled, field.attr("name"), "Mustermann-Lüdenscheid");
            assertThat(filled.body()).doesNotContain("spam.example");

            // a person who takes a moment goes on (the page just shown has a fresh time stamp)
            clock.advance(Duration.ofSeconds(3));
            Browser.Page next = citizen.submit(filled, filled.form("#ozg-form"), "_next=next", Map.of());
            assertThat(next.chain()).startsWith(303);
            assertThat(next.status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"own", "altcha-lib"})
    void aThrottledBrowserThatSolvesTheProofOfWorkIsLetThroughOnce(String solver) throws Exception {
        boolean ready = Files.isExecutable(NODE) && (solver.equals("own")
                || Files.isDirectory(INTEROP.resolve("node_modules/altcha-lib")));
        if (System.getenv("CI") == null) {
            assumeTrue(ready, "node or altcha-lib missing (npm ci --ignore-scripts --prefix portal/src/test/interop/"
                    + "altcha); on CI this test fails instead of skipping");
        }
        assertThat(ready).as("node and altcha-lib installed by .ci/run").isTrue();
        try (WebPortalWorld world = new WebPortalWorld("h2");
                Portal portal = portal(world, builder -> builder.rateLimits(limits(world, 1))
                        .proofOfWork(proofOfWork(world)))) {
            Browser citizen = new Browser("de-DE");
            assertThat(start(citizen, portal.first()).uri().getPath()).endsWith("/schritt/0");
            Browser.Page challenge = start(citizen, portal.first());
            assertThat(challenge.status()).isEqualTo(429);
            assertThat(challenge.header("Retry-After")).isEqualTo("600");
            Element form = challenge.form("form[data-ozg-altcha]");
            assertAccessibleChallenge(challenge, form, "30 Sekunden");
            Browser.Page script = citizen.get(URI.create(form.absUrl("action").replaceAll("/dienst/.*", "")
                    + "/static/altcha-solver.js"));
            assertThat(script.status()).isEqualTo(200);
            assertThat(script.header("Content-Type")).startsWith("text/javascript");
            assertThat(script.body()).isEqualTo(Files.readString(SOLVER));

            String payload = solve(solver, form.attr("data-ozg-altcha"));
            Browser.Page through = citizen.submit(challenge, form, null, Map.of(ProofOfWork.SOLUTION_FIELD, payload));
            assertThat(through.chain()).startsWith(303);
            assertThat(through.uri().getPath()).endsWith("/schritt/0");

            // the same answer a second time is refused: the challenge page again, saying so
            Browser.Page replay = citizen.submit(challenge, form, null, Map.of(ProofOfWork.SOLUTION_FIELD, payload));
            assertThat(replay.status()).isEqualTo(429);
            assertThat(replay.document().selectFirst("[role=alert]").text()).contains("OZG-PORTAL-702");
            // a wrong number neither
            String right = new String(Base64.getDecoder().decode(solve(solver,
                    replay.form("form[data-ozg-altcha]").attr("data-ozg-altcha"))), StandardCharsets.UTF_8);
            Matcher number = Pattern.compile("\"number\":([0-9]+)").matcher(right);
            assertThat(number.find()).isTrue();
            String wrong = Base64.getEncoder().encodeToString(number.replaceFirst("\"number\":"
                    + (Long.parseLong(number.group(1)) + 1)).getBytes(StandardCharsets.UTF_8));
            assertThat(citizen.submit(replay, replay.form("form[data-ozg-altcha]"), null,
                    Map.of(ProofOfWork.SOLUTION_FIELD, wrong)).status()).isEqualTo(429);
        }
    }

    @Test
    void withoutJavaScriptTheCitizenWaitsTheStatedTimeAndPressesContinue() throws Exception {
        try (WebPortalWorld world = new WebPortalWorld("h2");
                Portal portal = portal(world, builder -> builder.rateLimits(limits(world, 1))
                        .proofOfWork(proofOfWork(world)))) {
            Browser citizen = new Browser("de-DE");
            start(citizen, portal.first());
            Browser.Page challenge = start(citizen, portal.first());
            Element form = challenge.form("form[data-ozg-altcha]");
            assertAccessibleChallenge(challenge, form, "30 Sekunden (bis 10:00:30 Uhr)");

            // pressed at once: the page again, with the time left and the same token, nothing started
            Browser.Page early = citizen.submit(challenge, form, null, Map.of());
            assertThat(early.status()).isEqualTo(429);
            Element again = early.form("form[data-ozg-altcha]");
            assertThat(again.selectFirst("[role=status]").text()).contains("30 Sekunden");
            assertThat(again.selectFirst("input[name=_ozg_wait]").val())
                    .isEqualTo(form.selectFirst("input[name=_ozg_wait]").val());
            clock.advance(Duration.ofSeconds(20));
            Browser.Page stillEarly = citizen.submit(early, again, null, Map.of());
            assertThat(stillEarly.form("form[data-ozg-altcha]").selectFirst("[role=status]").text())
                    .contains("10 Sekunden");
            assertThat(stillEarly.header("Retry-After")).isEqualTo("10");

            clock.advance(Duration.ofSeconds(10));
            Browser.Page through = citizen.submit(stillEarly, stillEarly.form("form[data-ozg-altcha]"), null,
                    Map.of());
            assertThat(through.chain()).startsWith(303);
            assertThat(through.uri().getPath()).endsWith("/schritt/0");
            // the waiting token counts once
            Browser.Page replay = citizen.submit(stillEarly, stillEarly.form("form[data-ozg-altcha]"), null,
                    Map.of());
            assertThat(replay.status()).isEqualTo(429);
            assertThat(replay.document().selectFirst("[role=alert]").text()).contains("OZG-PORTAL-702");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private RateLimits limits(WebPortalWorld world, int perAddress, String... trustedProxies) {
        return limits(world.node(URI.create("http://localhost/login/acs"), WebPortals.TEXT_RECEIPT), perAddress,
                trustedProxies);
    }

    private RateLimits limits(WebPortalWorld.Node node, int perAddress, String... trustedProxies) {
        RateLimits.Builder limits = RateLimits.builder(node.database, KEY).clock(clock)
                .limit(Action.DRAFT_CREATION, Limit.of(perAddress, Duration.ofMinutes(perAddress * 10L)),
                        Limit.of(1_000, Duration.ofHours(1)));
        for (String proxy : trustedProxies) {
            limits.trustedProxy(proxy);
        }
        return limits.build();
    }

    private ProofOfWork proofOfWork(WebPortalWorld world) {
        return ProofOfWork.builder(world.node(URI.create("http://localhost/login/acs"), WebPortals.TEXT_RECEIPT)
                .database, KEY).maxNumber(5_000).waitingTime(Duration.ofSeconds(30)).clock(clock).build();
    }

    private PortalHost host(WebPortalWorld world, WebPortalWorld.Node node, CsrfProtection csrf, int port) {
        RateLimits limits = limits(node, 4);
        return PortalHost.builder(world.tenants(), tenant -> OzgServlet.builder(node.runtime, csrf,
                JdbcFlowSessions.builder(node.database).scope(tenant.tenant().id().value()).build())
                .rateLimits(limits).build())
                .port(port).start();
    }

    /** A new application of the service without login, filled in up to its review page. */
    private static Browser.Page review(Browser citizen, URI base) throws Exception {
        Browser.Page step = start(citizen, base);
        step = citizen.submit(step, step.form("#ozg-form"), "_next=next",
                Map.of("F99100000001", "Musterfrau", "F99100000002", "Erika", "F99100000003", "1964-08-12"));
        step = citizen.submit(step, step.form("#ozg-form"), "_next=next", OzgServletFlowTest.address("51147"));
        Browser.Page review = citizen.submit(step, step.form("#ozg-form"), "_next=next",
                Map.of("F99100000007", "K-AB 123", "F99100000008", "pkw"));
        assertThat(review.uri().getPath()).as(review.body()).endsWith("/pruefen");
        return review;
    }

    private static URI service(URI base) {
        return URI.create(base + "/dienst/" + WebPortalWorld.FREE);
    }

    /** Opens the start page of the service without login and presses "Antrag starten". */
    private static Browser.Page start(Browser browser, URI base) throws Exception {
        Browser.Page start = browser.get(service(base));
        assertThat(start.status()).isEqualTo(200);
        return browser.submit(start, start.form("main form"), null, Map.of());
    }

    private static void assertHiddenFromEveryone(Document page, Element honeypot) throws Exception {
        assertThat(honeypot).as("honeypot").isNotNull();
        Element box = honeypot.parent();
        assertThat(box.hasClass("ozg-hp")).isTrue();
        assertThat(box.attr("aria-hidden")).isEqualTo("true");
        assertThat(honeypot.attr("tabindex")).isEqualTo("-1");
        assertThat(honeypot.attr("autocomplete")).isEqualTo("off");
        assertThat(honeypot.val()).isEmpty();
        assertThat(box.selectFirst("label[for=" + honeypot.id() + "]")).isNotNull();
        try (InputStream css = OzgServlet.class.getResourceAsStream("ozg-portal.css")) {
            String rule = new String(css.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith(".ozg-hp")).findFirst().orElseThrow();
            assertThat(rule).contains("left: -10000px").contains("overflow: hidden").doesNotContain("display");
        }
        assertThat(page.select("[role=alert]")).isEmpty();
    }

    private static void assertNeutral(Browser.Page page, String field, String value) {
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.uri().getPath()).endsWith("/schritt/0");
        String notice = page.document().selectFirst("[role=alert]").text();
        assertThat(notice).contains("konnten nicht verarbeitet werden").contains("wieder eingetragen")
                .doesNotContainIgnoringCase("schnell").doesNotContainIgnoringCase("honeypot")
                .doesNotContainIgnoringCase("bot");
        assertThat(page.document().selectFirst("#ozg-form input[name=" + field + "]").val()).isEqualTo(value);
        assertThat(page.document().selectFirst("input[name=homepage]").val()).isEmpty();
    }

    private static void assertAccessibleChallenge(Browser.Page page, Element form, String waitText) {
        Document document = page.document();
        assertThat(document.select("h1")).hasSize(1);
        assertThat(document.selectFirst("h1").text()).isEqualTo("Bitte kurz bestätigen");
        Element status = form.selectFirst("[role=status]");
        assertThat(status.attr("aria-live")).isEqualTo("polite");
        assertThat(status.text()).contains(waitText).contains("„Weiter“");
        assertThat(form.selectFirst("button[type=submit]").text()).isEqualTo("Weiter");
        assertThat(form.selectFirst("input[name=_ozg_wait]").val()).isNotEmpty();
        assertThat(form.attr("action")).endsWith("/dienst/" + WebPortalWorld.FREE);
        assertThat(document.select("script[src$=altcha-solver.js]")).hasSize(1);
        assertThat(document.select("script:not([src])")).isEmpty();
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
    }

    /** The payload for {@code challenge} from Node.js: the portal's own script or altcha-lib. */
    private static String solve(String solver, String challenge) throws Exception {
        Process node = new ProcessBuilder(NODE.toString(), INTEROP.resolve("solve.js").toAbsolutePath().toString(), solver,
                challenge, SOLVER.toAbsolutePath().toString()).directory(INTEROP.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        return output.strip();
    }

    /** The servlet in a plain Jetty (a legacy portal of Köln) on 127.0.0.1. */
    private Portal portal(WebPortalWorld world, UnaryOperator<OzgServlet.Builder> abuse) throws Exception {
        int port = WebPortals.freePort();
        URI first = URI.create("http://127.0.0.1:" + port + "/portal/buergerservice");
        WebPortalWorld.Node node = world.node(URI.create(first + "/login/acs"), WebPortals.TEXT_RECEIPT);
        OzgServlet servlet = abuse.apply(OzgServlet.builder(node.runtime, CsrfProtection.of(WebPortals.CSRF_KEY),
                HttpSessionFlowSessions.of(WebPortalWorld.KOELN.value())).tenant(WebPortalWorld.KOELN)).build();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/portal", ServletContextHandler.SESSIONS);
        context.addServlet(new ServletHolder(servlet), "/buergerservice/*");
        server.setHandler(context);
        server.start();
        return new Portal(first, server);
    }

    /** The running portal. */
    private record Portal(URI first, Server server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.stop();
        }
    }
}
