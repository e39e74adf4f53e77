package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.xml.XmlError;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading goes only through core's hardened parser: DTDs and external entities are refused, nothing is fetched. */
class XoevSerializerHardeningTest {

    private final XoevSerializer<Nachrichtenkopf> serializer = Samples.kopfSerializer();
    private MockWebServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.enqueue(new MockResponse.Builder().code(200).body("<!ENTITY x \"fetched\">").build());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void refusesAnExternalEntityWithoutFetchingIt() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE basis:nachrichtenkopf [<!ENTITY xxe SYSTEM \""
                + server.url("/secret") + "\">]>\n"
                + "<basis:nachrichtenkopf xmlns:basis=\"urn:ozgsdk:xoev:basis:1.0\"><produkt>&xxe;</produkt>"
                + "</basis:nachrichtenkopf>";

        assertRefusedAsDtd(xml);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refusesAnExternalDtdWithoutFetchingIt() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"" + server.url("/evil.dtd") + "\">\n"
                + "<basis:nachrichtenkopf xmlns:basis=\"urn:ozgsdk:xoev:basis:1.0\"/>";

        assertRefusedAsDtd(xml);
        assertRefusedAsDtdWithoutValidation(xml);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void ignoresSchemaLocationHintsWithoutFetchingThem() {
        String valid = new String(serializer.toBytes(Samples.kopf()), StandardCharsets.UTF_8).replace(
                "<basis:nachrichtenkopf xmlns:basis=\"urn:ozgsdk:xoev:basis:1.0\">",
                "<basis:nachrichtenkopf xmlns:basis=\"urn:ozgsdk:xoev:basis:1.0\" xmlns:xsi=\""
                        + "http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:ozgsdk:xoev:basis:1.0 "
                        + server.url("/basis.xsd") + "\">");

        assertThat(serializer.read(valid.getBytes(StandardCharsets.UTF_8), "k.xml")).isEqualTo(Samples.kopf());
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void reportsMalformedDocumentsAsSdkExceptions() {
        for (String broken : new String[] {"", "<", "<basis:nachrichtenkopf xmlns:basis=\"urn:ozgsdk:xoev:basis:1.0\">",
                "<a/><b/>", "\u0000", "<basis:nachrichtenkopf xmlns:basis=\"urn:ozgsdk:xoev:basis:1.0\"/><x/>"}) {
            assertThatThrownBy(() -> serializer.read(broken.getBytes(StandardCharsets.UTF_8), "broken.xml"))
                    .as(broken)
                    .isInstanceOf(OzgException.class);
        }
    }

    private void assertRefusedAsDtd(String xml) {
        assertThatThrownBy(() -> serializer.read(xml.getBytes(StandardCharsets.UTF_8), "xxe.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }

    private void assertRefusedAsDtdWithoutValidation(String xml) {
        assertThatThrownBy(() -> serializer.withoutValidation().read(xml.getBytes(StandardCharsets.UTF_8), "x.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }
}
