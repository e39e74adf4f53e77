package de.ozgsdk.forms.render.a11y;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the accessibility of HTML pages in a real headless Chromium: axe-core with the WCAG 2.1 A/AA rules, and
 * the layout checks axe cannot make (no sideways scrolling at 320 px and at 200 % zoom, no clipped content, touch
 * targets of at least 44×44 CSS px).
 *
 * <p>One harness holds one browser and one loopback HTTP server; start it once per test class (a browser start
 * costs about a second) and close it after the class:
 *
 * <pre>{@code
 * private static AccessibilityHarness harness;
 *
 * @BeforeAll
 * static void startBrowser() {
 *     harness = AccessibilityHarness.startIfInstalled().orElse(null);
 * }
 *
 * @BeforeEach
 * void requireBrowser() {
 *     AccessibilityHarness.assumeInstalled(); // skips with a message saying what to install
 * }
 *
 * @AfterAll
 * static void stopBrowser() {
 *     if (harness != null) {
 *         harness.close();
 *     }
 * }
 *
 * @Test
 * void stepIsAccessible() {
 *     PageAudit audit = harness.audit("step 1 de", harness.publishPage(html));
 *     assertThat(audit.problems()).isEmpty();
 * }
 * }</pre>
 *
 * <p>Chromium and ChromeDriver are the Debian packages ({@code chromium}, {@code chromium-driver}); both paths are
 * given explicitly so that Selenium Manager never runs (it would try to download a browser). When either is missing,
 * the tests skip, each with a message that says what to install (an assumption in {@code @BeforeAll} would hide
 * the message: surefire counts such a class as zero tests).
 */
