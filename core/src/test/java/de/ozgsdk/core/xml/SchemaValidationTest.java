package de.ozgsdk.core.xml;

import static de.ozgsdk.core.xml.TestDocuments.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import jakarta.xml.bind.JAXBContext;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A self-contained schema compiles and validates; violations name the rule and position, never the value. */
@ParameterizedClass
@EnumSource(Stax.class)
class SchemaValidationTest {

    private static final String PERSONAL_VALUE = "Erika Mustermann";

    private final SecureXml xml;
    private Schema schema;

    private final Stax stax;

    SchemaValidationTest(Stax stax) {
        this.stax = stax;
        this.xml = stax.defaults();
    }

    @BeforeEach
    void compileSchema() {
        schema = xml.newSchema(in(TestDocuments.ANTRAG_SCHEMA), "antrag.xsd");
    }

    @Test
    void validDocumentPasses() {
        assertThatCode(() -> xml.validate(schema, in(TestDocuments.ANTRAG), "antrag.xml")).doesNotThrowAnyException();
    }

    @Test
    void violationNamesRuleAndLineButNotTheValue() {
        String invalid = TestDocuments.ANTRAG.replace("AZ-4711", PERSONAL_VALUE);

        assertThatThrownBy(() -> xml.validate(schema, in(invalid), "invalid.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.NOT_SCHEMA_VALID);
                    assertThat(e.arguments()).startsWith("invalid.xml", "3");
                    assertThat(e.arguments().get(3)).isEqualTo("cvc-pattern-valid");
                    assertThat(e.getMessage()).doesNotContain(PERSONAL_VALUE);
                });
    }

    @Test
    void jaxbUnmarshalValidatesAgainstTheSchema() throws Exception {
        String invalid = TestDocuments.ANTRAG.replace("AZ-4711", PERSONAL_VALUE);
        JAXBContext context = JAXBContext.newInstance(AntragBinding.class);

        assertThatThrownBy(() -> xml.unmarshal(context, schema, AntragBinding.class, in(invalid), "invalid.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.NOT_SCHEMA_VALID);
                    assertThat(e.arguments()).startsWith("invalid.xml", "3");
                    assertThat(e.arguments().get(3)).isEqualTo("cvc-pattern-valid");
                    assertThat(e.getMessage()).doesNotContain(PERSONAL_VALUE);
                });
    }

    @Test
    void jaxbUnmarshalReportsAnUnconvertibleValueAsBindingFailureWithoutTheValue() throws Exception {
        String invalid = TestDocuments.ANTRAG.replace("12.50", "zwölf");
        JAXBContext context = JAXBContext.newInstance(AntragBinding.class);

        assertThatThrownBy(() -> xml.unmarshal(context, schema, AntragBinding.class, in(invalid), "invalid.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.BINDING_FAILED);
                    assertThat(e.arguments()).startsWith("invalid.xml", "4");
                    assertThat(e.getMessage()).doesNotContain("zwölf").doesNotContain("Character z");
                });
    }

    @Test
    void jaxbUnmarshalWithSchemaBindsAValidDocument() throws Exception {
        JAXBContext context = JAXBContext.newInstance(AntragBinding.class);

        AntragBinding antrag = xml.unmarshal(context, schema, AntragBinding.class, in(TestDocuments.ANTRAG),
                "antrag.xml");

        assertThat(antrag.aktenzeichen).isEqualTo("AZ-4711");
    }

    @Test
    void brokenSchemaIsReportedWithPosition() {
        String broken = TestDocuments.ANTRAG_SCHEMA.replace("type=\"xs:decimal\"", "type=\"xs:dezimal\"");

        assertThatThrownBy(() -> xml.newSchema(in(broken), "broken.xsd"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.SCHEMA_INVALID);
                    assertThat(e.arguments()).startsWith("broken.xsd", "12");
                    assertThat(e.arguments().get(3)).contains("xs:dezimal");
                });
    }
}
