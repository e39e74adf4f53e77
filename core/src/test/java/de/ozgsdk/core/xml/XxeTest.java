package de.ozgsdk.core.xml;

import static de.ozgsdk.core.xml.TestDocuments.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import jakarta.xml.bind.JAXBContext;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** An external entity that reads a local file (XXE) is refused by every parser, and the file's content never leaks. */
@ParameterizedClass
@EnumSource(Stax.class)
class XxeTest {

    private static final String SECRET = "geheim-7c1f3a";

    private final SecureXml xml;
    private String attack;

    private final Stax stax;

    XxeTest(Stax stax) {
        this.stax = stax;
        this.xml = stax.defaults();
    }

    @BeforeEach
    void writeSecret(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        attack = TestDocuments.withExternalEntity(secret.toUri().toString());
    }

    @Test
    void unhardenedJdkParserReadsTheSecretSoTheAttackIsReal() throws Exception {
        Document document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in(attack));

        assertThat(document.getDocumentElement().getTextContent()).contains(SECRET);
    }

    @Test
    void domParseRefusesDoctypeWithLine() {
        assertThatThrownBy(() -> xml.parse(in(attack), "xxe.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED);
                    assertThat(e.arguments()).startsWith("xxe.xml", "2");
                    assertThat(e.getMessage()).doesNotContain(SECRET).contains("OZG-XML-101", "DOCTYPE");
                    assertThat(e.userMessage(Locale.GERMAN)).contains("nicht erlaubt", "Entfernen Sie");
                    assertThat(e.getCause()).isInstanceOf(org.xml.sax.SAXParseException.class);
                });
    }

    @Test
    void everyDocumentBuilderIsTheCallersOwnAndRefusesDoctypeWhatEverAnEarlierCallerDidWithItsBuilder()
            throws Exception {
        DocumentBuilder first = xml.newDocumentBuilder();
        first.setEntityResolver(null);
        first.setErrorHandler(null);
        DocumentBuilder second = xml.newDocumentBuilder();

        assertThat(second).isNotSameAs(first);
        for (DocumentBuilder builder : new DocumentBuilder[] {first, second, xml.newDocumentBuilder()}) {
            assertThatThrownBy(() -> builder.parse(in(attack))).isInstanceOf(SAXParseException.class)
                    .hasMessageContaining("DOCTYPE");
        }
        assertThat(xml.parse(in("<a>ok</a>"), "ok.xml").getDocumentElement().getTextContent()).isEqualTo("ok");
    }

    @Test
    void saxParseRefusesDoctype() {
        StringBuilder seen = new StringBuilder();
        DefaultHandler handler = new DefaultHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                seen.append(ch, start, length);
            }
        };

        assertThatThrownBy(() -> xml.parse(in(attack), "xxe.xml", handler))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
        assertThat(seen.toString()).doesNotContain(SECRET);
    }

    @Test
    void rawSaxParserFromFactoryRefusesDoctype() {
        assertThatThrownBy(() -> xml.newSaxParser().parse(in(attack), new DefaultHandler()))
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void staxReaderRefusesDoctypeBeforeAnyElement() {
        XMLStreamReader reader = xml.newXmlStreamReader(in(attack), "xxe.xml");

        assertThatThrownBy(() -> {
            while (reader.hasNext()) {
                reader.next();
            }
        }).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED);
            assertThat(e.arguments()).startsWith("xxe.xml", "2");
        });
    }

    @Test
    void jaxbUnmarshalRefusesDoctype() throws Exception {
        JAXBContext context = JAXBContext.newInstance(AntragBinding.class);

        assertThatThrownBy(() -> xml.unmarshal(context, AntragBinding.class, in(attack), "xxe.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }

    @Test
    void hardenedJaxbUnmarshallerRefusesDoctypeFromPlainInputStream() throws Exception {
        JAXBContext context = JAXBContext.newInstance(AntragBinding.class);

        assertThatThrownBy(() -> xml.unmarshaller(context).unmarshal(in(attack)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }

    @Test
    void schemaValidationRefusesDoctypeInTheInstance() {
        var schema = xml.newSchema(in(TestDocuments.ANTRAG_SCHEMA), "antrag.xsd");

        assertThatThrownBy(() -> xml.validate(schema, in(attack), "xxe.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }

    @Test
    void transformerFromSecureXmlNeverSeesTheEntityBecauseParsingRefusesIt() {
        StringWriter out = new StringWriter();

        assertThatThrownBy(() -> xml.transformerFactory().newTransformer()
                .transform(new DOMSource(xml.parse(in(attack), "xxe.xml")), new StreamResult(out)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(out.toString()).doesNotContain(SECRET);
    }
}
