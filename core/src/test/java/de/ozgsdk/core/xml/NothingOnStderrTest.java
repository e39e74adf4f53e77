package de.ozgsdk.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import jakarta.xml.bind.JAXBContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A document with bytes that are invalid in its encoding fails with the SDK's error only: the JDK's parsers print
 * {@code [Fatal Error] ...} to {@code System.err} unless every parser the SDK creates reports differently.
 */
@ParameterizedClass
@EnumSource(Stax.class)
class NothingOnStderrTest {

    /** {@code <a>}, then the first byte of a two-byte UTF-8 sequence followed by a byte that cannot continue it. */
    private static final byte[] INVALID_UTF8 = bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\u00c3\u0002</a>");

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    private final Stax stax;

    NothingOnStderrTest(Stax stax) {
        this.stax = stax;
    }

    @BeforeEach
    void captureStderr() {
        original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(original);
    }

    @Test
    void staxReaderReportsInvalidUtf8WithoutPrinting() {
        XMLStreamReader reader = stax.defaults().newXmlStreamReader(in(INVALID_UTF8), "invalid.xml");

        assertThatThrownBy(() -> {
            while (reader.hasNext()) {
                reader.next();
            }
        }).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(XmlError.MALFORMED);
            assertThat(e.arguments().get(1)).isEqualTo("2");
        });
        assertThat(stderr()).isEmpty();
    }

    @Test
    void domSaxValidationAndJaxbReportInvalidUtf8WithoutPrinting() throws Exception {
        SecureXml xml = stax.defaults();
        Schema schema = xml.newSchema(TestDocuments.in(TestDocuments.ANTRAG_SCHEMA), "antrag.xsd");

        assertThatThrownBy(() -> xml.parse(in(INVALID_UTF8), "dom.xml")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> xml.parse(in(INVALID_UTF8), "sax.xml", new DefaultHandler()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> xml.validate(schema, in(INVALID_UTF8), "valid.xml"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> xml.unmarshal(JAXBContext.newInstance(AntragBinding.class),
                AntragBinding.class, in(INVALID_UTF8), "jaxb.xml")).isInstanceOf(InvalidInputException.class);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void declaredAndMarkedEncodingsAreStillHonoured() throws Exception {
        byte[] latin1 = "<?xml version='1.0' encoding='ISO-8859-1'?><a>M\u00fcllheim</a>"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = "\ufeff<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>M\u00fcllheim</a>"
                .getBytes(StandardCharsets.UTF_16BE);
        byte[] utf8Bom = "\ufeff<a>M\u00fcllheim</a>".getBytes(StandardCharsets.UTF_8);

        for (byte[] document : new byte[][] {latin1, utf16, utf8Bom}) {
            XMLStreamReader reader = stax.defaults().newXmlStreamReader(in(document), "encoded.xml");
            reader.nextTag();
            assertThat(reader.getElementText()).isEqualTo("M\u00fcllheim");
        }
        assertThat(stderr()).isEmpty();
    }

    @Test
    void unsupportedDeclaredEncodingIsMalformedInput() {
        byte[] document = bytes("<?xml version=\"1.0\" encoding=\"X-NO-SUCH-CHARSET\"?><a/>");

        assertThatThrownBy(() -> {
            XMLStreamReader reader = stax.defaults().newXmlStreamReader(in(document), "charset.xml");
            reader.nextTag();
        }).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(XmlError.MALFORMED));
        assertThat(stderr()).isEmpty();
    }

    private String stderr() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** Each char below 256 becomes one byte, so that invalid UTF-8 can be written down. */
    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
