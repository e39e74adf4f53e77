package de.ozgsdk.core.xml;

import static de.ozgsdk.core.xml.TestDocuments.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The processing limits are applied, configurable, and checked when configured. */
@ParameterizedClass
@EnumSource(Stax.class)
class SecureXmlLimitsTest {

    private final Stax stax;

    SecureXmlLimitsTest(Stax stax) {
        this.stax = stax;
    }

    @Test
    void defaultsAreDocumented() {
        SecureXml xml = stax.defaults();

        assertThat(xml.maxElementDepth()).isEqualTo(256);
        assertThat(xml.maxAttributesPerElement()).isEqualTo(256);
        assertThat(xml.maxNameLength()).isEqualTo(1000);
        assertThat(xml.entityExpansionLimit()).isEqualTo(100);
        assertThat(xml.maxDocumentBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void documentDeeperThanTheDefaultIsRefused() {
        assertThatThrownBy(() -> stax.defaults().parse(in(TestDocuments.nested(257)), "deep.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.LIMIT_EXCEEDED);
                    assertThat(e.arguments().get(3)).contains("257", "256");
                });
    }

    @Test
    void documentAtTheDefaultDepthParses() {
        assertThatCode(() -> stax.defaults().parse(in(TestDocuments.nested(256)), "deep.xml"))
                .doesNotThrowAnyException();
    }

    @Test
    void configuredDepthAppliesToStax() {
        SecureXml xml = stax.builder().maxElementDepth(3).build();
        XMLStreamReader reader = xml.newXmlStreamReader(in(TestDocuments.nested(4)), "deep.xml");

        assertThatThrownBy(() -> {
            while (reader.hasNext()) {
                reader.next();
            }
        }).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(XmlError.LIMIT_EXCEEDED));
    }

    @Test
    void configuredAttributeLimitAppliesToSax() {
        SecureXml xml = stax.builder().maxAttributesPerElement(2).build();

        assertThatThrownBy(() -> xml.parse(in("<e a=\"1\" b=\"2\" c=\"3\"/>"), "attrs.xml",
                new org.xml.sax.helpers.DefaultHandler()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.LIMIT_EXCEEDED));
    }

    @Test
    void configuredNameLengthAppliesToDom() {
        SecureXml xml = stax.builder().maxNameLength(10).build();

        assertThatThrownBy(() -> xml.parse(in("<" + "n".repeat(11) + "/>"), "name.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.LIMIT_EXCEEDED));
    }

    @Test
    void documentLargerThanTheConfiguredSizeIsRefused() {
        SecureXml xml = stax.builder().maxDocumentBytes(100).build();
        String large = "<e>" + "x".repeat(200) + "</e>";

        assertThatThrownBy(() -> xml.parse(in(large), "large.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.DOCUMENT_TOO_LARGE);
                    assertThat(e.arguments()).containsExactly("large.xml", "100");
                });
    }

    @Test
    void documentLargerThanTheConfiguredSizeIsRefusedByStax() {
        SecureXml xml = stax.builder().maxDocumentBytes(100).build();
        String large = "<e>" + "<x/>".repeat(5000) + "</e>";

        // the reader reads its first buffer when it is created, so the refusal may come from there already
        assertThatThrownBy(() -> {
            XMLStreamReader reader = xml.newXmlStreamReader(in(large), "large.xml");
            while (reader.hasNext()) {
                reader.next();
            }
        }).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(XmlError.DOCUMENT_TOO_LARGE));
    }

    @Test
    void failingStreamIsAProcessingFailure() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> stax.defaults().parse(failing, "remote.xml"))
                .isInstanceOfSatisfying(ProcessingException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.READ_FAILED));
    }

    @Test
    void builderRejectsZeroBecauseTheJdkWouldReadItAsNoLimit() {
        assertThatThrownBy(() -> stax.builder().maxElementDepth(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxElementDepth");
    }

    @Test
    void builderRejectsNonPositiveDocumentSize() {
        assertThatThrownBy(() -> stax.builder().maxDocumentBytes(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDocumentBytes");
    }

    @Test
    void toBuilderCopiesEveryLimit() {
        SecureXml original = stax.builder().maxElementDepth(7).maxAttributesPerElement(8).maxNameLength(9)
                .entityExpansionLimit(10).maxDocumentBytes(11).build();

        SecureXml copy = original.toBuilder().build();

        assertThat(copy).usingRecursiveComparison().ignoringFields("hardening").isEqualTo(original);
    }
}
