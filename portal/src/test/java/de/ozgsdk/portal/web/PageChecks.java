package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What every answer of the servlet must show, checked on every response a test browser received from it: the
 * security headers (CSP without {@code 'unsafe-inline'}, no framing, nosniff), no inline script, style or event
 * handler, no personal data in any URL, and on HTML pages the frame a screen reader relies on (one h1, {@code lang},
 * a skip link to the main content) without any stack trace.
 */
final class PageChecks {

    private PageChecks() {
    }

    /** Checks every response of {@code browsers} below {@code base}; returns how many were checked. */
    static int all(URI base, Browser... browsers) {
        int checked = 0;
        for (Browser browser : browsers) {
            for (Browser.Page page : browser.received()) {
                String uri = page.uri().toString();
                assertThat(uri).as("URL without personal data").doesNotContain("ERIKA").doesNotContain("MUSTERMANN")
                        .doesNotContain("Heidestra").doesNotContain("51147").doesNotContain("K-AB");
                if (uri.startsWith(base.toString())) {
                    check(page);
                    checked++;
                }
            }
        }
        return checked;
    }

    /** The checks of one answer of the servlet. */
    static void check(Browser.Page page) {
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).as("CSP of %s", page.uri()).isNotNull().contains("script-src 'self'")
                .contains("style-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).as("nosniff of %s", page.uri()).isEqualTo("nosniff");
        String type = page.header("Content-Type");
        if (type == null || !type.startsWith("text/html")) {
            return;
        }
        assertThat(page.header("Cache-Control")).as("no-store of %s", page.uri()).isEqualTo("no-store");
        Document document = page.document();
        assertThat(document.selectFirst("html").attr("lang")).as("lang of %s", page.uri()).isIn("de", "en");
        assertThat(document.select("h1")).as("one h1 on %s", page.uri()).hasSize(1);
        assertThat(document.select("a.ozg-skip[href=#inhalt]")).as("skip link on %s", page.uri()).hasSize(1);
        assertThat(document.select("main#inhalt")).hasSize(1);
        assertThat(document.select("script:not([src])")).as("inline script on %s", page.uri()).isEmpty();
        assertThat(document.select("style, [style]")).as("inline style on %s", page.uri()).isEmpty();
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("event handler on %s", page.uri()).doesNotStartWith("on");
            }
        }
        for (Element input : document.select("input:not([type=hidden]), select, textarea")) {
            assertThat(document.select("label[for=\"" + input.id() + "\"]")).as("label of %s on %s", input.id(),
                    page.uri()).isNotEmpty();
        }
        assertThat(page.body()).as("no stack trace on %s", page.uri()).doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(document.selectFirst("header").text()).as("municipality on %s", page.uri()).contains("Köln");
    }
}
