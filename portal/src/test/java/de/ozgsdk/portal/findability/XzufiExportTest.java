package de.ozgsdk.portal.findability;

import static de.ozgsdk.portal.findability.FindabilityFixtures.ARS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.PortalTenant;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The export read the way published readers of XZuFi 2.2.0 files from the PVOG read it: the same element paths
 * (leistung/referenzLeiKa/code, modulText with leikaTextmodul/code 02, organisationseinheit/zustaendigkeit with
 * leistungID and gebietID, onlinedienst/link with typ code 01 and link), with a hardened parser.
 */
class XzufiExportTest {

    private static final String NS = XzufiExport.NAMESPACE;

    private final OnlineService parking = FindabilityFixtures.parkingPermit();
    private final OnlineService dog = FindabilityFixtures.service("hundesteuer", "Hund anmelden")
            .title(LocalizedText.of("Hund zur Hundesteuer anmelden")).build();
    private final OnlineService notOffered = FindabilityFixtures.service("sperrmuell", "Sperrmüll anmelden").build();

    @Test
    void exportsEveryOfferedServiceAsLeistungWithZustaendigkeitForTheArsAndOnlinedienstLink() throws Exception {
        Document xml = export(FindabilityFixtures.cologne(parking.id(), dog.id()), List.of(notOffered, parking, dog));

        assertThat(string(xml, "/*/@xzufiVersion")).isEqualTo("2.2.0");
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
        assertThat(count(xml, "/*/x:nachrichtenkopf")).isEqualTo(1);
        assertThat(strings(xml, "/*/x:schreibe/x:leistung/x:id")).containsExactly("anwohnerparkausweis",
                "hundesteuer");
        assertThat(strings(xml, "/*/x:schreibe/x:leistung[x:id='anwohnerparkausweis']/x:referenzLeiKa/code"))
                .containsExactly(FindabilityFixtures.PARKING_LEIKA, FindabilityFixtures.SECOND_LEIKA);
        assertThat(strings(xml, "/*/x:schreibe/x:leistung[x:id='anwohnerparkausweis']"
                + "/x:modulText[x:leikaTextmodul/code='02']/x:inhalt"))
                .containsExactly("Anwohnerparkausweis beantragen", "Apply for a residents' parking permit");
        assertThat(strings(xml, "/*/x:schreibe/x:leistung[x:id='anwohnerparkausweis']"
                + "/x:modulText[x:leikaTextmodul/code='02']/x:inhalt/@languageCode")).containsExactly("de", "en");
        assertThat(string(xml, "/*/x:schreibe/x:leistung[1]/x:modulText[1]/x:leikaTextmodul/@listURI"))
                .isEqualTo("urn:de:xzufi:codeliste:leistungstextmodulleika");
        assertThat(strings(xml, "/*/x:schreibe/x:leistung[x:id='anwohnerparkausweis']"
                + "/x:modulText[x:leikaTextmodul/code='06']/x:inhalt[@languageCode='de']"))
                .containsExactly("Bewohnerinnen und Bewohner erhalten einen Ausweis für die Zone.");
        assertThat(count(xml, "//x:leistung[x:id='hundesteuer']/x:modulText[x:leikaTextmodul/code='06']")).isZero();

        assertThat(string(xml, "/*/x:schreibe/x:organisationseinheit/x:id")).isEqualTo(ARS);
        assertThat(string(xml, "/*/x:schreibe/x:organisationseinheit/x:id/@schemeAgencyID")).isEqualTo("nrw-test");
        assertThat(strings(xml, "/*/x:schreibe/x:organisationseinheit/x:name/x:name"))
                .containsExactly("Stadt Köln", "City of Cologne");
        assertThat(strings(xml, "//x:organisationseinheit/x:zustaendigkeit/x:leistungID"))
                .containsExactly("anwohnerparkausweis", "hundesteuer");
        assertThat(strings(xml, "//x:organisationseinheit/x:zustaendigkeit/x:gebietID")).containsExactly(ARS, ARS);

        assertThat(strings(xml, "/*/x:schreibe/x:onlinedienst/x:bezeichnung[@languageCode='de']"))
                .containsExactly("Anwohnerparkausweis beantragen", "Hund zur Hundesteuer anmelden");
        assertThat(strings(xml, "/*/x:schreibe/x:onlinedienst/x:link[x:typ/code='01']/x:link")).containsExactly(
                "https://portal.example/053150000000/anwohnerparkausweis",
                "https://portal.example/053150000000/hundesteuer");
        assertThat(string(xml, "/*/x:schreibe/x:onlinedienst[1]/x:link/x:typ/@listURI"))
                .isEqualTo("urn:xoev-de:fim:codeliste:onlinedienstlinktyp");
        assertThat(xmlText(FindabilityFixtures.cologne(parking.id()), List.of(parking))).doesNotContain("sperrmuell");
    }

