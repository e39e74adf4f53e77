package de.ozgsdk.xoev.fim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.validation.FormValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import mockwebserver3.MockWebServer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FormDataXmlTest {

    private static final FormSchema HUNDESTEUER = ExampleSchemas.hundesteuer();
    private static final FormDataXml XML = FormDataXml.builder(HUNDESTEUER)
            .generator(FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build()).build();

    @Property(tries = 60)
    void roundTripsGeneratedDataThroughXml(@ForAll @IntRange(min = 0, max = 4) int schemaIndex,
                                           @ForAll long seed) {
        FormSchema schema = ExampleSchemas.all().get(schemaIndex);
        FormDataXml xml = FormDataXml.builder(schema)
                .generator(FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build()).build();
        FormData data = new ValidData(new Random(seed), ExampleSchemas.CODES).instance(schema.children(), false);
        assertThat(xml.read(bytes(xml.write(data)))).isEqualTo(data);
    }

    @Property(tries = 40)
    void jsonToXmlAndBackGivesTheSameJson(@ForAll @IntRange(min = 0, max = 4) int schemaIndex, @ForAll long seed) {
        FormSchema schema = ExampleSchemas.all().get(schemaIndex);
        FormDataJson json = FormDataJson.of(schema);
        FormDataXml xml = FormDataXml.builder(schema)
                .generator(FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build()).build();
        String text = json.write(new ValidData(new Random(seed), ExampleSchemas.CODES)
                .instance(schema.children(), false));
        FormData viaXml = xml.read(bytes(xml.write(json.read(text))));
        assertThat(json.write(viaXml)).isEqualTo(text);
    }

    @Test
    void writesTextAsTheValidatorChecksItStrippedAndLatinTextInNfc() {
        FormData data = valid().toBuilder().groups("G20000000002", List.of(FormData.builder()
                .value("F20000000009", " DE12345678901234567890\t").build())).build();
        FormSchema wohnsitz = ExampleSchemas.wohnsitzanmeldung();
        FormData person = FormData.builder().value("F10000000001", "Muster")
                .value("F10000000002", Normalizer.normalize(" Jürgen Ömer ", Normalizer.Form.NFD))
                .value("F10000000003", "2000-01-01").value("F10000000004", "000").build();

        assertThat(FormValidator.builder(HUNDESTEUER).codeValues(ExampleSchemas.CODES).build().validate(data)
                .violations()).isEmpty();
        assertThat(XML.write(data)).contains("<F20000000009>DE12345678901234567890</F20000000009>");
        String written = FormDataXml.builder(wohnsitz).validation(false).build()
                .write(FormData.builder().group("G10000000001", person).build());
        assertThat(written).contains("<F10000000002>Jürgen Ömer</F10000000002>");
    }

    @Test
    void normalisesGermanInputToTheCanonicalFormOfJson() {
        FormData data = valid().toBuilder().value("F20000000006", "12,5").build();
        String written = XML.write(data);
        assertThat(written).contains("<F20000000006>12.5</F20000000006>");
        assertThat(FormDataJson.of(HUNDESTEUER).write(XML.read(bytes(written))))
                .isEqualTo(FormDataJson.of(HUNDESTEUER).write(data));
    }

    @Test
    void refusesToWriteInvalidDataWithPathLineAndColumn() {
        FormData data = valid().toBuilder().value("F20000000007", "zwei").build();
        assertThatThrownBy(() -> XML.write(data)).isInstanceOfSatisfying(FimDataException.class, e -> {
            FimDataViolation v = e.violations().get(0);
            assertThat(v.path()).isEqualTo("F20000000007[0]");
            assertThat(v.line()).isPresent();
            assertThat(v.column()).isPresent();
            assertThat(v.message(Locale.ENGLISH)).contains("F20000000007[0]").doesNotContain("zwei");
        });
    }

    @Test
    void reportsViolationsOfReadXmlAtTheirLineInTheSource() {
        String written = XML.write(valid());
        String broken = written.replace("<F20000000007>", "<F20000000007>x");
        int line = lineOf(broken, "<F20000000007>");
        assertThatThrownBy(() -> XML.read(bytes(broken))).isInstanceOfSatisfying(FimDataException.class, e -> {
            assertThat(e.violations()).anySatisfy(v -> {
                assertThat(v.path()).isEqualTo("F20000000007[0]");
                assertThat(v.line()).hasValue(line);
            });
        });
    }

    @Test
    void reportsUnknownElementsAlsoWithoutValidation() {
        FormDataXml lax = FormDataXml.builder(HUNDESTEUER).validation(false).build();
        String broken = XML.write(valid()).replace("<F20000000001>", "<F9>1</F9><F20000000001>");
        assertThatThrownBy(() -> lax.read(bytes(broken))).isInstanceOfSatisfying(FimDataException.class,
                e -> assertThat(e.violations().get(0).code()).isEqualTo(FimXmlError.UNKNOWN_ELEMENT));
    }

    @Test
    void writesOneElementIntoAForeignDocumentAndReadsItBack() throws Exception {
        StringWriter out = new StringWriter();
        XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        writer.writeStartDocument();
        writer.writeStartElement("", "antrag", "urn:example:antrag");
        writer.writeDefaultNamespace("urn:example:antrag");
        XML.write(valid(), writer);
        writer.writeStartElement("", "ende", "urn:example:antrag");
        writer.writeEndElement();
        writer.writeEndElement();
        writer.writeEndDocument();
        XMLStreamReader reader = SecureXml.defaults().newXmlStreamReader(bytes(out.toString()), "antrag.xml");
        reader.nextTag();
        reader.nextTag();
        assertThat(XML.read(reader)).isEqualTo(valid());
        assertThat(reader.getEventType()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(reader.getLocalName()).isEqualTo("ende");
    }

    @Test
    void refusesAnXsdGeneratedFromAnotherSchema() {
        GeneratedXsd otherXsd = FimXsdGenerator.of().generate(ExampleSchemas.allTypes());
        FormDataXml.Builder builder = FormDataXml.builder(ExampleSchemas.hundesteuer());

        assertThatThrownBy(() -> builder.xsd(otherXsd)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(FimXmlError.XSD_OF_OTHER_SCHEMA));
    }

    @Test
    void refusesTheWrongRootElement() throws Exception {
        FormDataXml other = FormDataXml.of(ExampleSchemas.allTypes());
        assertThatThrownBy(() -> other.read(bytes(XML.write(valid())))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.code()).isEqualTo(FimXmlError.WRONG_ROOT));
    }

    @Test
    void refusesDoctypesAndExternalEntitiesWithoutNetworkAccess() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String evil = "<?xml version=\"1.0\"?><!DOCTYPE S20000000001 [<!ENTITY x SYSTEM \""
                    + server.url("/x") + "\">]><S20000000001 xmlns=\"" + XML.xsd().targetNamespace()
                    + "\"><F20000000001>&x;</F20000000001></S20000000001>";
            assertThatThrownBy(() -> XML.read(bytes(evil))).isInstanceOf(InvalidInputException.class);
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void refusesMalformedXmlAsInvalidInput() {
        assertThatThrownBy(() -> XML.read(bytes("<S20000000001 xmlns=\"" + XML.xsd().targetNamespace() + "\">")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void writesToAStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XML.write(valid(), out);
        assertThat(XML.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(valid());
    }

    static FormData valid() {
        return FormData.builder()
                .value("F20000000001", "Erika Mustermann")
                .group("G20000000001", FormData.builder().value("F20000000002", "Bello")
                        .value("F20000000003", "dackel").value("F20000000005", "2020-05-01").build())
                .value("F20000000007", "1")
                .group("G20000000002", FormData.builder().value("F20000000009", "DE12345678901234567890").build())
                .build();
    }

    private static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