final class AccessibilityHarness implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** axe-core tags of WCAG 2.0 and 2.1, levels A and AA: what BITV 2.0 requires via EN 301 549. */
    static final List<String> WCAG_21_AA_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** WCAG 2.5.5 target size, CSS px. */
    static final int MIN_TARGET_SIZE = 44;

    private static final Logger LOG = LoggerFactory.getLogger(AccessibilityHarness.class);
    private static final String NOT_INSTALLED = "no Chromium: " + CHROMIUM + " or " + CHROMEDRIVER + " missing, so"
            + " the accessibility measurement (axe-core, 320 px, 200 % zoom, touch targets) is skipped; install the"
            + " Debian packages chromium and chromium-driver (.ci/run does) to run it";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);
    private static final String AXE_SOURCE = resource("/axe.min.js");
    private static final String LAYOUT_PROBE = resource("layout-probe.js");
    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                .then(results => done({violations: results.violations.map(v => ({
                    id: v.id, impact: v.impact || 'unknown', help: v.help,
                    nodes: v.nodes.map(n => ({
                        target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' | '),
                        summary: n.failureSummary || ''}))}))}))
                .catch(error => done({error: String(error && error.stack || error)}));
            """;

    private final PageServer server;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private AccessibilityHarness(PageServer server, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.server = server;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /**
     * Starts headless Chromium and the page server, or returns empty (and logs why) when Chromium or ChromeDriver is
     * not installed; tests then skip through {@link #assumeInstalled()}.
     */
    static Optional<AccessibilityHarness> startIfInstalled() {
        if (!installed()) {
            LOG.warn(NOT_INSTALLED);
            return Optional.empty();
        }
        return Optional.of(start());
    }

    /** Skips the calling test with a message saying what to install when Chromium or ChromeDriver is missing. */
    static void assumeInstalled() {
        assumeTrue(installed(), NOT_INSTALLED);
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    private static AccessibilityHarness start() {
        PageServer server = PageServer.start();
        Path profile = createProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options(profile));
            driver.manage().timeouts().scriptTimeout(SCRIPT_TIMEOUT).pageLoadTimeout(SCRIPT_TIMEOUT);
            // Once for the session instead of 0.5 MB over the WebDriver wire for every page.
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE_SOURCE));
            LOG.debug("Chromium started for accessibility tests, pages at {}", server.base());
            return new AccessibilityHarness(server, profile, service, driver);
        } catch (RuntimeException e) {
            service.stop();
            server.close();
            deleteProfile(profile);
            throw e;
        }
    }

    // The machine's network is closed: without the background-networking switches Chromium waits on refused
    // connections. A fresh profile per run keeps caches and settings of earlier runs out.
    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile);
        return options;
    }

    /** Publishes an HTML page on the harness's server and returns its address. */
    URI publishPage(String html) {
        return server.publishPage(html);
    }

    /** Publishes a resource (a style sheet a page links to) under an absolute path on the harness's server. */
    URI publish(String path, String contentType, String body) {
        return server.publish(path, contentType, body);
    }

    /**
     * Runs every check on one page: axe-core and the layout checks at 320 px, then both again at 200 % zoom, which
     * is wide enough (640 CSS px) for a theme's desktop styles. Zoom re-lays out the same document: a reload would
     * only cost time.
     *
     * @param name how messages name the page
     */
    PageAudit audit(String name, URI page) {
        load(page, Viewport.PHONE_320);
        List<AxeViolation> violations = new ArrayList<>(runAxe(page, Viewport.PHONE_320));
        List<LayoutFinding> layout = new ArrayList<>(measureLayout(Viewport.PHONE_320));
        emulate(Viewport.DESKTOP_ZOOM_200);
        violations.addAll(runAxe(page, Viewport.DESKTOP_ZOOM_200));
        layout.addAll(measureLayout(Viewport.DESKTOP_ZOOM_200));
        return new PageAudit(name, violations, layout);
    }

    /** Loads the page in the viewport and runs axe-core with the WCAG 2.1 A/AA tags. */
    List<AxeViolation> axe(URI page, Viewport viewport) {
        load(page, viewport);
        return runAxe(page, viewport);
    }

    /** Loads the page in the viewport and measures scrolling, clipping and touch target sizes. */
    List<LayoutFinding> layout(URI page, Viewport viewport) {
        load(page, viewport);
        return measureLayout(viewport);
    }

    private List<AxeViolation> runAxe(URI page, Viewport viewport) {
        Map<String, Object> outcome = asMap(driver.executeAsyncScript(AXE_RUN, WCAG_21_AA_TAGS));
        if (outcome.containsKey("error")) {
            throw new IllegalStateException("axe-core failed on " + page + ": " + outcome.get("error"));
        }
        return asList(outcome.get("violations")).stream().map(rule -> violation(rule, viewport))
                .sorted(Comparator.comparing(AxeViolation::ruleId))
                .toList();
    }

    private List<LayoutFinding> measureLayout(Viewport viewport) {
        Object result = driver.executeScript(LAYOUT_PROBE, viewport.width(), MIN_TARGET_SIZE);
        return asList(result).stream().map(AccessibilityHarness::asMap)
                .map(finding -> new LayoutFinding(LayoutFinding.Kind.valueOf((String) finding.get("kind")), viewport,
                        (String) finding.get("target"), (String) finding.get("detail")))
                .toList();
    }

    private void load(URI page, Viewport viewport) {
        emulate(viewport);
        driver.get(page.toString());
    }

    private void emulate(Viewport viewport) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", viewport.width(),
                "height", viewport.height(),
                "deviceScaleFactor", viewport.deviceScaleFactor(),
                "mobile", viewport.mobile()));
    }

    private static AxeViolation violation(Object raw, Viewport viewport) {
        Map<String, Object> rule = asMap(raw);
        List<AxeViolation.Node> nodes = asList(rule.get("nodes")).stream().map(AccessibilityHarness::asMap)
                .map(node -> new AxeViolation.Node((String) node.get("target"), (String) node.get("summary")))
                .toList();
        return new AxeViolation((String) rule.get("id"), (String) rule.get("impact"), (String) rule.get("help"),
                nodes, viewport);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException("browser script returned " + value + " where an object was expected");
    }

    private static List<?> asList(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalStateException("browser script returned " + value + " where a list was expected");
    }

    private static String resource(String name) {
        try (InputStream in = AccessibilityHarness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("ozg-a11y-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile directory", e);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete the Chromium profile {}: {}", profile, e.toString());
        }
    }

    /** Quits the browser and ChromeDriver, stops the page server and deletes the browser profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            server.close();
            deleteProfile(profile);
        }
    }
}
