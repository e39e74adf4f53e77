package de.ozgsdk.xoev.fim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Multiplicity;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FimXsdGeneratorTest {

    private final GeneratedXsd all = FimXsdGenerator.of().generate(ExampleSchemas.allTypes());

    @Test
    void namesRootAndNamespaceAfterTheSchemaId() {
        assertThat(all.rootElement()).isEqualTo("S30000000001");
        assertThat(all.targetNamespace()).isEqualTo("urn:ozgsdk:fim:S30000000001V1.0");
        assertThat(all.text()).contains("<xs:element name=\"S30000000001\">")
                .contains("targetNamespace=\"urn:ozgsdk:fim:S30000000001V1.0\"");
    }

    @Test
    void statesTextLengthsAndTranslatedPattern() {
        assertThat(type("F30000000001V1.0.0")).contains("base=\"xs:string\"").contains("<xs:minLength value=\"2\"/>")
                .contains("<xs:maxLength value=\"10\"/>").contains("<xs:pattern value=\"[A-Z][a-z]*\"/>");
    }

    @Test
    void statesNumberRangesAndRoundsIntegerLimitsInwards() {
        assertThat(type("F30000000003V1.0.0")).contains("base=\"xs:decimal\"")
                .contains("<xs:minInclusive value=\"-1.5\"/>").contains("<xs:maxInclusive value=\"99.25\"/>");
        assertThat(type("F30000000004V1.0.0")).contains("base=\"xs:integer\"")
                .contains("<xs:minInclusive value=\"1\"/>").contains("<xs:maxInclusive value=\"10\"/>");
    }

    @Test
    void statesCurrencyAsTwoDecimalsWithinMoneyLimits() {
        assertThat(type("F30000000005V1.0.0")).contains("<xs:fractionDigits value=\"2\"/>")
                .contains("<xs:maxInclusive value=\"9999999999999.99\"/>");
    }

    @Test
    void statesTemporalTypesWithCanonicalLimits() {
        assertThat(type("F30000000007V1.0.0")).contains("base=\"_date\"")
                .contains("<xs:minInclusive value=\"2024-02-01\"/>");
        assertThat(type("F30000000008V1.0.0")).contains("base=\"_time\"")
                .contains("<xs:minInclusive value=\"08:00:00\"/>").contains("<xs:maxInclusive value=\"18:30:00\"/>");
        assertThat(type("F30000000009V1.0.0")).contains("base=\"_datetime\"");
        assertThat(type("F30000000006V1.0.0")).contains("base=\"_bool\"");
    }

    @Test
    void statesDateTimeLimitsInGermanNotationAsTheValidatorReadsThem() {
        GeneratedXsd limits = FimXsdGenerator.of().generate(GeneratedXsdDifferentialTest.limits());

        assertThat(limits.text()).contains("<xs:minInclusive value=\"2024-01-31T08:00:00\"/>")
                .contains("<xs:maxInclusive value=\"2024-12-31T18:30:00\"/>")
                .contains("<xs:minInclusive value=\"2024-06-01T12:00:00\"/>");
        assertThat(limits.notes()).noneMatch(n -> n.code() == FimXmlError.LIMIT_NOT_UNDERSTOOD);
    }

    @Test
    void leavesOutAPatternXmlSchemaCannotStateAndSaysSo() {
        assertThat(type("F30000000011V1.0.0")).doesNotContain("xs:pattern").contains("\\b");
        assertThat(all.notes()).anySatisfy(n -> {
            assertThat(n.code()).isEqualTo(FimXmlError.PATTERN_NOT_TRANSLATABLE);
            assertThat(n.elementId()).isEqualTo("F30000000011V1.0.0");
        });
    }

    @Test
    void takesOccurrencesFromTheMultiplicity() {
        assertThat(all.text()).contains("<xs:element name=\"F30000000012\" type=\"F30000000012V1.0.0\" "
                + "minOccurs=\"2\" maxOccurs=\"4\"/>")
                .contains("<xs:element name=\"F30000000001\" type=\"F30000000001V1.0.0\" minOccurs=\"0\"/>");
    }

    @Test
    void writesChoiceGroupsAsChoiceAndCodesAsEnumerations() {
        GeneratedXsd xsd = FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build()
                .generate(ExampleSchemas.hundesteuer());
        assertThat(xsd.text()).contains("<xs:choice>").contains("<xs:enumeration value=\"dackel\"/>");
        GeneratedXsd wohnsitz = FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build()
                .generate(ExampleSchemas.wohnsitzanmeldung());
        assertThat(wohnsitz.text()).contains("<xs:enumeration value=\"129\"/>").doesNotContain("F10000000008\"");
    }

    @Test
    void makesUnknownCodeListsTokensAndNotesThem() {
        GeneratedXsd xsd = FimXsdGenerator.of().generate(ExampleSchemas.wohnsitzanmeldung());
        assertThat(xsd.notes()).anyMatch(n -> n.code() == FimXmlError.CODE_LIST_UNAVAILABLE);
        assertThat(xsd.text()).contains("base=\"xs:token\"");
    }

    @Test
    void generatesTheSameTextForTheSameSchema() {
        for (FormSchema schema : ExampleSchemas.all()) {
            FimXsdGenerator generator = FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build();
            assertThat(generator.generate(schema).text()).isEqualTo(FimXsdGenerator.builder()
                    .codeValues(ExampleSchemas.CODES).build().generate(schema).text());
        }
    }

    @Test
    void compilesInTheHardenedSchemaFactory() {
        for (FormSchema schema : ExampleSchemas.all()) {
            GeneratedXsd xsd = FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).locale(Locale.ENGLISH)
                    .build().generate(schema);
            assertThat(SecureXml.defaults().newSchema(new ByteArrayInputStream(xsd.bytes()), "x.xsd")).isNotNull();
        }
    }

    @Test
    void refusesIdsThatAreNoXmlNames() {
        FormSchema schema = ExampleSchemas.schema("S1", "Schema", new ElementRef(
                ExampleSchemas.text("F 1", "Leer", null, null, null), Multiplicity.OPTIONAL));
        assertThatThrownBy(() -> FimXsdGenerator.of().generate(schema)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo(FimXmlError.ID_NOT_XML_NAME));
    }

    @Test
    void refusesANamespaceBaseThatIsNotAnAbsoluteUri() {
        assertThatThrownBy(() -> FimXsdGenerator.builder().namespaceBase("relative/")).isInstanceOf(
                InvalidInputException.class);
    }

    private String type(String name) {
        String text = all.text();
        int start = text.indexOf("<xs:simpleType name=\"" + name + "\">");
        assertThat(start).as(name).isNotNegative();
        return text.substring(start, text.indexOf("</xs:simpleType>", start));
    }

    @Test
    void statesContradictingAndHugeMultiplicitiesAsNoted() {
        Field name = ExampleSchemas.text("F40000000001", "Name", null, null, null);
        Field tag = ExampleSchemas.text("F40000000002", "Tag", null, null, null);
        FormSchema schema = ExampleSchemas.schema("S40000000001", "Grenzen",
                new ElementRef(name, Multiplicity.parse("3:5")),
                new ElementRef(name, Multiplicity.parse("0:2")),
                new ElementRef(tag, Multiplicity.parse("6000:*")));

        GeneratedXsd xsd = FimXsdGenerator.of().generate(schema);

        assertThat(xsd.text()).contains("<xs:element name=\"F40000000001\" type=\"F40000000001V1.0.0\" minOccurs=\"3\""
                        + " maxOccurs=\"3\"/>",
                "<xs:element name=\"F40000000002\" type=\"F40000000002V1.0.0\" minOccurs=\"5000\""
                        + " maxOccurs=\"unbounded\"/>");
        assertThat(xsd.notes()).extracting(XsdNote::code, XsdNote::details).containsExactly(
                tuple(FimXmlError.LIMITS_CONTRADICT, List.of("Multiplizität 3:2")),
                tuple(FimXmlError.MULTIPLICITY_CAPPED,
                        List.of("6000:unbounded", "5000")));
    }
}
