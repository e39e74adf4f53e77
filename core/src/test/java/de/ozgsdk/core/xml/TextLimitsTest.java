package de.ozgsdk.core.xml;

import static de.ozgsdk.core.xml.TestDocuments.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import jakarta.xml.bind.JAXBContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Text-node length and total characters are limited while the StAX reader streams, before the text is in memory. */
@ParameterizedClass
@EnumSource(Stax.class)
class TextLimitsTest {

    private final Stax stax;

    TextLimitsTest(Stax stax) {
        this.stax = stax;
    }

    @Test
    void defaultsAreDocumented() {
        assertThat(stax.defaults().maxTextLength()).isEqualTo(16L * 1024 * 1024);
        assertThat(stax.defaults().maxTotalCharacters()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void longTextNodeIsRefusedAfterReadingLittleMoreThanTheLimit() {
        SecureXml xml = stax.builder().maxTextLength(1000).build();
        CountingText input = new CountingText("<a><b>", 100_000_000, "</b></a>");

        assertThatThrownBy(() -> readAll(xml.newXmlStreamReader(input, "long.xml")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.TEXT_TOO_LONG);
                    assertThat(e.arguments()).containsExactly("long.xml", "1", e.arguments().get(2), "1000");
                    assertThat(e.getMessage()).contains("SecureXml.Builder.maxTextLength");
                });
        assertThat(input.read).as("bytes read of 100 MB").isLessThan(1_000_000);
    }

    @Test
    void textAtTheLimitIsRead() {
        SecureXml xml = stax.builder().maxTextLength(1000).build();

        assertThatCode(() -> readAll(xml.newXmlStreamReader(in("<a>" + "x".repeat(1000) + "</a>"), "ok.xml")))
                .doesNotThrowAnyException();
    }

    @Test
    void textSplitByCommentsAndCdataCountsAsOneRun() {
        SecureXml xml = stax.builder().maxTextLength(1000).build();
        String split = "<a>" + "x".repeat(400) + "<!-- c -->" + "y".repeat(400) + "<![CDATA[" + "z".repeat(400)
                + "]]></a>";

        assertThatThrownBy(() -> readAll(xml.newXmlStreamReader(in(split), "split.xml")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.TEXT_TOO_LONG));
    }

    @Test
    void textOfSiblingElementsCountsPerElement() {
        SecureXml xml = stax.builder().maxTextLength(1000).build();
        String siblings = "<a>" + ("<b>" + "x".repeat(900) + "</b>").repeat(10) + "</a>";

        assertThatCode(() -> readAll(xml.newXmlStreamReader(in(siblings), "siblings.xml")))
                .doesNotThrowAnyException();
    }

    @Test
    void moreTextThanTheTotalIsRefused() {
        SecureXml xml = stax.builder().maxTextLength(1000).maxTotalCharacters(5000).build();
        String many = "<a>" + ("<b>" + "x".repeat(900) + "</b>").repeat(10) + "</a>";

        assertThatThrownBy(() -> readAll(xml.newXmlStreamReader(in(many), "many.xml")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XmlError.TOO_MANY_CHARACTERS);
                    assertThat(e.arguments().get(3)).isEqualTo("5000");
                });
    }

    @Test
    void getElementTextStopsAtTheLimit() throws Exception {
        SecureXml xml = stax.builder().maxTextLength(1000).build();
        CountingText input = new CountingText("<a>", 100_000_000, "</a>");
        XMLStreamReader reader = xml.newXmlStreamReader(input, "element-text.xml");
        reader.nextTag();

        assertThatThrownBy(reader::getElementText)
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.TEXT_TOO_LONG));
        assertThat(input.read).isLessThan(1_000_000);
    }

    @Test
    void getElementTextStillJoinsTextAndRefusesChildElements() throws Exception {
        XMLStreamReader joined = stax.defaults().newXmlStreamReader(in("<a>x<!--c-->y<![CDATA[z]]></a>"), "j");
        joined.nextTag();
        assertThat(joined.getElementText()).isEqualTo("xyz");

        XMLStreamReader nested = stax.defaults().newXmlStreamReader(in("<a>x<b/></a>"), "nested.xml");
        nested.nextTag();
        assertThatThrownBy(nested::getElementText).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(XmlError.MALFORMED));
    }

    @Test
    void jaxbUnmarshallingStopsAtTheLimit() throws Exception {
        SecureXml xml = stax.builder().maxTextLength(1000).build();
        JAXBContext context = JAXBContext.newInstance(AntragBinding.class);
        CountingText input = new CountingText("<antrag xmlns=\"" + TestDocuments.NAMESPACE + "\"><aktenzeichen>",
                100_000_000, "</aktenzeichen></antrag>");

        assertThatThrownBy(() -> xml.unmarshal(context, AntragBinding.class, input, "antrag.xml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.TEXT_TOO_LONG));
        assertThat(input.read).isLessThan(1_000_000);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> stax.builder().maxTextLength(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTextLength");
        assertThatThrownBy(() -> stax.builder().maxTotalCharacters(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTotalCharacters");
    }

    @Test
    void toBuilderKeepsTheTextLimits() {
        SecureXml xml = stax.builder().maxTextLength(10).maxTotalCharacters(20).build().toBuilder().build();

        assertThat(xml.maxTextLength()).isEqualTo(10);
        assertThat(xml.maxTotalCharacters()).isEqualTo(20);
    }

    private static void readAll(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            reader.next();
        }
    }

    /** A document with one text of {@code count} 'x' generated on the fly; counts the bytes read from it. */
    private static final class CountingText extends InputStream {
        private final InputStream in;
        long read;

        CountingText(String prefix, long count, String suffix) {
            InputStream text = new InputStream() {
                private long left = count;

                @Override
                public int read() {
                    return left-- > 0 ? 'x' : -1;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = (int) Math.min(length, left);
                    Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                    left -= n;
                    return n;
                }
            };
            this.in = new SequenceInputStream(new SequenceInputStream(bytes(prefix), text), bytes(suffix));
        }

        private static InputStream bytes(String text) {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
