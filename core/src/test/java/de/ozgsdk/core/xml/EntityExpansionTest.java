package de.ozgsdk.core.xml;

import static de.ozgsdk.core.xml.TestDocuments.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.xml.sax.helpers.DefaultHandler;

/** The "billion laughs" entity expansion is refused before any entity is expanded. */
@ParameterizedClass
@EnumSource(Stax.class)
class EntityExpansionTest {

    private final SecureXml xml;

    private final Stax stax;

    EntityExpansionTest(Stax stax) {
        this.stax = stax;
        this.xml = stax.defaults();
    }

    @Test
    void domParseRefusesBillionLaughs() {
        assertThatThrownBy(() -> xml.parse(in(TestDocuments.billionLaughs()), "lol.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }

    @Test
    void saxParseRefusesBillionLaughs() {
        assertThatThrownBy(() -> xml.parse(in(TestDocuments.billionLaughs()), "lol.xml", new DefaultHandler()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }

    @Test
    void staxReaderRefusesBillionLaughs() {
        XMLStreamReader reader = xml.newXmlStreamReader(in(TestDocuments.billionLaughs()), "lol.xml");

        assertThatThrownBy(reader::nextTag)
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }

    @Test
    void rawStaxFactoryReaderDoesNotExpandUndeclaredEntities() throws Exception {
        XMLStreamReader reader = xml.xmlInputFactory().createXMLStreamReader(in(TestDocuments.billionLaughs()));

        assertThatThrownBy(() -> {
            while (reader.hasNext()) {
                reader.next();
            }
        }).hasMessageContaining("lol9");
    }

    @Test
    void schemaValidationRefusesBillionLaughs() {
        Schema schema = xml.newSchema(in(TestDocuments.ANTRAG_SCHEMA), "antrag.xsd");

        assertThatThrownBy(() -> xml.validate(schema, in(TestDocuments.billionLaughs()), "lol.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }

    @Test
    void entityExpansionLimitStopsBillionLaughsInsideTheTransformerFactorysOwnParser() {
        // The XSLT processor parses a StreamSource stylesheet with its own parser, which accepts a DTD: the
        // entity expansion limit is what stops the attack there.
        var stylesheet = new javax.xml.transform.stream.StreamSource(in(TestDocuments.billionLaughs()));

        assertThatThrownBy(() -> xml.transformerFactory().newTransformer(stylesheet))
                .hasMessageContaining("JAXP00010001");
    }
}
