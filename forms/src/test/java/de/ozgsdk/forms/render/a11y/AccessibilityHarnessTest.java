package de.ozgsdk.forms.render.a11y;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that the harness's checks can fail: a clean hand-written form page passes, and each deliberately broken
 * variant of it (one defect each) is caught by exactly the check meant for it.
 */
class AccessibilityHarnessTest {

    private static final String GOOD_PAGE = goodPage();

    private static AccessibilityHarness harness;

    @BeforeAll
    static void startBrowser() {
        harness = AccessibilityHarness.startIfInstalled().orElse(null);
    }

    @BeforeEach
    void requireBrowser() {
        AccessibilityHarness.assumeInstalled();
    }

    @AfterAll
    static void stopBrowser() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void cleanPagePassesEveryCheck() {
        PageAudit audit = harness.audit("good page", harness.publishPage(GOOD_PAGE));

        assertThat(audit.problems()).isEmpty();
    }

    @Test
    void detectsInputWithoutLabel() {
        URI page = harness.publishPage(withBody("<input type=\"text\" id=\"unlabelled\" name=\"x\">"));

        List<AxeViolation> violations = harness.axe(page, Viewport.PHONE_320);

        assertThat(violations).extracting(AxeViolation::ruleId).containsExactly("label");
        assertThat(violations.get(0).targets()).containsExactly("#unlabelled");
    }

    @Test
    void detectsLowContrastText() {
        URI page = harness.publishPage(withBody("<p id=\"faint\" style=\"color:#aaa\">Hinweis zur Frist</p>"));

        List<AxeViolation> violations = harness.axe(page, Viewport.PHONE_320);

        assertThat(violations).extracting(AxeViolation::ruleId).containsExactly("color-contrast");
        assertThat(violations.get(0).targets()).containsExactly("#faint");
        assertThat(violations.get(0).describe()).contains("color-contrast (serious)", "#faint", "contrast");
    }

    @Test
    void detectsTooSmallButton() {
        URI page = harness.publishPage(withBody(
                "<button type=\"button\" id=\"tiny\" style=\"min-height:0;min-width:0;padding:2px\">×</button>"
                        .replace("×", "<span class=\"visually-hidden\">Entfernen</span>x")));

        List<LayoutFinding> findings = harness.layout(page, Viewport.PHONE_320);

        assertThat(findings).extracting(LayoutFinding::kind, LayoutFinding::target)
                .containsExactly(tuple(LayoutFinding.Kind.TOUCH_TARGET, "#tiny"));
    }

    @Test
    void detectsTooWideTable() {
        URI page = harness.publishPage(withBody("<table id=\"wide\" style=\"width:30rem\"><caption>Kosten</caption>"
                + "<tr><th scope=\"col\">Posten</th><th scope=\"col\">Betrag</th></tr>"
                + "<tr><td>Miete</td><td>500 EUR</td></tr></table>"));

        List<LayoutFinding> findings = harness.layout(page, Viewport.PHONE_320);

        assertThat(findings).extracting(LayoutFinding::kind).containsExactly(LayoutFinding.Kind.HORIZONTAL_SCROLL);
        assertThat(findings.get(0).detail()).contains("#wide");
    }

    @Test
    void allowsWideTableInItsOwnScrollContainer() {
        URI page = harness.publishPage(withBody("<div style=\"overflow-x:auto\" tabindex=\"0\" role=\"region\""
                + " aria-label=\"Kosten\"><table id=\"wide\" style=\"width:30rem\"><caption>Kosten</caption>"
                + "<tr><th scope=\"col\">Posten</th><th scope=\"col\">Betrag</th></tr>"
                + "<tr><td>Miete</td><td>500 EUR</td></tr></table></div>"));

        List<LayoutFinding> findings = harness.layout(page, Viewport.PHONE_320);

        assertThat(findings).isEmpty();
    }

    @Test
    void detectsPageWithoutViewportMeta() {
        URI page = harness.publishPage(GOOD_PAGE.replace(
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", ""));

        List<LayoutFinding> findings = harness.layout(page, Viewport.PHONE_320);

        assertThat(findings).extracting(LayoutFinding::kind).containsExactly(LayoutFinding.Kind.VIEWPORT_WIDTH);
    }

    @Test
    void detectsContentClippedAtDoubleZoom() {
        URI page = harness.publishPage(minimalPage("<div id=\"box\" style=\"height:2rem;overflow:hidden\">"
                + "<span style=\"display:inline-block;width:25rem\">Frist</span>"
                + "<span style=\"display:inline-block;width:25rem\">Unterlagen</span></div>"));

        assertThat(harness.layout(page, Viewport.DESKTOP)).as("both parts fit one line at 1280 px").isEmpty();
        assertThat(harness.layout(page, Viewport.DESKTOP_ZOOM_200))
                .extracting(LayoutFinding::kind, LayoutFinding::target)
                .containsExactly(tuple(LayoutFinding.Kind.CLIPPED_CONTENT, "#box"));
    }

    @Test
    void detectsCheckboxWhoseLabelIsTooSmall() {
        URI page = harness.publishPage(withBody("<input type=\"checkbox\" id=\"agb\" name=\"agb\">"
                + "<label for=\"agb\" style=\"display:inline;font-weight:normal\">AGB</label>"));

        List<LayoutFinding> findings = harness.layout(page, Viewport.PHONE_320);

        assertThat(findings).extracting(LayoutFinding::kind, LayoutFinding::target)
                .containsExactly(tuple(LayoutFinding.Kind.TOUCH_TARGET, "#agb"));
    }

    @Test
    void acceptsLongEntryScrollingInsideItsTextInput() {
        URI page = harness.publishPage(GOOD_PAGE.replace("name=\"vorname\"",
                "name=\"vorname\" value=\"" + "Maximiliane-".repeat(20) + "\""));

        List<LayoutFinding> findings = harness.layout(page, Viewport.PHONE_320);

        assertThat(findings).isEmpty();
    }

    private static String withBody(String html) {
        return GOOD_PAGE.replace("<!-- extra-body -->", html);
    }

    private static String minimalPage(String body) {
        return "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Test</title></head><body><main>" + body + "</main></body></html>";
    }

    private static String goodPage() {
        try (InputStream in = AccessibilityHarnessTest.class.getResourceAsStream("good-page.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