    @Test
    void escapesTextsAndReplacesCharactersXmlCannotCarry() throws Exception {
        OnlineService odd = FindabilityFixtures.service("parken", "x")
                .title(LocalizedText.of("Parken <Zone> & \"Anwohner\" \u0007 ]]> \uD83D\uDE97")).build();

        Document xml = export(FindabilityFixtures.cologne("parken"), List.of(odd));

        assertThat(string(xml, "//x:leistung/x:modulText/x:inhalt"))
                .isEqualTo("Parken <Zone> & \"Anwohner\" \uFFFD ]]> \uD83D\uDE97");
    }

    @Test
    void sameClockAndIdsGiveTheSameExport() {
        PortalTenant tenant = FindabilityFixtures.cologne(parking.id());

        assertThat(xmlText(tenant, List.of(parking))).isEqualTo(xmlText(tenant, List.of(parking)))
                .contains("<xzufi:erstellungszeitpunkt>2026-03-02T09:15:00Z</xzufi:erstellungszeitpunkt>");
    }

    @Test
    void refusesWhenTheTenantOffersAServiceThatWasNotGiven() {
        assertThatThrownBy(() -> export(FindabilityFixtures.cologne(parking.id(), dog.id()), List.of(parking)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code())
                        .isEqualTo(PortalError.XZUFI_SERVICE_MISSING))
                .hasMessageContaining("hundesteuer");
    }

    @Test
    void refusesALinkThatIsNotAnAbsoluteHttpUrl() {
        XzufiExport export = XzufiExport.builder("nrw-test").build();

        assertThatThrownBy(() -> export.write(FindabilityFixtures.cologne(parking.id()), List.of(parking),
                s -> URI.create("/relative/" + s.id()), new ByteArrayOutputStream()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code())
                        .isEqualTo(PortalError.FINDABILITY_LINK_INVALID));
    }

    @Test
    void aServiceWithSeveralLeikaKeysKeepsThemAll() throws Exception {
        OnlineService two = FindabilityFixtures.service("zwei", "Zwei").leikaKey(LeikaKey.parse("99050012104002"))
                .build();

        Document xml = export(FindabilityFixtures.cologne("zwei"), List.of(two));

        assertThat(strings(xml, "//x:leistung/x:referenzLeiKa/code"))
                .containsExactly(FindabilityFixtures.PARKING_LEIKA, "99050012104002");
    }

    private static XzufiExport fixedExport() {
        AtomicLong next = new AtomicLong();
        return XzufiExport.builder("nrw-test")
                .clock(Clock.fixed(Instant.parse("2026-03-02T09:15:00.123Z"), ZoneOffset.UTC))
                .uuids(() -> new UUID(0, next.incrementAndGet()))
                .build();
    }

    private static String xmlText(PortalTenant tenant, List<OnlineService> services) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fixedExport().write(tenant, services, FindabilityFixtures::link, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Document export(PortalTenant tenant, List<OnlineService> services) {
        byte[] bytes = xmlText(tenant, services).getBytes(StandardCharsets.UTF_8);
        return SecureXml.defaults().parse(new ByteArrayInputStream(bytes), "xzufi-export.xml");
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "x".equals(prefix) ? NS : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return List.<String>of().iterator();
            }
        });
        return xpath;
    }

    private static List<String> strings(Document xml, String expression) throws Exception {
        NodeList nodes = (NodeList) xpath().evaluate(expression, xml, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }

    private static String string(Document xml, String expression) throws Exception {
        List<String> values = strings(xml, expression);
        assertThat(values).as(expression).hasSize(1);
        return values.get(0);
    }

    private static int count(Document xml, String expression) throws Exception {
        return strings(xml, expression).size();
    }
}
