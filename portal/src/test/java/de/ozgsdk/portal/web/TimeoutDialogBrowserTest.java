package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.ozgsdk.portal.host.PortalHost;
import de.ozgsdk.portal.runtime.WebPortalWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 21 §3 in headless Chromium: the warning dialog of {@code static/timeout.js} opens before the session ends,
 * takes the focus and gives it back, closes with Escape, extends the session by keyboard alone, saves the step's
 * input before the end without counting as activity, and passes axe-core (WCAG 2.1 A/AA) while open.
 *
 * <p>The clock: the server's sessions run on a {@link TestClock}, and the page's script takes the end and "now" from
 * the page (never the browser's clock), so the test controls what the page announces. The page's timers run on a
 * fake clock installed before the page's scripts ({@code fake-timers.js}, moved by {@code ozgTestClock.tick}), so
 * two minutes before an hour's end come at once, without sleeping. Chromium's virtual time
 * ({@code Emulation.setVirtualTimePolicy}) would do the same for all timers of the page, but it also stalls the
 * page's network fetches and Selenium's own scripts, which this test needs.
 *
 * <p>Skips without Chromium and ChromeDriver ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}, the Debian
 * packages {@code .ci/run} installs), and fails instead under {@code CI}.
 */
class TimeoutDialogBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String NOT_INSTALLED = "no Chromium: " + CHROMIUM + " or " + CHROMEDRIVER + " missing, so"
            + " the time-out dialog is not tested in a browser; install the Debian packages chromium and"
            + " chromium-driver (.ci/run does)";
    private static final Instant NOON = Instant.parse("2026-12-08T13:31:30Z");
    private static final long HOUR = 3_600_000;
    private static final long WARNING = 120_000;
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path profile;

    private WebPortalWorld world;
    private WebPortalWorld.Node node;
    private PortalHost host;
    private URI koeln;
    private TestClock clock;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!installed()) {
            return;
        }
        profile = Files.createTempDirectory("ozg-timeout-chromium");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=de-DE", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", resource("fake-timers.js") + "\n" + axeSource()));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            try {
                driver.quit();
            } finally {
                service.stop();
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }

    @BeforeEach
    void startPortal() throws Exception {
        if (!installed()) {
            if (System.getenv("CI") != null) {
                fail(NOT_INSTALLED + "; under CI this is a failure");
            }
            assumeTrue(false, NOT_INSTALLED);
        }
        clock = new TestClock(NOON);
        world = new WebPortalWorld("h2");
        int port = WebPortals.freePort();
        koeln = URI.create("http://localhost:" + port + "/" + WebPortalWorld.KOELN.value());
        node = world.node(URI.create(koeln + "/login/acs"), WebPortals.TEXT_RECEIPT);
        CsrfProtection csrf = CsrfProtection.of(WebPortals.CSRF_KEY);
        host = PortalHost.builder(world.tenants(), tenant -> OzgServlet.builder(node.runtime, csrf,
                        JdbcFlowSessions.builder(node.database).scope(tenant.tenant().id().value()).clock(clock)
                                .build())
                        .timeouts(SessionTimeouts.builder().clock(clock).build())
                        .build())
                .port(port).start();
    }

    @AfterEach
    void stopPortal() throws Exception {
        if (driver != null) {
            driver.manage().deleteAllCookies();
        }
        if (host != null) {
            host.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void theDialogWarnsTwoMinutesBeforeTheEndTakesTheFocusSavesTheInputAndGivesTheFocusBack() throws Exception {
        WebElement given = startAndType("Zacharias");
        // the server moves on: the page's end is now ten minutes away; a save must not move it
        clock.advance(Duration.ofMinutes(50));
        Instant endBefore = storedEnd();

        tick(HOUR - WARNING - 1000);
        assertThat(dialogOpen()).as("one second before the warning").isFalse();
        tick(1000);
        assertThat(dialogOpen()).as("two minutes before the end").isTrue();
        assertThat(script("return document.activeElement.closest('dialog') !== null"
                + " && document.activeElement.hasAttribute('data-ozg-extend')")).isEqualTo(true);
        WebElement dialog = driver.findElement(By.id("ozg-timeout-dialog"));
        assertThat(dialog.getAttribute("role")).isEqualTo("alertdialog");
        assertThat(driver.findElement(By.id(dialog.getAttribute("aria-labelledby"))).getText())
                .isEqualTo("Ihre Sitzung endet bald");
        assertThat(driver.findElement(By.id(dialog.getAttribute("aria-describedby"))).getText())
                .contains("Ihre Sitzung endet um 15:31 Uhr.");

        // the automatic save when the warning opens
        awaitInPage("var s = document.querySelector('[data-ozg-timeout-status]');"
                + " return s.textContent === s.getAttribute('data-ozg-saved');");
        assertThat(storedEnd()).as("the automatic save is no activity").isEqualTo(endBefore);

        script("window.ozgTestClock.restore()");
        assertThat(axe()).as("axe-core with the dialog open").isEmpty();

        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertThat(dialogOpen()).isFalse();
        assertThat(script("return document.activeElement.name")).isEqualTo(given.getAttribute("name"));

        // saved in the draft: a new load of the step shows it
        driver.get(driver.getCurrentUrl());
        assertThat(driver.findElement(By.cssSelector("input[name$='F99100000001']")).getAttribute("value"))
                .isEqualTo("Zacharias");
    }

    @Test
    void extendByKeyboardMovesTheDeadlineThePageStates() throws Exception {
        startAndType("Zacharias");
        tick(HOUR - WARNING);
        assertThat(dialogOpen()).isTrue();
        clock.advance(Duration.ofMinutes(10));

        new Actions(driver).sendKeys(Keys.ENTER).perform();
        awaitInPage("return !document.getElementById('ozg-timeout-dialog').open;");
        WebElement end = driver.findElement(By.id("ozg-session-end"));
        assertThat(end.getAttribute("data-ozg-session-end")).isEqualTo("2026-12-08T14:41:30Z");
        assertThat(end.getText()).isEqualTo("Ihre Sitzung endet um 15:41 Uhr.");
        assertThat(storedEnd()).isEqualTo(Instant.parse("2026-12-08T14:41:30Z"));
        assertThat(script("return document.activeElement.name")).asString().endsWith("F99100000001");
        // the next warning follows the new end: an hour from the extension
        tick(HOUR - WARNING - 1000);
        assertThat(dialogOpen()).isFalse();
        tick(1000);
        assertThat(dialogOpen()).isTrue();
    }

    private WebElement startAndType(String givenName) {
        driver.get(koeln + "/dienst/" + WebPortalWorld.FREE);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        // click() does not wait for the navigation it starts: ask the browser until it arrived (each ask a round trip)
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!driver.getCurrentUrl().contains("/schritt/0") && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(driver.getCurrentUrl()).contains("/schritt/0");
        WebElement given = driver.findElement(By.cssSelector("input[name$='F99100000001']"));
        given.sendKeys(givenName);
        return given;
    }

    private static void tick(long milliseconds) {
        script("window.ozgTestClock.tick(arguments[0])", milliseconds);
    }

    private static boolean dialogOpen() {
        return Boolean.TRUE.equals(script("return document.getElementById('ozg-timeout-dialog').open"));
    }

    private static Object script(String source, Object... arguments) {
        return driver.executeScript(source, arguments);
    }

    /** Waits (without sleeping: on the page's own mutations) until {@code condition}'s body returns true. */
    private static void awaitInPage(String condition) {
        Object reached = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " var test = new Function(arguments[0]);"
                + " if (test()) { done(true); return; }"
                + " var observer = new MutationObserver(function () {"
                + "   if (test()) { observer.disconnect(); done(true); } });"
                + " observer.observe(document.documentElement, {subtree: true, childList: true, attributes: true,"
                + "   characterData: true});", condition);
        assertThat(reached).isEqualTo(true);
    }

    private static List<?> axe() {
        Object outcome = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + "   .then(function (r) { done(r.violations.map(function (v) {"
                + "     return v.id + ': ' + v.help + ' ' + v.nodes.map(function (n) { return n.target; }); })); })"
                + "   .catch(function (e) { done(['axe failed: ' + e]); });", WCAG_21_AA);
        return (List<?>) outcome;
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

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    private static String axeSource() {
        try (InputStream in = TimeoutDialogBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js (com.deque.html.axe-core:selenium) is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TimeoutDialogBrowserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
