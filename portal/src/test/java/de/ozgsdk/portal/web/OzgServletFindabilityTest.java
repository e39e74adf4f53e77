package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.portal.findability.XzufiExport;
import de.ozgsdk.portal.runtime.WebPortalWorld;
import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Findability over HTTP (issue 16 §5): the start page of a service carries the schema.org GovernmentService facts
 * with the responsible municipality's ARS, and the central host serves each tenant's XZuFi export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OzgServletFindabilityTest {

    private WebPortalWorld world;
    private WebPortals.Running central;
    private WebPortals.Running legacy;

    @BeforeAll
    void start() throws Exception {
        world = new WebPortalWorld("h2");
        central = WebPortals.central(world);
        legacy = WebPortals.legacy(world);
    }

    @AfterAll
    void stop() throws Exception {
        legacy.close();
        central.close();
        world.close();
    }

    @Test
    void theStartPageCarriesTheServiceFactsWithTheMunicipalityOfItsTenant() throws Exception {
        for (URI base : new URI[] {central.koeln(), central.bonn()}) {
            Browser.Page page = new Browser("de-DE").get(URI.create(base + "/dienst/" + WebPortalWorld.PERMIT));
            Document html = Jsoup.parse(page.body());
            Element facts = html.selectFirst("[typeof=GovernmentService]");
            assertThat(facts).as("GovernmentService on %s", base).isNotNull();
            String ars = base.equals(central.koeln()) ? "053150000000" : "053140000000";
            assertThat(facts.select("[property=areaServed] [property=value], [property=provider] [property=value]")
                    .eachText()).contains(ars);
            assertThat(facts.selectFirst("link[property=url]").attr("href"))
                    .isEqualTo(base + "/dienst/" + WebPortalWorld.PERMIT);
        }
    }

    @Test
    void theCentralHostServesEachTenantsXzufiExportAndTheLegacyPortalWithoutExportDoesNot() throws Exception {
        Browser.Page koeln = new Browser("de-DE").get(URI.create(central.koeln() + "/xzufi.xml"));

        assertThat(koeln.status()).isEqualTo(200);
        assertThat(koeln.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/xml"));
        assertThat(koeln.body()).contains(XzufiExport.NAMESPACE, "053150000000",
                central.koeln() + "/dienst/" + WebPortalWorld.PERMIT).doesNotContain("053140000000");
        assertThat(new Browser("de-DE").get(URI.create(legacy.koeln() + "/xzufi.xml")).status()).isEqualTo(404);
    }
}
