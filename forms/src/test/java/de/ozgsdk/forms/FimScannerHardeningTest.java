package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.core.xml.XmlError;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FIM import's own scanner keeps every hardening property of core's StAX reader: a DOCTYPE is refused, there are
 * no external (or any declared) entities, the limits of the {@link SecureXml} given to the importer hold while
 * streaming (element depth, attributes per element, name length, document bytes, text length, total characters).
 * Each case runs over both reading paths ({@code scanner} true and false) and expects the same error.
 */
class FimScannerHardeningTest {

    private static final XdfDocuments D2 = XdfDocuments.of(XdfDocuments.XDF2);
    private static final String VALID = D2.oneField("input", "text", "");

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refusesADoctypeWithAnExternalEntity(boolean scanner) {
        String xml = VALID.replace("?>\n", "?>\n<!-- before -->\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\">]>\n").replace("<xdf:name>Feld</xdf:name>", "<xdf:name>&xxe;</xdf:name>");
        FimImportException e = failure(scanner, UnaryOperator.identity(), xml);
        assertThat(e.code()).isEqualTo(FimError.XML_DTD_FORBIDDEN);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getCause()).isInstanceOfSatisfying(InvalidInputException.class,
                core -> assertThat(core.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void knowsNoEntityButThePredefinedOnes(boolean scanner) {
        String xml = VALID.replace("<xdf:name>Feld</xdf:name>", "<xdf:name>&xxe;</xdf:name>");
        FimImportException e = failure(scanner, UnaryOperator.identity(), xml);
        assertThat(e.code()).isEqualTo(FimError.XML_MALFORMED);
        assertThat(e.line()).isEqualTo(XdfDocuments.lineOf(VALID, "<xdf:name>Feld"));
        String predefined = VALID.replace("<xdf:name>Feld</xdf:name>",
                "<xdf:name>&lt;&gt;&amp;&quot;&apos;&#x46;&#101;ld</xdf:name>");
        assertThat(importer(scanner, UnaryOperator.identity()).importSchema(stream(predefined), "test.xml").fields())
                .extracting(Field::name).containsExactly("<>&\"'Feld");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keepsTheElementDepthLimit(boolean scanner) {
        FimImportException e = failure(scanner, xml -> xml.maxElementDepth(5), VALID);
        assertThat(e.code()).isEqualTo(FimError.LIMIT_EXCEEDED);
        assertThat(e.getCause()).isInstanceOfSatisfying(InvalidInputException.class,
                core -> assertThat(core.code()).isEqualTo(XmlError.LIMIT_EXCEEDED));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keepsTheAttributeLimit(boolean scanner) {
        String xml = VALID.replace("<xdf:feldart>", "<xdf:feldart listURI=\"a\" listVersionID=\"b\" c=\"d\">");
        FimImportException e = failure(scanner, limits -> limits.maxAttributesPerElement(2), xml);
        assertThat(e.code()).isEqualTo(FimError.LIMIT_EXCEEDED);
        assertThat(e.line()).isEqualTo(XdfDocuments.lineOf(xml, "<xdf:feldart"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keepsTheNameLengthLimit(boolean scanner) {
        String xml = VALID.replace("<xdf:name>Feld</xdf:name>", "<xdf:name>Feld<xdf:" + "n".repeat(40)
                + "/></xdf:name>");
        FimImportException e = failure(scanner, limits -> limits.maxNameLength(30), xml);
        assertThat(e.code()).isEqualTo(FimError.LIMIT_EXCEEDED);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keepsTheTextLengthLimit(boolean scanner) {
        String xml = VALID.replace("<xdf:name>Feld</xdf:name>", "<xdf:name>" + "Feld ".repeat(100) + "</xdf:name>");
        FimImportException e = failure(scanner, limits -> limits.maxTextLength(300), xml);
        assertThat(e.code()).isEqualTo(FimError.LIMIT_EXCEEDED);
        assertThat(e.arguments()).contains("SecureXml.maxTextLength", "300");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keepsTheTotalCharacterLimit(boolean scanner) {
        FimImportException e = failure(scanner, limits -> limits.maxTotalCharacters(20), VALID);
        assertThat(e.code()).isEqualTo(FimError.LIMIT_EXCEEDED);
        assertThat(e.arguments()).contains("SecureXml.maxTotalCharacters", "20");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keepsTheDocumentSizeLimit(boolean scanner) {
        FimImportException e = failure(scanner, limits -> limits.maxDocumentBytes(500), VALID);
        assertThat(e.code()).isEqualTo(FimError.LIMIT_EXCEEDED);
        assertThat(e.arguments()).contains("SecureXml.maxDocumentBytes", "500");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refusesA50MegabyteTextWhileStreamingIt(boolean scanner) {
        int name = VALID.indexOf("Feld</xdf:name>");
        InputStream head = stream(VALID.substring(0, name));
        InputStream endless = new InputStream() {
            private long left = 50L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int count = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + count, (byte) 'x');
                left -= count;
                return count;
            }
        };
        FimImporter importer = importer(scanner, UnaryOperator.identity());
        FimImportException e = catchThrowableOfType(() -> importer.importSchema(new SequenceInputStream(head,
                endless), "test.xml"), FimImportException.class);
        assertThat(e.code()).isEqualTo(FimError.LIMIT_EXCEEDED);
        assertThat(e.arguments()).contains("SecureXml.maxTextLength");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsWhatItKeepsWithinTheLimits(boolean scanner) {
        FormSchema schema = importer(scanner, limits -> limits.maxElementDepth(64).maxAttributesPerElement(4)
                .maxNameLength(40).maxTextLength(100).maxDocumentBytes(4000)).importSchema(stream(VALID), "test.xml");
        assertThat(schema.fields()).extracting(Field::name).isEqualTo(List.of("Feld"));
    }

    private static FimImporter importer(boolean scanner, UnaryOperator<SecureXml.Builder> limits) {
        SecureXml xml = limits.apply(SecureXml.defaults().toBuilder()).build();
        return FimImporter.builder().lenient(true).xml(xml).scanner(scanner).build();
    }

    private static FimImportException failure(boolean scanner, UnaryOperator<SecureXml.Builder> limits,
                                              String xml) {
        FimImporter importer = importer(scanner, limits);
        return catchThrowableOfType(() -> importer.importSchema(stream(xml), "test.xml"), FimImportException.class);
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
