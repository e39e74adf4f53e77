package de.ozgsdk.core.xml;

import static de.ozgsdk.core.xml.TestDocuments.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import jakarta.xml.bind.JAXBContext;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Nothing external is loaded: DTDs, parameter entities, imported and included schemas, {@code xsi:schemaLocation}
 * hints and XSLT {@code document()} targets on a real HTTP server are never requested.
 */
@ParameterizedClass
@EnumSource(Stax.class)
class ExternalResourceTest {

    private static final String OTHER_SCHEMA = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:ozg-sdk:test:meta">
              <xs:element name="quelle" type="xs:int"/>
            </xs:schema>
            """;

    private final SecureXml xml;
    private MockWebServer server;
    private String baseUrl;

    private final Stax stax;

    ExternalResourceTest(Stax stax) {
        this.stax = stax;
        this.xml = stax.defaults();
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                String body = path.endsWith("antrag.xsd") ? TestDocuments.ANTRAG_SCHEMA
                        : path.endsWith(".xsd") ? OTHER_SCHEMA
                        : path.endsWith(".dtd") ? "<!ENTITY fetched \"fetched\">" : "<x>fetched</x>";
                return new MockResponse.Builder().code(200).body(body).build();
            }
        });
        server.start();
        baseUrl = server.url("/").toString();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void unhardenedJdkParserFetchesTheExternalDtdSoTheServerSeesIt() throws Exception {
        DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(in(TestDocuments.withExternalDtd(baseUrl)));

        assertThat(server.getRequestCount()).isPositive();
    }

    @Test
    void domParseRefusesExternalDtdWithoutRequest() {
        assertThatThrownBy(() -> xml.parse(in(TestDocuments.withExternalDtd(baseUrl)), "dtd.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void saxParseRefusesExternalDtdWithoutRequest() {
        assertThatThrownBy(() -> xml.parse(in(TestDocuments.withExternalDtd(baseUrl)), "dtd.xml",
                new DefaultHandler()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void staxReaderRefusesExternalDtdWithoutRequest() {
        XMLStreamReader reader = xml.newXmlStreamReader(in(TestDocuments.withExternalDtd(baseUrl)), "dtd.xml");

        assertThatThrownBy(reader::nextTag)
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void rawStaxFactoryReaderSkipsExternalDtdWithoutRequest() throws Exception {
        XMLStreamReader reader = xml.xmlInputFactory()
                .createXMLStreamReader(in(TestDocuments.withExternalDtd(baseUrl)));
        while (reader.hasNext()) {
            reader.next();
        }

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void jaxbUnmarshalRefusesExternalDtdWithoutRequest() throws Exception {
        JAXBContext context = JAXBContext.newInstance(AntragBinding.class);

        assertThatThrownBy(() -> xml.unmarshal(context, AntragBinding.class,
                in(TestDocuments.withExternalDtd(baseUrl)), "dtd.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void unhardenedSchemaFactoryFetchesTheImportSoTheServerSeesIt() throws Exception {
        SchemaFactory.newDefaultInstance().newSchema(new StreamSource(in(schemaImporting(baseUrl + "meta.xsd"))));

        assertThat(server.getRequestCount()).isPositive();
    }

    @Test
    void schemaWithExternalImportIsRefusedWithoutRequest() {
        assertThatThrownBy(() -> xml.newSchema(in(schemaImporting(baseUrl + "meta.xsd")), "import.xsd"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.EXTERNAL_REFERENCE_NOT_ALLOWED);
                    assertThat(e.arguments()).containsExactly("import.xsd", "3", e.arguments().get(2), "Schema");
                });
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void schemaWithExternalIncludeIsRefusedWithoutRequest() {
        String including = """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:ozg-sdk:test:meta">
                  <xs:include schemaLocation="%sinclude.xsd"/>
                </xs:schema>
                """.formatted(baseUrl);

        assertThatThrownBy(() -> xml.newSchema(in(including), "include.xsd"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.EXTERNAL_REFERENCE_NOT_ALLOWED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void schemaDocumentWithDoctypeIsRefused() {
        String schema = TestDocuments.ANTRAG_SCHEMA.replace("<xs:schema",
                "<!DOCTYPE xs:schema SYSTEM \"" + baseUrl + "XMLSchema.dtd\">\n<xs:schema");

        assertThatThrownBy(() -> xml.newSchema(in(schema), "doctype.xsd"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void instanceSchemaLocationHintIsNotFollowedByValidation() {
        Schema schema = xml.newSchema(in(TestDocuments.ANTRAG_SCHEMA), "antrag.xsd");

        xml.validate(schema, in(antragWithSchemaLocationHint()), "hint.xml");

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void unhardenedValidatorFollowsTheHintSoTheServerSeesIt() throws Exception {
        Schema dynamic = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema();

        dynamic.newValidator().validate(new StreamSource(in(antragWithSchemaLocationHint())));

        assertThat(server.getRequestCount()).isPositive();
    }

    @Test
    void schemaLocationHintIsRefusedEvenForASchemaBuiltOnlyFromHints() throws Exception {
        Schema dynamic = xml.schemaFactory().newSchema();

        assertThatThrownBy(() -> xml.validate(dynamic, in(antragWithSchemaLocationHint()), "hint.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.EXTERNAL_REFERENCE_NOT_ALLOWED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void xsltDocumentFunctionIsRefusedWithoutRequest() throws Exception {
        String stylesheet = """
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                  <xsl:template match="/"><out><xsl:value-of select="document('%sdata.xml')/x"/></out></xsl:template>
                </xsl:stylesheet>
                """.formatted(baseUrl);
        var transformer = xml.transformerFactory()
                .newTransformer(new DOMSource(xml.parse(in(stylesheet), "document.xsl")));
        StringWriter out = new StringWriter();

        assertThatThrownBy(() -> transformer.transform(
                new DOMSource(xml.parse(in(TestDocuments.ANTRAG), "antrag.xml")), new StreamResult(out)))
                .isInstanceOf(TransformerException.class);
        assertThat(out.toString()).doesNotContain("fetched");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void xsltIncludeOfExternalStylesheetIsRefusedWithoutRequest() throws Exception {
        String stylesheet = """
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                  <xsl:include href="%sother.xsl"/>
                </xsl:stylesheet>
                """.formatted(baseUrl);
        DOMSource source = new DOMSource(xml.parse(in(stylesheet), "include.xsl"));

        assertThatThrownBy(() -> xml.transformerFactory().newTransformer(source))
                .isInstanceOf(TransformerException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    private static String schemaImporting(String location) {
        return """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:ozg-sdk:test:antrag">
                  <xs:import namespace="urn:ozg-sdk:test:meta"
                             schemaLocation="%s"/>
                  <xs:element name="antrag" type="xs:string"/>
                </xs:schema>
                """.formatted(location);
    }

    private String antragWithSchemaLocationHint() {
        return TestDocuments.ANTRAG.replace("m:version=\"2\"",
                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:schemaLocation=\"urn:ozg-sdk:test:antrag " + baseUrl + "antrag.xsd\"");
    }
}
