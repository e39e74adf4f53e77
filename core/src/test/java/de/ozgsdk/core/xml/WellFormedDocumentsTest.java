package de.ozgsdk.core.xml;

import static de.ozgsdk.core.xml.TestDocuments.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** Normal documents with namespaces still parse with every API, and broken ones are reported with their position. */
@ParameterizedClass
@EnumSource(Stax.class)
class WellFormedDocumentsTest {

    private static JAXBContext context;

    private final SecureXml xml;

    @BeforeAll
    static void createContext() throws Exception {
        context = JAXBContext.newInstance(AntragBinding.class);
    }

    private final Stax stax;

    WellFormedDocumentsTest(Stax stax) {
        this.stax = stax;
        this.xml = stax.defaults();
    }

    @Test
    void domParseKeepsNamespacesAndText() {
        Document document = xml.parse(in(TestDocuments.ANTRAG), "antrag.xml");

        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(TestDocuments.NAMESPACE);
        assertThat(root.getLocalName()).isEqualTo("antrag");
        assertThat(root.getAttributeNS("urn:ozg-sdk:test:meta", "version")).isEqualTo("2");
        assertThat(document.getElementsByTagNameNS("urn:ozg-sdk:test:meta", "quelle").item(0).getTextContent())
                .isEqualTo("Portal Müllheim");
    }

    @Test
    void saxParseReportsNamespacedElements() {
        List<String> elements = new ArrayList<>();
        xml.parse(in(TestDocuments.ANTRAG), "antrag.xml", new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                elements.add("{" + uri + "}" + localName);
            }
        });

        assertThat(elements).containsExactly("{urn:ozg-sdk:test:antrag}antrag", "{urn:ozg-sdk:test:antrag}aktenzeichen",
                "{urn:ozg-sdk:test:antrag}betrag", "{urn:ozg-sdk:test:meta}quelle");
    }

    @Test
    void staxReaderReadsNamespacedElements() throws Exception {
        XMLStreamReader reader = xml.newXmlStreamReader(in(TestDocuments.ANTRAG), "antrag.xml");
        List<String> elements = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                elements.add(reader.getName().toString());
            }
        }

        assertThat(elements).containsExactly("{urn:ozg-sdk:test:antrag}antrag", "{urn:ozg-sdk:test:antrag}aktenzeichen",
                "{urn:ozg-sdk:test:antrag}betrag", "{urn:ozg-sdk:test:meta}quelle");
    }

    @Test
    void staxNextTagAndElementTextWork() throws Exception {
        XMLStreamReader reader = xml.newXmlStreamReader(in(TestDocuments.ANTRAG), "antrag.xml");

        reader.nextTag();
        reader.nextTag();

        assertThat(reader.getElementText()).isEqualTo("AZ-4711");
    }

    @Test
    void jaxbUnmarshalBindsTheDocument() {
        AntragBinding antrag = xml.unmarshal(context, AntragBinding.class, in(TestDocuments.ANTRAG), "antrag.xml");

        assertThat(antrag.aktenzeichen).isEqualTo("AZ-4711");
        assertThat(antrag.betrag).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(antrag.quelle).isEqualTo("Portal Müllheim");
    }

    @Test
    void hardenedUnmarshallerReadsReadersAndStreamSources() throws Exception {
        Unmarshaller unmarshaller = xml.unmarshaller(context);

        Object fromReader = unmarshaller.unmarshal(new StringReader(TestDocuments.ANTRAG));
        Object fromSource = unmarshaller.unmarshal(new StreamSource(in(TestDocuments.ANTRAG)));

        assertThat(fromReader).isInstanceOfSatisfying(AntragBinding.class,
                a -> assertThat(a.aktenzeichen).isEqualTo("AZ-4711"));
        assertThat(fromSource).isInstanceOfSatisfying(AntragBinding.class,
                a -> assertThat(a.aktenzeichen).isEqualTo("AZ-4711"));
    }

    @Test
    void jaxbUnmarshalRejectsAnElementTheBindingDoesNotKnow() {
        String unknown = TestDocuments.ANTRAG.replace("<betrag>12.50</betrag>",
                "<betrag>12.50</betrag><unbekannt>x</unbekannt>");

        assertThatThrownBy(() -> xml.unmarshal(context, AntragBinding.class, in(unknown), "unknown.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.BINDING_FAILED);
                    assertThat(e.arguments()).containsExactly("unknown.xml", "4", e.arguments().get(2),
                            AntragBinding.class.getName());
                });
    }

    @Test
    void jaxbUnmarshalRejectsAnotherRootType() {
        assertThatThrownBy(() -> xml.unmarshal(context, String.class, in(TestDocuments.ANTRAG), "antrag.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.BINDING_FAILED));
    }

    @Test
    void transformerSerialisesAParsedDocument() throws Exception {
        StringWriter out = new StringWriter();

        xml.transformerFactory().newTransformer()
                .transform(new DOMSource(xml.parse(in(TestDocuments.ANTRAG), "antrag.xml")), new StreamResult(out));

        assertThat(out.toString()).contains("<aktenzeichen>AZ-4711</aktenzeichen>");
    }

    @Test
    void malformedDocumentIsReportedWithLineAndColumn() {
        String broken = "<antrag>\n  <aktenzeichen>AZ-4711</antrag>";

        assertThatThrownBy(() -> xml.parse(in(broken), "broken.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.MALFORMED);
                    assertThat(e.arguments()).startsWith("broken.xml", "2");
                    assertThat(e.userMessage(Locale.ENGLISH)).contains("not well-formed at line 2", "aktenzeichen");
                    assertThat(e.getCause()).isInstanceOf(org.xml.sax.SAXParseException.class);
                });
    }

    @Test
    void malformedDocumentIsReportedByStaxWithLine() {
        XMLStreamReader reader = xml.newXmlStreamReader(in("<antrag>\n<a></b></antrag>"), "broken.xml");

        assertThatThrownBy(() -> {
            while (reader.hasNext()) {
                reader.next();
            }
        }).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(XmlError.MALFORMED);
            assertThat(e.arguments()).startsWith("broken.xml", "2");
            assertThat(e.getCause()).isInstanceOf(javax.xml.stream.XMLStreamException.class);
        });
    }

    @Test
    void invalidUtf8IsMalformedNotAReadFailure() {
        byte[] invalid = {'<', 'a', '>', (byte) 0xff, (byte) 0xfe, '<', '/', 'a', '>'};

        assertThatThrownBy(() -> xml.parse(new java.io.ByteArrayInputStream(invalid), "utf8.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.MALFORMED));
    }

    @Test
    void invalidUtf8IsMalformedForStax() {
        byte[] invalid = {'<', 'a', '>', (byte) 0xff, (byte) 0xfe, '<', '/', 'a', '>'};
        assertThatThrownBy(() -> {
            // The reader reads the first bytes on creation already, so creating it belongs to the parse.
            XMLStreamReader reader = xml.newXmlStreamReader(new java.io.ByteArrayInputStream(invalid), "utf8.xml");
            while (reader.hasNext()) {
                reader.next();
            }
        }).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(XmlError.MALFORMED));
    }

    @Test
    void emptyInputIsMalformed() {
        assertThatThrownBy(() -> xml.parse(in(""), "empty.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.MALFORMED));
    }
}
