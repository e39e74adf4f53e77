package de.ozgsdk.core.snippets;

import static de.ozgsdk.core.crypto.TestPki.certificatePem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.Bundesland;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.core.crypto.TestPki;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.core.xml.SchemaResources;
import de.ozgsdk.core.xml.SecureXml;
import jakarta.xml.bind.JAXBContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.xml.validation.Schema;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * The code samples of core's Javadoc, run: each region is copied verbatim into a Javadoc {@code <pre>{@code …}</pre>}
 * block (checked by DocSnippetsTest in the examples module), and the assertions after it prove what the sample's
 * comments claim.
 */
class CoreSnippetsTest {

    private static final Logger log = LoggerFactory.getLogger(CoreSnippetsTest.class);

    @TempDir
    Path configDir;

    private final Page page = new Page();

    @Test
    void localizedTextFallsBackToTheLanguageAndThenToGerman() {
        // @start region="localized-text"
        LocalizedText label = LocalizedText.builder("Familienname")
                .put(Locale.ENGLISH, "Surname")
                .build();
        String british = label.get(Locale.forLanguageTag("en-GB")); // "Surname": falls back from en-GB to en
        String turkish = label.get(Locale.forLanguageTag("tr"));    // "Familienname": falls back to German
        // @end

        assertThat(british).isEqualTo("Surname");
        assertThat(turkish).isEqualTo("Familienname");
    }

    @Test
    void storkLevelFourIsHighAndAtLeastSubstantial() {
        // @start region="trust-level"
        TrustLevel login = TrustLevel.parse("STORK-QAA-Level-4"); // HIGH (online ID card)
        boolean enough = login.isAtLeast(TrustLevel.SUBSTANTIAL);   // true
        // @end

        assertThat(login).isEqualTo(TrustLevel.HIGH);
        assertThat(enough).isTrue();
    }

    @Test
    void regionalKeyOfCologneKnowsItsLandAndAgs() {
        // @start region="regional-key"
        RegionalKey cologne = RegionalKey.parse("053150000000");
        Bundesland land = cologne.land(); // NORDRHEIN_WESTFALEN
        String ags = cologne.ags();       // "05315000", the Amtlicher Gemeindeschlüssel
        // @end

        assertThat(land).isEqualTo(Bundesland.NORDRHEIN_WESTFALEN);
        assertThat(ags).isEqualTo("05315000");
    }

    @Test
    void moneyFormatsInGermanWithANoBreakSpace() {
        // @start region="money"
        Money fee = Money.parse("12,50");
        String total = fee.times(2).format(Locale.GERMANY); // "25,00 €" (with a no-break space before the sign)
        // @end

        assertThat(total).isEqualTo("25,00\u00a0€");
    }

    @Test
    void invalidInputShowsTheGermanUserMessage() {
        String input = "4711";

        // @start region="user-message"
        try {
            LeikaKey service = LeikaKey.parse(input);
            page.show(service.value());
        } catch (InvalidInputException e) {
            page.showError(e.userMessage(Locale.GERMAN)); // Der Leistungsschlüssel "4711" ist ungültig: er muss …
            log.warn("rejected input, code {}", e.code().code());
        }
        // @end

        assertThat(page.shown).isEmpty();
        assertThat(page.errors).singleElement().asString()
                .startsWith("Der Leistungsschlüssel \"4711\" ist ungültig: er muss aus genau 14 Ziffern bestehen");
    }

