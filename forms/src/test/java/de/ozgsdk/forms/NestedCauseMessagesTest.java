package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.forms.codelist.CodeListError;
import de.ozgsdk.forms.codelist.GenericodeReader;
import de.ozgsdk.forms.data.DataError;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.data.TestSchemas;
import de.ozgsdk.forms.internal.codelist.GenericodeParser;
import de.ozgsdk.forms.rules.RuleError;
import de.ozgsdk.forms.rules.RuleFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages whose arguments carry a nested exception (core's XML error, a parser's detail, an I/O failure) are in one
 * language: the German message holds no text of an English template, neither of its own code nor of the nested
 * exception's code, and vice versa; no technical message ({@code [OZG-…]}) is embedded, and no sentence ends twice.
 */
class NestedCauseMessagesTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @TempDir
    static Path directory;

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(FimError.XML_MALFORMED, "FIM import of an empty file (core's OZG-XML-103 nested)",
                        call(() -> importXml(""))),
                Arguments.of(FimError.XML_MALFORMED, "FIM import of a truncated file (core's OZG-XML-103 nested)",
                        call(() -> importXml("<xdf:xdatenfelder.stammdatenschema.0102 "
                                + "xmlns:xdf=\"urn:xoev-de:fim:standard:xdatenfelder_2\"><xdf:header>"
                                + "<xdf:nachrichtID>x</xdf:nachrichtID><xdf:erstellungszeitpunkt>2024-01-31T12:00:00"
                                + "</xdf:erstellungszeitpunkt></xdf:header><xdf:stammdatenschema>"))),
                Arguments.of(FimError.READ_FAILED, "FIM import of a missing file",
                        call(() -> FimImporter.builder().build().importSchema(directory.resolve("missing.xml")))),
                Arguments.of(CodeListError.MALFORMED_XML, "code list the StAX parser refuses",
                        call(() -> {
                            throw GenericodeParser.malformed("liste.gc", new XMLStreamException(
                                    "ParseError at [row,col]:[3,7]\nMessage: The element type \"Row\" must be "
                                            + "terminated by the matching end-tag \"</Row>\"."));
                        })),
                Arguments.of(CodeListError.READ_FAILED, "missing code list file",
                        call(() -> GenericodeReader.create().read(directory.resolve("missing.gc")))),
                Arguments.of(DataError.JSON_MALFORMED, "form data that are not JSON",
                        call(() -> FormDataJson.of(TestSchemas.person()).read("{\"F1\": "))),
                Arguments.of(RuleError.FILE_NOT_JSON, "rule side file that is not JSON",
                        call(() -> RuleFiles.read(new ByteArrayInputStream("{\"rules\": [".getBytes(
                                StandardCharsets.UTF_8)), "x.rules.json"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("failures")
    void germanMessageHoldsNoEnglishTemplateText(ErrorCode code, String situation, ThrowingCallable call) {
        OzgException e = failure(call);
        assertThat(e.code()).isEqualTo(code);
        String german = e.userMessage(Locale.GERMAN);
        for (String fragment : fragments(e, Locale.ENGLISH)) {
            assertThat(german).as("German message of %s", situation).doesNotContain(fragment);
        }
        assertThat(german).doesNotContain("[OZG-").doesNotContain("..");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("failures")
    void englishMessageHoldsNoGermanTemplateText(ErrorCode code, String situation, ThrowingCallable call) {
        OzgException e = failure(call);
        String english = e.userMessage(Locale.ENGLISH);
        for (String fragment : fragments(e, Locale.GERMAN)) {
            assertThat(english).as("English message of %s", situation).doesNotContain(fragment);
        }
        assertThat(english).doesNotContain("[OZG-").doesNotContain("..");
    }

    private static ThrowingCallable call(ThrowingCallable call) {
        return call;
    }

    private static Object importXml(String xml) {
        return FimImporter.builder().build().importSchema(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
    }

    private static OzgException failure(ThrowingCallable call) {
        OzgException e = catchThrowableOfType(call, OzgException.class);
        assertThat(e).as("an OzgException").isNotNull();
        return e;
    }

    /** The literal parts of the templates of the exception and of every nested OzgException in that language. */
    private static List<String> fragments(OzgException e, Locale locale) {
        List<String> fragments = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OzgException ozg) {
                String template = ResourceBundle.getBundle(ozg.code().bundleBaseName(), locale, NO_FALLBACK)
                        .getString(ozg.code().code());
                for (String part : template.split("\\{\\d+}|[\"„“():;,]")) {
                    if (part.strip().length() >= 12) {
                        fragments.add(part.strip());
                    }
                }
            }
        }
        assertThat(fragments).as("template text of %s", e.code().code()).isNotEmpty();
        return fragments;
    }
}
