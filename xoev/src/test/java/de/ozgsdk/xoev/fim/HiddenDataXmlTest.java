package de.ozgsdk.xoev.fim;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.rules.RuleSet;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.HiddenDataForm;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.xoev.message.ApplicationMessageReader;
import de.ozgsdk.xoev.message.ReceivedApplication;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data hidden by rules do not leave the form as XML: the Fachdaten written from {@link ValidationResult#visibleData()}
 * of forms' {@link HiddenDataForm} (hidden fields and groups at every nesting level, per instance of repeated groups,
 * the unchosen alternative of an Auswahlgruppe) hold none of the hidden values, neither as {@link FormDataXml} nor
 * inside the application message, and come back as the visible data.
 */
class HiddenDataXmlTest {

    private static final FormSchema SCHEMA = HiddenDataForm.schema();
    private static final GeneratedXsd XSD = FimXsdGenerator.of().generate(SCHEMA);
    private static final FormDataXml XML = FormDataXml.builder(SCHEMA).xsd(XSD).build();

    @TempDir
    Path dir;

    static Stream<Arguments> ruleSources() {
        return Stream.of(Arguments.of("side file", HiddenDataForm.sideFileRules()),
                Arguments.of("program", HiddenDataForm.programRules()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleSources")
    void fachdatenXmlOfTheVisibleDataHoldNoHiddenValue(String source, RuleSet rules) throws Exception {
        FormData visible = visibleData(rules);

        String written = XML.write(visible);

        assertThat(HiddenDataForm.secretsIn(written)).isEmpty();
        assertThat(written).contains(HiddenDataForm.openValues());
        assertThat(XML.read(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(HiddenDataForm.data(false));
        FimXmlTestSupport.requireXmllint();
        Path xsd = Files.writeString(dir.resolve("S1.xsd"), XSD.text());
        FimXmlTestSupport.Result lint = FimXmlTestSupport.xmllint(xsd,
                Files.writeString(dir.resolve("data.xml"), written));
        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleSources")
    void applicationMessageOfTheVisibleDataHoldsNoHiddenValue(String source, RuleSet rules) {
        FormData visible = visibleData(rules);

        byte[] message = FachdatenInApplicationMessageTest.write(
                FachdatenInApplicationMessageTest.message(out -> XML.write(visible, out)), XSD.schemaSet());
        ReceivedApplication received = ApplicationMessageReader.builder().fachdatenSchemas(XSD.schemaSet())
                .spoolDirectory(dir).build().read(new ByteArrayInputStream(message), "hidden");

        assertThat(HiddenDataForm.secretsIn(new String(message, StandardCharsets.UTF_8))).isEmpty();
        assertThat(XML.read(received.fachdaten())).isEqualTo(HiddenDataForm.data(false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleSources")
    void withoutTheVisibleDataEveryHiddenValueWouldTravel(String source, RuleSet rules) {
        FormDataXml unchecked = FormDataXml.builder(SCHEMA).xsd(XSD).validation(false).build();

        String written = unchecked.write(HiddenDataForm.data(true));

        assertThat(HiddenDataForm.secretsIn(written)).hasSize(HiddenDataForm.HIDDEN.size());
        assertThat(FormValidator.builder(SCHEMA).rules(rules).build().validate(HiddenDataForm.data(true))
                .isValid()).isTrue();
    }

    private static FormData visibleData(RuleSet rules) {
        ValidationResult result = FormValidator.builder(SCHEMA).rules(rules).build()
                .validate(HiddenDataForm.data(true));
        assertThat(result.isValid()).as(result.violations().toString()).isTrue();
        return result.visibleData();
    }
}
