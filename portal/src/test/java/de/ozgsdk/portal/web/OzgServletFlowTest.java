package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.portal.runtime.WebPortalWorld;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16 §8 over real HTTP against the sandbox: a citizen logs in at the IdP mock, fills three steps with one
 * validation error and its correction, leaves, resumes on another device after a new login, cancels the payment,
 * pays on the retry, submits twice (double click), gets the receipt and its download; the back office receives the
 * application exactly once and the postbox the message. The same flow runs in the central host and in a plain
 * Jetty legacy portal, and the back office receives the same XML from both, apart from ids and times.
 */
class OzgServletFlowTest {

    static List<String> databases() {
        return WebPortalWorld.databaseKinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSameServiceRunsInTheCentralHostAndInALegacyPortalWithTheSameApplicationXml(String database)
            throws Exception {
        String central;
        try (WebPortalWorld world = new WebPortalWorld(database);
                WebPortals.Running host = WebPortals.central(world)) {
            central = apply(world, host);
        }
        String legacy;
        try (WebPortalWorld world = new WebPortalWorld(database);
                WebPortals.Running portal = WebPortals.legacy(world)) {
            legacy = apply(world, portal);
        }
        assertThat(masked(legacy)).isEqualTo(masked(central));
        assertThat(masked(central)).contains("K-AB 123").contains("ERIKA").contains("51147");
    }

    /** The whole flow; returns the application XML the back office received. */
    static String apply(WebPortalWorld world, WebPortals.Running portal) throws Exception {
        return apply(world, portal, () -> new Browser("de-DE"), 30);
    }

    /**
     * The whole flow with browsers from {@code browsers}; at least {@code checked} answers under the Köln base are
     * checked by {@link PageChecks}.
     */
    static String apply(WebPortalWorld world, WebPortals.Running portal, Supplier<Browser> browsers, int checked)
            throws Exception {
        URI base = portal.koeln();
        Browser phone = browsers.get();

        // start page: title, responsible municipality, login and fee
        Browser.Page start = phone.get(URI.create(base + "/dienst/" + WebPortalWorld.PERMIT));
        assertThat(start.status()).isEqualTo(200);
        Document startPage = start.document();
        assertThat(startPage.select("h1")).hasSize(1);
        assertThat(startPage.selectFirst("h1").text()).isEqualTo("Anwohnerparkausweis beantragen");
        assertThat(startPage.selectFirst("header").text()).contains("Stadt Köln");
        assertThat(startPage.selectFirst("dl").text()).contains("substantiell").contains("30,60");

        // POST start -> login page (the service needs a login) -> auto-post to the IdP
        Browser.Page login = phone.submit(start, start.form("main form"), null, Map.of());
        assertThat(login.chain()).startsWith(303);
        assertThat(login.uri().getPath()).endsWith("/anmelden");
        Browser.Page forward = phone.submit(login, login.form("main form"), null, Map.of());
        Element toIdp = forward.form("form[data-ozg-autopost]");
        assertThat(toIdp.absUrl("action")).endsWith("/idp/sso");
        assertThat(forward.header("Content-Security-Policy")).contains("form-action").doesNotContain("unsafe-inline")
                .contains(URI.create(toIdp.absUrl("action")).getRawAuthority());
        Browser.Page step0 = logIn(phone, forward);

        // step 1: prefilled from the login
        assertThat(step0.uri().getPath()).endsWith("/schritt/0");
        assertThat(step0.document().select("input[value=ERIKA]")).isNotEmpty();
        Element given = step0.document().selectFirst("input[value=ERIKA]");
        assertThat(step0.document().getElementById(given.attr("aria-describedby")).text())
                .contains("Aus Ihrem Servicekonto übernommen");
        assertThat(given.hasAttr("readonly")).as("the given name from the eID is not editable").isTrue();
        Browser.Page forth = phone.submit(step0, step0.form("#ozg-form"), "_next=next", Map.of());
        assertThat(forth.chain()).startsWith(303);
        assertThat(forth.uri().getPath()).endsWith("/schritt/1");
        // back and forth again
        Browser.Page back = phone.submit(forth, forth.form("#ozg-form"), "_back=back", Map.of());
        assertThat(back.uri().getPath()).endsWith("/schritt/0");
        Browser.Page step1 = phone.submit(back, back.form("#ozg-form"), "_next=next", Map.of());
        assertThat(step1.uri().getPath()).endsWith("/schritt/1");

        // step 2: a wrong postal code shows the error summary and the inline message, then the correction
        Browser.Page wrong = phone.submit(step1, step1.form("#ozg-form"), "_next=next", address("5114"));
        assertThat(wrong.uri().getPath()).endsWith("/schritt/1");
        Document wrongPage = wrong.document();
        assertThat(wrongPage.select(".ozg-error-summary a")).hasSize(1);
        assertThat(wrongPage.title()).startsWith("Fehler");
        assertThat(wrongPage.select("[aria-invalid=true]")).hasSize(1);
        Browser.Page step2 = phone.submit(wrong, wrong.form("#ozg-form"), "_next=next", address("51147"));
        assertThat(step2.uri().getPath()).endsWith("/schritt/2");
        assertThat(step2.document().select(".ozg-error-summary")).isEmpty();

        // leave: save and continue later
        Browser.Page saved = phone.submit(step2, step2.form("#ozg-form"), "_save=save", Map.of());
        assertThat(saved.uri().getPath()).endsWith("/gespeichert");

        // resume on another device: log in under "my applications", the draft is listed
        Browser laptop = browsers.get();
        Browser.Page drafts = laptop.get(URI.create(base + "/entwuerfe"));
        assertThat(drafts.document().select("ul.ozg-drafts")).isEmpty();
        Browser.Page forward2 = laptop.submit(drafts, drafts.form("main form"), null, Map.of());
        Browser.Page listed = logIn(laptop, forward2);
        assertThat(listed.uri().getPath()).endsWith("/entwuerfe");
        List<Element> links = listed.document().select("ul.ozg-drafts a");
        assertThat(links).hasSize(1);
        Browser.Page resumed = laptop.get(URI.create(links.get(0).absUrl("href")));
        assertThat(resumed.uri().getPath()).endsWith("/schritt/2");

        // step 3 and the review page with change links per step
        Browser.Page review = laptop.submit(resumed, resumed.form("#ozg-form"), "_next=next",
                Map.of("F99100000007", "K-AB 123", "F99100000008", "pkw"));
        assertThat(review.uri().getPath()).endsWith("/pruefen");
        Document reviewPage = review.document();
        assertThat(reviewPage.text()).contains("K-AB 123").contains("51147").contains("30,60");
        assertThat(reviewPage.select("a[href^=schritt/0]")).isNotEmpty();
        assertThat(reviewPage.select("a[href^=schritt/2]")).isNotEmpty();
        Browser.Page change = laptop.get(URI.create(reviewPage.selectFirst("a[href^=schritt/1]").absUrl("href")));
        assertThat(change.status()).isEqualTo(200);
        assertThat(change.uri().getPath()).endsWith("/schritt/1");
        assertThat(change.document().select("input[value=51147]")).hasSize(1);

        // pay: cancelled at the pay page -> a retry is offered; the retry pays
        Browser.Page firstClick = laptop.submit(review, review.form("#ozg-form"), "_submit=submit", Map.of());
        assertThat(firstClick.uri().getPath()).doesNotContain("/antrag/");
        // a double click on the review page continues the payment instead of failing on the page's old version
        Browser.Page payPage = laptop.submit(review, review.form("#ozg-form"), "_submit=submit", Map.of());
        assertThat(payPage.status()).isEqualTo(200);
        assertThat(payPage.uri().getPath()).doesNotContain("/antrag/");
        Browser.Page cancelled = laptop.submit(payPage, payPage.form("form"), "action=cancel", Map.of());
        assertThat(cancelled.uri().getPath()).endsWith("/bezahlt");
        assertThat(cancelled.document().selectFirst("h1").text()).isEqualTo("Zahlung nicht abgeschlossen");
        Browser.Page payAgain = laptop.submit(cancelled, cancelled.form("main form"), null, Map.of());
        Browser.Page submitPage = laptop.submit(payAgain, payAgain.form("form"), "action=pay", Map.of());
        assertThat(submitPage.uri().getPath()).endsWith("/absenden");

        // submit, then a double click on the same form: the same receipt
        Element submitForm = submitPage.form("main form");
        Browser.Page receipt = laptop.submit(submitPage, submitForm, null, Map.of());
        Browser.Page again = laptop.submit(submitPage, submitForm, null, Map.of());
        assertThat(receipt.chain()).startsWith(303);
        assertThat(receipt.uri().getPath()).endsWith("/eingang");
        String submissionId = receipt.document().selectFirst(".ozg-submission-id").text();
        String reference = receipt.document().selectFirst(".ozg-payment-reference").text();
        assertThat(again.document().selectFirst(".ozg-submission-id").text()).isEqualTo(submissionId);
        assertThat(reference).startsWith("KZ");
        assertThat(receipt.document().text()).contains("30,60");

        // the pay page's return address again (reload, back button): the receipt, no error
        Browser.Page returnAgain = laptop.get(cancelled.uri());
        assertThat(returnAgain.chain()).containsExactly(303, 200);
        assertThat(returnAgain.uri().getPath()).endsWith("/eingang");

        // the receipt download serves what the receipt renderer made
        Element download = receipt.document().selectFirst("a[href$=/eingang/dokument]");
        Browser.Page document = laptop.get(URI.create(download.absUrl("href")));
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("Content-Disposition")).contains("eingangsbestaetigung.txt");
        assertThat(document.body()).isEqualTo("Eingangsbestätigung " + submissionId + " " + reference);

        // the back office receives it once, the postbox the message once
        portal.node().deliver();
        portal.node().deliver();
        assertThat(world.intakeCount()).isEqualTo(1);
        assertThat(world.postboxMessages()).hasSize(1);
        assertThat(world.postboxMessages().get(0)).contains(submissionId);
        // every answer of the servlet had the security headers, the page frame, no inline code, no data in URLs
        assertThat(PageChecks.all(base, phone, laptop)).isGreaterThan(checked);
        byte[] xml = world.intakeApplications().get(submissionId);
        assertThat(xml).isNotNull();
        return new String(xml, StandardCharsets.UTF_8);
    }

    /** From the page that forwards to the IdP: log in as Erika there and come back through the ACS hand-over. */
    static Browser.Page logIn(Browser browser, Browser.Page forward) throws Exception {
        Browser.Page idp = browser.submit(forward, forward.form("form[data-ozg-autopost]"), null, Map.of());
        Browser.Page answer = browser.submit(idp, idp.form("form"), null, Map.of("persona", "erika-eid"));
        Browser.Page handOver = browser.submit(answer, answer.form("form#answer"), null, Map.of());
        assertThat(handOver.uri().getPath()).endsWith("/login/acs");
        return browser.submit(handOver, handOver.form("form[data-ozg-autopost]"), null, Map.of());
    }

    static Map<String, String> address(String postalCode) {
        return Map.of("F99100000004", "Heidestraße 17", "F99100000005", postalCode, "F99100000006", "Köln");
    }

    /** The XML with what differs per run (ids, times, digests, tokens, payment references) masked. */
    static String masked(String xml) {
        return xml.replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<id>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?", "<time>")
                .replaceAll(">[A-Za-z0-9+/=\\s]{40,}<", "><base64><")
                .replaceAll("KZ[A-Za-z0-9-]+", "<kassenzeichen>");
    }
}
