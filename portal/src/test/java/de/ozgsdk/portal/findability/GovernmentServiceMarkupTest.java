package de.ozgsdk.portal.findability;

import static de.ozgsdk.portal.findability.FindabilityFixtures.ARS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.findability.RdfaLite.Node;
import de.ozgsdk.portal.service.OnlineService;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class GovernmentServiceMarkupTest {

    private final OnlineService parking = FindabilityFixtures.parkingPermit();

    @Test
    void describesTheServiceAsGovernmentServiceWithLeikaKeysProviderAreaAndLink() {
        String html = GovernmentServiceMarkup.html(parking, FindabilityFixtures.cologne(parking.id()),
                FindabilityFixtures.link(parking), Locale.GERMAN);

        List<Node> nodes = RdfaLite.read(html);
        assertThat(nodes).hasSize(1);
        Node service = nodes.get(0);
        assertThat(service.vocab()).isEqualTo("https://schema.org/");
        assertThat(service.type()).isEqualTo("GovernmentService");
        assertThat(service.text("name")).isEqualTo("Anwohnerparkausweis beantragen");
        assertThat(service.text("description")).isEqualTo("Bewohnerinnen und Bewohner erhalten einen Ausweis für die"
                + " Zone.");
        assertThat(service.text("url")).isEqualTo("https://portal.example/053150000000/anwohnerparkausweis");
        assertThat(service.all("identifier")).hasSize(2).allSatisfy(id -> {
            assertThat(((Node) id).type()).isEqualTo("PropertyValue");
            assertThat(((Node) id).text("propertyID")).isEqualTo("LeiKa");
        });
        assertThat(service.all("identifier")).extracting(id -> ((Node) id).text("value"))
                .containsExactly(FindabilityFixtures.PARKING_LEIKA, FindabilityFixtures.SECOND_LEIKA);

        Node provider = service.node("provider");
        assertThat(provider.type()).isEqualTo("GovernmentOrganization");
        assertThat(provider.text("name")).isEqualTo("Stadt Köln");
        assertThat(provider.node("identifier").text("propertyID")).isEqualTo("ARS");
        assertThat(provider.node("identifier").text("value")).isEqualTo(ARS);

        Node area = service.node("areaServed");
        assertThat(area.type()).isEqualTo("AdministrativeArea");
        assertThat(area.text("name")).isEqualTo("Stadt Köln");
        assertThat(area.node("identifier").text("propertyID")).isEqualTo("ARS");
        assertThat(area.node("identifier").text("value")).isEqualTo(ARS);

        Node channel = service.node("availableChannel");
        assertThat(channel.type()).isEqualTo("ServiceChannel");
        assertThat(channel.text("serviceUrl")).isEqualTo("https://portal.example/053150000000/anwohnerparkausweis");
    }

    @Test
    void showsTheFactsToTheCitizenAndNeedsNoScriptOrStyle() {
        String html = GovernmentServiceMarkup.html(parking, FindabilityFixtures.cologne(parking.id()),
                FindabilityFixtures.link(parking), Locale.GERMAN);

        Document document = Jsoup.parseBodyFragment(html);
        assertThat(document.body().text()).contains("Leistungsschlüssel (LeiKa)", FindabilityFixtures.PARKING_LEIKA,
                "Zuständige Behörde", "Stadt Köln (Regionalschlüssel 053150000000)", "Online-Dienst starten");
        assertThat(document.select("script, style, [style]")).isEmpty();
        for (Element element : document.body().getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("event handler attribute").doesNotStartWith("on");
            }
        }
    }

    @Test
    void escapesTextsAndTheLinkSoNothingBreaksOutOfTheMarkup() {
        String title = "Parken </h2><script>alert(1)</script> & \"Anwohner\" 'Zone'";
        OnlineService hostile = FindabilityFixtures.service("parken", title).build();
        URI link = URI.create("https://portal.example/p?a=1&b='x'");

        String html = GovernmentServiceMarkup.html(hostile, FindabilityFixtures.cologne("parken"), link,
                Locale.GERMAN);

        assertThat(Jsoup.parseBodyFragment(html).select("script")).isEmpty();
        Node service = RdfaLite.read(html).get(0);
        assertThat(service.text("name")).isEqualTo(title);
        assertThat(service.text("url")).isEqualTo("https://portal.example/p?a=1&b='x'");
        assertThat(html).doesNotContain("<script>").contains("&amp;b=");
    }

    @Test
    void englishPageHasEnglishLabelsTextsAndLanguage() {
        String html = GovernmentServiceMarkup.html(parking, FindabilityFixtures.cologne(parking.id()),
                FindabilityFixtures.link(parking), Locale.UK);

        Node service = RdfaLite.read(html).get(0);
        assertThat(service.text("name")).isEqualTo("Apply for a residents' parking permit");
        assertThat(service.node("provider").text("name")).isEqualTo("City of Cologne");
        Document document = Jsoup.parseBodyFragment(html);
        assertThat(document.selectFirst("section").attr("lang")).isEqualTo("en");
        assertThat(document.body().text()).contains("Responsible authority", "Start the online service");
    }

    @Test
    void refusesAServiceTheTenantDoesNotOffer() {
        assertThatThrownBy(() -> GovernmentServiceMarkup.html(parking, FindabilityFixtures.cologne("andere"),
                FindabilityFixtures.link(parking), Locale.GERMAN))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code())
                        .isEqualTo(PortalError.FINDABILITY_SERVICE_NOT_OFFERED))
                .hasMessageContaining("anwohnerparkausweis").hasMessageContaining(ARS);
    }

    @Test
    void refusesALinkThatIsNotAnAbsoluteHttpUrl() {
        for (String link : List.of("javascript:alert(1)", "/053150000000/anwohnerparkausweis", "ftp://x.example/a")) {
            assertThatThrownBy(() -> GovernmentServiceMarkup.html(parking, FindabilityFixtures.cologne(parking.id()),
                    URI.create(link), Locale.GERMAN))
                    .as(link)
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).code())
                            .isEqualTo(PortalError.FINDABILITY_LINK_INVALID));
        }
    }

    @Test
    void aServiceWithoutDescriptionHasNoDescriptionProperty() {
        OnlineService plain = FindabilityFixtures.service("parken", "Parken").title(LocalizedText.of("Parken"))
                .build();

        Node service = RdfaLite.read(GovernmentServiceMarkup.html(plain, FindabilityFixtures.cologne("parken"),
                URI.create("https://portal.example/parken"), Locale.GERMAN)).get(0);

        assertThat(service.all("description")).isEmpty();
        assertThat(service.all("identifier")).hasSize(1);
    }
}
