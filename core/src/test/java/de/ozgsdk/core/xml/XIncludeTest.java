package de.ozgsdk.core.xml;

import static de.ozgsdk.core.xml.TestDocuments.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

/** An {@code xi:include} is left as an ordinary element; the included file is never read. */
@ParameterizedClass
@EnumSource(Stax.class)
class XIncludeTest {

    private static final String SECRET = "geheim-xinclude-91b2";
    private static final String XINCLUDE = "http://www.w3.org/2001/XInclude";

    private final SecureXml xml;
    private String document;

    private final Stax stax;

    XIncludeTest(Stax stax) {
        this.stax = stax;
        this.xml = stax.defaults();
    }

    @BeforeEach
    void writeSecret(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        document = """
                <antrag xmlns="urn:ozg-sdk:test:antrag" xmlns:xi="http://www.w3.org/2001/XInclude">
                  <aktenzeichen><xi:include href="%s" parse="text"/></aktenzeichen>
                </antrag>
                """.formatted(secret.toUri());
    }

    @Test
    void xincludeAwareJdkParserReadsTheSecretSoTheAttackIsReal() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(true);

        Document parsed = factory.newDocumentBuilder().parse(in(document));

        assertThat(parsed.getDocumentElement().getTextContent()).contains(SECRET);
    }

    @Test
    void domParseLeavesXincludeUnprocessed() {
        Document parsed = xml.parse(in(document), "xinclude.xml");

        assertThat(parsed.getDocumentElement().getTextContent()).doesNotContain(SECRET);
        assertThat(parsed.getElementsByTagNameNS(XINCLUDE, "include").getLength()).isEqualTo(1);
    }

    @Test
    void documentBuilderFactoryIsNotXincludeAware() {
        assertThat(xml.documentBuilderFactory().isXIncludeAware()).isFalse();
    }

    @Test
    void saxParserFactoryIsNotXincludeAware() {
        assertThat(xml.saxParserFactory().isXIncludeAware()).isFalse();
    }
}