    @Test
    void sealerSealsWithTheNewestKeyAndOpensOnlyInTheSameContext() {
        Map<String, String> secrets = Map.of(
                "OZG_SEAL_KEY_2026_11", randomKeyBase64(), "OZG_SEAL_KEY_2027_01", randomKeyBase64());
        byte[] plaintext = "{\"familienname\":\"Mustermann\"}".getBytes(StandardCharsets.UTF_8);

        // @start region="sealer"
        Sealer sealer = Sealer.builder()
                .keyBase64("2026-11", secrets.get("OZG_SEAL_KEY_2026_11"))
                .keyBase64("2027-01", secrets.get("OZG_SEAL_KEY_2027_01")) // the last added key seals from now on
                .build();
        byte[] context = "draft:4711".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = sealer.seal(plaintext, context);
        byte[] opened = sealer.open(sealed, context); // fails with SecurityCheckException if altered or out of context
        // @end

        assertThat(opened).isEqualTo(plaintext);
        assertThat(Sealer.keyIdOf(sealed)).isEqualTo("2027-01");
        byte[] otherContext = "draft:4712".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> sealer.open(sealed, otherContext)).isInstanceOf(SecurityCheckException.class);
    }

    @Test
    void trustedCertificatesFromPemTrustWhatTheirCaIssued() throws Exception {
        HeldCertificate ca = TestPki.certificateAuthority("Fachverfahren CA");
        HeldCertificate server = TestPki.leaf("intake.localhost", ca);
        TestPki.writePem(configDir.resolve("fachverfahren-ca.pem"), certificatePem(ca.certificate()));

        // @start region="trusted-certificates"
        TrustedCertificates anchors = TrustedCertificates.load(configDir.resolve("fachverfahren-ca.pem"));
        X509TrustManager trust = anchors.trustManager();
        // @end

        trust.checkServerTrusted(new X509Certificate[] {server.certificate(), ca.certificate()}, "ECDHE_ECDSA");
        HeldCertificate stranger = TestPki.leaf("stranger", TestPki.certificateAuthority("Other CA"));
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {stranger.certificate()},
                "ECDHE_ECDSA")).isInstanceOf(java.security.cert.CertificateException.class);
    }

    @Test
    void clientCredentialAndAnchorsMakeAMutualTlsConnection() throws Exception {
        char[] password = "changeit-not".toCharArray();
        HeldCertificate ca = TestPki.certificateAuthority("Fachverfahren CA");
        HeldCertificate client = TestPki.leaf("ozg-client", ca);
        TestPki.writePkcs12(configDir.resolve("client.p12"), password, "client", client, ca.certificate());
        TestPki.writePem(configDir.resolve("fachverfahren-ca.pem"), certificatePem(ca.certificate()));

        try (MockWebServer intake = startServerRequiringClientCertificates(ca)) {
            // @start region="mutual-tls"
            PrivateKeyCredential tls = PrivateKeyCredential.fromPkcs12(configDir.resolve("client.p12"), password);
            tls.requireValidAt(Instant.now());
            TrustedCertificates anchors = TrustedCertificates.load(configDir.resolve("fachverfahren-ca.pem"));
            SSLContext mutualTls = SSLContext.getInstance("TLS");
            mutualTls.init(new KeyManager[] {tls.keyManager()}, new TrustManager[] {anchors.trustManager()}, null);
            // with ozg-http: OzgHttpClients.create(HttpClientConfig.builder().clientCredential(tls).build())
            // @end

            HttpsURLConnection connection = (HttpsURLConnection) new URL(intake.url("/ping").toString())
                    .openConnection();
            connection.setSSLSocketFactory(mutualTls.getSocketFactory());
            assertThat(connection.getResponseCode()).isEqualTo(200);
            assertThat(intake.takeRequest().getHandshake().peerCertificates().get(0))
                    .isEqualTo(client.certificate());
        }
    }

    @Test
    void schemaSetCompilesFromLocalFilesWithMappedNamespaceAndLocation() throws Exception {
        Path xbauSchemas = writeXbauLikeSchemaSet(configDir.resolve("xbau-2.3"));

        // @start region="schema-resources"
        SchemaResources xsds = SchemaResources.inDirectory(xbauSchemas)
                .namespace("http://xoev.de/schemata/basisdatentypen/1_1", "xoev/xoev-basisdatentypen.xsd")
                .location("http://xoev.de/schemata/code/1_0/xoev-code.xsd", "xoev/xoev-code.xsd")
                .build();
        Schema schema = SecureXml.defaults().newSchema(xsds, "xbau-nachrichten.xsd");
        // @end

        SecureXml.defaults().validate(schema, stream(XBAU_MESSAGE), "nachricht.xml");
        assertThatThrownBy(() -> SecureXml.defaults().validate(schema,
                stream(XBAU_MESSAGE.replace("2026-12-07", "7.12.2026")), "nachricht.xml"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void secureParsingShowsTheRootOfAGoodDocument() throws Exception {
        Path upload = Files.writeString(configDir.resolve("antrag.xml"), ANTRAG);

        parseUpload(upload);

        assertThat(page.shown).containsExactly("antrag");
        assertThat(page.errors).isEmpty();
    }

    @Test
    void secureParsingShowsTheCodedMessageForADoctype() throws Exception {
        Path upload = Files.writeString(configDir.resolve("antrag.xml"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE antrag [<!ENTITY x \"y\">]>\n" + ANTRAG);

        parseUpload(upload);

        assertThat(page.shown).isEmpty();
        assertThat(page.errors).singleElement().asString().contains("DOCTYPE").contains("Zeile 2");
    }

    private void parseUpload(Path upload) throws Exception {
        // @start region="secure-parse"
        SecureXml xml = SecureXml.defaults();
        try (InputStream in = Files.newInputStream(upload)) {
            Document document = xml.parse(in, "antrag-4711.xml");
            page.show(document.getDocumentElement().getLocalName());
        } catch (InvalidInputException e) {
            page.showError(e.userMessage(Locale.GERMAN)); // OZG-XML-101: the document contains a DOCTYPE, line 2 …
        }
        // @end
    }

    @Test
    void strictLimitsStillUnmarshalANormalApplication() throws Exception {
        InputStream in = stream(ANTRAG);

        // @start region="secure-unmarshal"
        SecureXml strict = SecureXml.builder().maxElementDepth(64).maxDocumentBytes(1_000_000).build();
        Antrag antrag = strict.unmarshal(JAXBContext.newInstance(Antrag.class), Antrag.class, in, "antrag-4711.xml");
        // @end

        assertThat(antrag.aktenzeichen).isEqualTo("AZ-4711");
    }

    private static final String ANTRAG = """
            <antrag xmlns="urn:ozg-sdk:test:antrag"><aktenzeichen>AZ-4711</aktenzeichen></antrag>
            """;

    private static final String XBAU_MESSAGE = """
            <baugenehmigung.antrag.0200 xmlns="http://www.xleitstelle.de/xbau/2/3"
                xmlns:bdt="http://xoev.de/schemata/basisdatentypen/1_1" xmlns:code="http://xoev.de/schemata/code/1_0">
              <antragsdatum><bdt:datum>2026-12-07</bdt:datum></antragsdatum>
              <vorhaben><code:code>1000</code:code></vorhaben>
            </baugenehmigung.antrag.0200>
            """;

    /** A schema set laid out like a published XÖV standard: the message schema imports two XÖV base schemas. */
    private static Path writeXbauLikeSchemaSet(Path folder) throws Exception {
        Files.createDirectories(folder.resolve("xoev"));
        Files.writeString(folder.resolve("xoev/xoev-basisdatentypen.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
                    targetNamespace="http://xoev.de/schemata/basisdatentypen/1_1">
                  <xs:element name="datum" type="xs:date"/>
                </xs:schema>
                """);
        Files.writeString(folder.resolve("xoev/xoev-code.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
                    targetNamespace="http://xoev.de/schemata/code/1_0">
                  <xs:element name="code" type="xs:token"/>
                </xs:schema>
                """);
        Files.writeString(folder.resolve("xbau-nachrichten.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
                    targetNamespace="http://www.xleitstelle.de/xbau/2/3"
                    xmlns:bdt="http://xoev.de/schemata/basisdatentypen/1_1"
                    xmlns:code="http://xoev.de/schemata/code/1_0">
                  <xs:import namespace="http://xoev.de/schemata/basisdatentypen/1_1"/>
                  <xs:import namespace="http://xoev.de/schemata/code/1_0"
                      schemaLocation="http://xoev.de/schemata/code/1_0/xoev-code.xsd"/>
                  <xs:element name="baugenehmigung.antrag.0200">
                    <xs:complexType>
                      <xs:sequence>
                        <xs:element name="antragsdatum">
                          <xs:complexType><xs:sequence><xs:element ref="bdt:datum"/></xs:sequence></xs:complexType>
                        </xs:element>
                        <xs:element name="vorhaben">
                          <xs:complexType><xs:sequence><xs:element ref="code:code"/></xs:sequence></xs:complexType>
                        </xs:element>
                      </xs:sequence>
                    </xs:complexType>
                  </xs:element>
                </xs:schema>
                """);
        return folder;
    }

    private static MockWebServer startServerRequiringClientCertificates(HeldCertificate ca) throws Exception {
        HeldCertificate serverCertificate = TestPki.leaf("intake.localhost", ca);
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder()
                .heldCertificate(serverCertificate, ca.certificate())
                .addTrustedCertificate(ca.certificate())
                .build();
        MockWebServer server = new MockWebServer();
        server.useHttps(serverTls.sslSocketFactory());
        server.requireClientAuth();
        server.enqueue(new MockResponse.Builder().body("ok").build());
        server.start();
        return server;
    }

    private static String randomKeyBase64() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static InputStream stream(String document) {
        return new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8));
    }
}
