package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.portal.runtime.WebPortalWorld;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The servlet's protections over real HTTP in the central host: CSRF (403 without or with a wrong token or from a
 * foreign origin, nothing stored), tenant isolation of drafts, error pages with the OZG code in German or English
 * and no stack trace, the language switch keeping the state, the free service submitted without payment, and the
 * tenant's colours as a style sheet file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OzgServletSecurityTest {

    private WebPortalWorld world;
    private WebPortals.Running host;

    @BeforeAll
    void start() throws Exception {
        world = new WebPortalWorld("h2");
        host = WebPortals.central(world, (receipt, service, tenant) -> {
            throw new IllegalStateException("renderer broken for " + receipt.data());
        });
    }

    @AfterAll
    void stop() throws Exception {
        host.close();
        world.close();
    }

    private URI koeln(String path) {
        return URI.create(host.koeln() + path);
    }

    /** Starts the free service (no login) and returns its first step. */
    private Browser.Page startFree(Browser browser, URI base) throws Exception {
        Browser.Page start = browser.get(URI.create(base + "/dienst/" + WebPortalWorld.FREE));
        Browser.Page step = browser.submit(start, start.form("main form"), null, Map.of());
        assertThat(step.uri().getPath()).endsWith("/schritt/0");
        return step;
    }

    @Test
    void aPostWithoutOrWithAWrongTokenOrFromAForeignOriginIsRefusedAndChangesNothing() throws Exception {
        Browser browser = new Browser("de-DE");
        Browser.Page step = startFree(browser, host.koeln());
        Element form = step.form("#ozg-form");
        Map<String, String> values = Map.of("F99100000001", "Mallory");

        Element withoutToken = form.clone();
        withoutToken.select("input[name=_csrf]").remove();
        HttpResponse<String> missing = browser.post(step, withoutToken, "_save=save", values, Map.of());
        HttpResponse<String> wrong = browser.post(step, form, "_save=save",
                Map.of("F99100000001", "Mallory", "_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), Map.of());
        HttpResponse<String> foreign = browser.post(step, form, "_save=save", values,
                Map.of("Origin", "https://angreifer.example"));
        for (HttpResponse<String> refused : new HttpResponse[] {missing, wrong, foreign}) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Anfrage abgewiesen");
            assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        }
        assertThat(browser.get(step.uri()).document().select("input[value=Mallory]")).isEmpty();

        // the same form with its token is accepted (and redirected: Post/Redirect/Get)
        HttpResponse<String> accepted = browser.post(step, form, "_save=save", values, Map.of());
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(browser.get(step.uri()).document().select("input[value=Mallory]")).hasSize(1);
    }

    @Test
    void aSecondTenantsPathCannotReadTheFirstTenantsDraft() throws Exception {
        Browser citizen = new Browser("de-DE");
        Browser.Page step = startFree(citizen, host.koeln());
        citizen.submit(step, step.form("#ozg-form"), "_save=save", Map.of("F99100000001", "Mallory"));
        String path = step.uri().getPath().substring(host.koeln().getPath().length());
        URI inBonn = URI.create(host.bonn() + path);

        // the same browser: Köln's session cookie is scoped to Köln's path
        Browser.Page sameBrowser = citizen.get(inBonn);
        // a Bonn session with an application of its own
        startFree(citizen, host.bonn());
        Browser.Page withBonnOwner = citizen.get(inBonn);
        // Köln's session cookie sent to Bonn on purpose
        String cookie = citizen.cookies.getCookieStore().get(host.koeln()).stream()
                .filter(c -> c.getName().contains("ozg-flow")).findFirst().orElseThrow().toString();
        Browser attacker = new Browser("de-DE");
        HttpResponse<String> withKoelnCookie = attacker.send(HttpRequest.newBuilder(inBonn).header("Cookie", cookie)
                .GET());
        for (String body : new String[] {sameBrowser.body(), withBonnOwner.body(), withKoelnCookie.body()}) {
            assertThat(body).doesNotContain("Mallory").contains("OZG-PORTAL-301").contains("Bundesstadt Bonn");
        }
        assertThat(sameBrowser.status()).isEqualTo(404);
        assertThat(withBonnOwner.status()).isEqualTo(404);
        assertThat(withKoelnCookie.statusCode()).isEqualTo(404);
        assertThat(citizen.get(step.uri()).document().select("input[value=Mallory]")).hasSize(1);
    }

    @Test
    void errorsArePagesWithTheOzgCodeInGermanOrEnglishAndNeverAStackTrace() throws Exception {
        Browser german = new Browser("de-DE");
        Browser.Page unknownApplication = german.get(koeln("/antrag/" + UUID.randomUUID() + "/schritt/0"));
        assertThat(unknownApplication.status()).isEqualTo(404);
        assertThat(unknownApplication.document().selectFirst(".ozg-error-code").text()).isEqualTo("OZG-PORTAL-301");
        assertThat(unknownApplication.document().selectFirst("[role=alert]").text()).contains("wurde nicht gefunden");
        Browser.Page unknownPage = german.get(koeln("/gibt-es-nicht"));
        assertThat(unknownPage.status()).isEqualTo(404);
        assertThat(unknownPage.document().selectFirst(".ozg-error-code").text()).isEqualTo("OZG-PORTAL-521");

        Browser english = new Browser("en-GB,en;q=0.9");
        Browser.Page englishPage = english.get(koeln("/antrag/" + UUID.randomUUID()));
        assertThat(englishPage.document().selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(englishPage.document().selectFirst("[role=alert]").text()).contains("was not found");

        // a failing receipt renderer: the free service submitted without payment, then the download fails cleanly
        Browser.Page review = fillFree(german);
        Browser.Page receipt = german.submit(review, review.form("#ozg-form"), "_submit=submit", Map.of());
        assertThat(receipt.chain()).containsExactly(303, 200);
        assertThat(receipt.uri().getPath()).endsWith("/eingang");
        assertThat(receipt.document().select(".ozg-payment-reference")).isEmpty();
        Browser.Page broken = german.get(URI.create(receipt.document().selectFirst("a[href$=/eingang/dokument]")
                .absUrl("href")));
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.document().selectFirst(".ozg-error-code").text()).isEqualTo("OZG-PORTAL-520");
        assertThat(broken.body()).doesNotContain("IllegalStateException").doesNotContain("renderer broken");
        PageChecks.all(host.koeln(), german, english);
    }

    @Test
    void theLanguageSwitchKeepsTheApplicationAndItsInput() throws Exception {
        Browser browser = new Browser("de-DE");
        Browser.Page step = startFree(browser, host.koeln());
        Browser.Page saved = browser.submit(step, step.form("#ozg-form"), "_save=save",
                Map.of("F99100000002", "Musterfrau"));
        Browser.Page german = browser.get(step.uri());
        Element toEnglish = german.document().selectFirst("nav.ozg-language a[hreflang=en]");
        Browser.Page english = browser.get(URI.create(toEnglish.absUrl("href")));
        assertThat(english.chain()).containsExactly(303, 200);
        assertThat(english.uri()).isEqualTo(step.uri());
        Document page = english.document();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("input[value=Musterfrau]")).hasSize(1);
        assertThat(page.select("button[name=_next]").last().text()).isEqualTo("Continue");
        assertThat(saved.uri().getPath()).endsWith("/gespeichert");
        Browser.Page back = browser.get(URI.create(page.selectFirst("nav.ozg-language a[hreflang=de]")
                .absUrl("href")));
        assertThat(back.document().selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(back.document().select("input[value=Musterfrau]")).hasSize(1);
    }

    @Test
    void theTenantsColoursAndTheStyleSheetAreFiles() throws Exception {
        Browser browser = new Browser("de-DE");
        Browser.Page start = browser.get(koeln("/"));
        Document page = start.document();
        assertThat(page.select("link[rel=stylesheet]")).extracting(e -> e.attr("href"))
                .containsExactly(host.koeln().getPath() + "/static/ozg-portal.css",
                        host.koeln().getPath() + "/mandant.css");
        Browser.Page css = browser.get(koeln("/mandant.css"));
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.body()).contains("--ozg-tenant-primary: #1F4E79");
        Browser.Page sheet = browser.get(koeln("/static/ozg-portal.css"));
        assertThat(sheet.body()).contains(".ozg-skip").contains(".ozg-error-summary");
        Browser.Page script = browser.get(koeln("/static/autopost.js"));
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        PageChecks.all(host.koeln(), browser);
    }

    @Test
    void aLoginAnswerIsAcceptedOnlyInTheSessionThatStartedTheLogin() throws Exception {
        Browser victim = new Browser("de-DE");
        Browser attacker = new Browser("de-DE");
        forwardToLogin(victim);
        Browser.Page attackerForward = forwardToLogin(attacker);
        Browser.Page idp = attacker.submit(attackerForward, attackerForward.form("form[data-ozg-autopost]"), null,
                Map.of());
        Browser.Page answer = attacker.submit(idp, idp.form("form"), null, Map.of("persona", "erika-eid"));

        // the attacker's valid answer, posted by the victim's browser (login CSRF), is refused
        Browser.Page handOver = victim.submit(answer, answer.form("form#answer"), null, Map.of());
        Browser.Page refused = victim.submit(handOver, handOver.form("form[data-ozg-autopost]"), null, Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.document().selectFirst(".ozg-error-code").text()).isEqualTo("OZG-PORTAL-522");

        // and without any session the hand-over finds no login to complete
        Browser stranger = new Browser("de-DE");
        HttpResponse<String> lost = stranger.post(handOver, handOver.form("form[data-ozg-autopost]"), null, Map.of(),
                Map.of());
        assertThat(lost.statusCode()).isEqualTo(404);
        assertThat(lost.body()).contains("OZG-PORTAL-524");
    }

    @Test
    void aCitizenOfTheSecondTenantLogsInThroughTheAcsTheTenantsShare() throws Exception {
        Browser citizen = new Browser("de-DE");
        Browser.Page start = citizen.get(URI.create(host.bonn() + "/dienst/" + WebPortalWorld.PERMIT));
        Browser.Page login = citizen.submit(start, start.form("main form"), null, Map.of());
        Browser.Page forward = citizen.submit(login, login.form("main form"), null, Map.of());
        Browser.Page idp = citizen.submit(forward, forward.form("form[data-ozg-autopost]"), null, Map.of());
        Browser.Page answer = citizen.submit(idp, idp.form("form"), null, Map.of("persona", "erika-eid"));
        Browser.Page handOver = citizen.submit(answer, answer.form("form#answer"), null, Map.of());
        assertThat(handOver.uri().getPath()).startsWith(host.koeln().getPath() + "/login/acs");
        Browser.Page step = citizen.submit(handOver, handOver.form("form[data-ozg-autopost]"), null, Map.of());
        assertThat(step.status()).isEqualTo(200);
        assertThat(step.uri().getPath()).startsWith(host.bonn().getPath() + "/antrag/").endsWith("/schritt/0");
        assertThat(step.document().selectFirst("header").text()).contains("Bundesstadt Bonn");
        assertThat(step.document().select("input[value=ERIKA]")).isNotEmpty();
    }

    private Browser.Page forwardToLogin(Browser browser) throws Exception {
        Browser.Page start = browser.get(koeln("/dienst/" + WebPortalWorld.PERMIT));
        Browser.Page login = browser.submit(start, start.form("main form"), null, Map.of());
        return browser.submit(login, login.form("main form"), null, Map.of());
    }

    /** The free service filled in over its three steps; returns the review page. */
    private Browser.Page fillFree(Browser browser) throws Exception {
        Browser.Page step0 = startFree(browser, host.koeln());
        Browser.Page step1 = browser.submit(step0, step0.form("#ozg-form"), "_next=next", Map.of(
                "F99100000001", "Max", "F99100000002", "Mustermann", "F99100000003", "01.02.1980"));
        assertThat(step1.uri().getPath()).endsWith("/schritt/1");
        Browser.Page step2 = browser.submit(step1, step1.form("#ozg-form"), "_next=next", Map.of(
                "F99100000004", "Domstraße 1", "F99100000005", "50667", "F99100000006", "Köln"));
        assertThat(step2.uri().getPath()).endsWith("/schritt/2");
        Browser.Page review = browser.submit(step2, step2.form("#ozg-form"), "_next=next", Map.of(
                "F99100000007", "K-XY 1", "F99100000008", "pkw"));
        assertThat(review.uri().getPath()).endsWith("/pruefen");
        return review;
    }
}
