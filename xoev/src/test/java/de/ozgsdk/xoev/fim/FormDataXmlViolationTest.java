package de.ozgsdk.xoev.fim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.CodeValues;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid form data written or read as XML give one violation per cause: a missing required element is named by FIM
 * id and label (not as "an element is not expected here" at the next one), a bad value once (not also as the
 * validator's summary {@code cvc-type.3.1.3}).
 */
class FormDataXmlViolationTest {

    /** Antrag auf Bewohnerparkausweis, a real XDF2 schema of the shared fixtures. */
    private static FormSchema parkausweis;
    private static FormDataXml xml;
    private static final FormSchema HUNDESTEUER = ExampleSchemas.hundesteuer();
    private static final FormDataXml HUNDE = FormDataXml.builder(HUNDESTEUER)
            .generator(FimXsdGenerator.builder().codeValues(ExampleSchemas.CODES).build()).build();

    @BeforeAll
    static void importParkausweis() {
        parkausweis = FimImporter.builder().lenient(true).build()
                .importSchema(SharedFixtures.requireFimFile("xdf2/S05000058V1.0_xdf2.xml"));
        xml = FormDataXml.of(parkausweis);
    }

    /** The antragstellende Person with every required value, Geburtsdatum {@code birthday}. */
    private static FormData.Builder person(String birthday) {
        return FormData.builder().value("F05000059", "Muster").value("F05000060", "Erika")
                .value("F05000351", birthday).value("F05001354", "erika@example.org")
                .group("G05000428", FormData.builder().value("F00000053", "Hauptstraße").value("F00000016", "1")
                        .build())
                .group("G00000113", FormData.builder().value("F00000054", "50667").value("F00000035", "Köln")
                        .build())
                .value("F05000523", "DE");
    }

    private static FormData application(FormData person) {
        return FormData.builder()
                .value("F00-4cb0dd14-629c-4661-9435-4e9eadc43e07", "true").value("F05001344", "true")
                .group("G05000496", person)
                .group("G05000493", FormData.builder().value("F05001064", "12").value("F05001347", "1").build())
                .group("G05000477", FormData.builder().value("F05000627", "K-AB 123")
                        .value("F05001062", "123456").value("F05001047", "1").build())
                .build();
    }

    private static List<FimDataViolation> violations(ThrowingCallable call) {
        try {
            call.call();
        } catch (FimDataException e) {
            return e.violations();
        } catch (Throwable e) {
            throw new AssertionError("expected a FimDataException, got " + e, e);
        }
        throw new AssertionError("the data were accepted");
    }

    @Test
    void theCompleteApplicationIsWritten() {
        assertThat(xml.write(application(person("1985-02-28").build()))).contains("<F05000351>1985-02-28<");
    }

    @Test
    void namesMissingRequiredElementsByIdAndLabelInsteadOfTheNextElement() {
        FormData onlyPerson = FormData.builder().group("G05000496", person("1985-02-28").build()).build();

        List<FimDataViolation> violations = violations(() -> xml.write(onlyPerson));

        assertThat(violations).extracting(FimDataViolation::code, FimDataViolation::path, FimDataViolation::details)
                .containsExactly(
                        tuple(FimXmlError.MISSING_ELEMENT, "F00-4cb0dd14-629c-4661-9435-4e9eadc43e07[0]",
                                List.of("F00-4cb0dd14-629c-4661-9435-4e9eadc43e07",
                                        "Einwilligung zur Verarbeitung personenbezogener Daten", "1")),
                        tuple(FimXmlError.MISSING_ELEMENT, "F05001344[0]", List.of("F05001344",
                                "Einwilligung zum Abgleich mit dem Melde- und Zulassungsregister", "1")),
                        tuple(FimXmlError.MISSING_ELEMENT, "G05000493[0]",
                                List.of("G05000493", "Angaben zur Antragsstellung", "1")),
                        tuple(FimXmlError.MISSING_ELEMENT, "G05000477[0]",
                                List.of("G05000477", "Angaben zum Fahrzeug", "1")));
        assertThat(violations.get(0).line()).hasValue(3);
        assertThat(violations.get(1).message(Locale.GERMAN)).isEqualTo("F05001344[0]: Das Pflichtelement F05001344 "
                + "„Einwilligung zum Abgleich mit dem Melde- und Zulassungsregister“ fehlt (mindestens 1). "
                + "Füllen Sie es aus.");
    }

    @Test
    void namesAMissingElementInsideAGroupAlsoAtTheEndOfTheGroup() {
        FormData withoutLand = application(person("1985-02-28").remove("F05000523").build());

        assertThat(violations(() -> xml.write(withoutLand)))
                .extracting(FimDataViolation::code, FimDataViolation::path, FimDataViolation::details)
                .containsExactly(tuple(FimXmlError.MISSING_ELEMENT, "G05000496[0].F05000523[0]",
                        List.of("F05000523", "Land", "1")));
    }

    @Test
    void namesAnElementGivenMoreOftenThanItsMultiplicityAllows() {
        FormData twoNames = application(person("1985-02-28").values("F05000059", List.of("Muster", "Meier"))
                .build());

        assertThat(violations(() -> xml.write(twoNames)))
                .extracting(FimDataViolation::code, FimDataViolation::path, FimDataViolation::details)
                .containsExactly(tuple(FimXmlError.TOO_MANY_ELEMENTS, "G05000496[0].F05000059[1]",
                        List.of("F05000059", "Familienname", "2", "1")));
    }

    @Test
    void reportsADateThatDoesNotExistOnce() {
        FormData badDate = application(person("1985-02-31").build());

        assertThat(violations(() -> xml.write(badDate))).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("G05000496[0].F05000351[0]");
            assertThat(v.details()).containsExactly("cvc-datatype-valid.1.2.1");
        });
    }

    @Test
    void reportsADateInTheWrongFormOnce() {
        FormData germanDate = application(person("31.02.1985").build());

        assertThat(violations(() -> FormDataXml.builder(parkausweis).build().write(germanDate))).singleElement()
                .satisfies(v -> assertThat(v.path()).isEqualTo("G05000496[0].F05000351[0]"));
    }

    @Test
    void namesTheMissingElementAlsoWhenReading() {
        FormData onlyPerson = FormData.builder().group("G05000496", person("1985-02-28").build()).build();
        String written = FormDataXml.builder(parkausweis).validation(false).build().write(onlyPerson);

        List<FimDataViolation> violations = violations(() -> xml.read(
                new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8))));

        assertThat(violations).extracting(FimDataViolation::code).containsOnly(FimXmlError.MISSING_ELEMENT);
        assertThat(violations).extracting(FimDataViolation::path).startsWith(
                "F00-4cb0dd14-629c-4661-9435-4e9eadc43e07[0]", "F05001344[0]");
    }

    @Test
    void namesTheAlternativesOfAnEmptyChoiceGroup() {
        FormData valid = new ValidData(new Random(3), ExampleSchemas.CODES).instance(HUNDESTEUER.children(), false);
        String written = FormDataXml.builder(HUNDESTEUER).validation(false).build().write(valid)
                .replaceAll("(?s)<G20000000002>.*</G20000000002>", "<G20000000002/>");

        List<FimDataViolation> violations = violations(() -> HUNDE.read(
                new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8))));

        assertThat(written).contains("<G20000000002/>");
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(FimXmlError.CHOICE_MISSING);
            assertThat(v.path()).isEqualTo("G20000000002[0]");
            assertThat(v.details()).containsExactly("F20000000009 \"IBAN\", F20000000010 \"Verwendungszweck\"");
        });
    }

    @Test
    void reportsAValueThatBreaksAPatternFacetOnce() {
        FormData valid = new ValidData(new Random(4), ExampleSchemas.CODES).instance(HUNDESTEUER.children(), false);
        FormData badIban = valid.toBuilder().groups("G20000000002", List.of(FormData.builder()
                .value("F20000000009", "DE12345678901234567890X").build())).build();

        assertThat(violations(() -> HUNDE.write(badIban))).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("G20000000002[0].F20000000009[0]");
            assertThat(v.details()).doesNotContain("cvc-type.3.1.3");
        });
    }

    @Test
    void countsAgainstTheOccurrencesTheXsdStatesForCombinedAndCappedMultiplicities() {
        Field name = ExampleSchemas.text("F40000000001", "Name", null, null, null);
        Field tag = ExampleSchemas.text("F40000000002", "Tag", null, null, null);
        FormSchema schema = ExampleSchemas.schema("S40000000001", "Grenzen",
                new ElementRef(name, Multiplicity.parse("3:5")), new ElementRef(name, Multiplicity.parse("0:2")),
                new ElementRef(tag, Multiplicity.parse("6000:*")));
        FormData data = FormData.builder().values("F40000000001", List.of("a", "b", "c", "d")).build();

        assertThat(violations(() -> FormDataXml.of(schema).write(data)))
                .extracting(FimDataViolation::code, FimDataViolation::path, FimDataViolation::details)
                .containsExactly(
                        tuple(FimXmlError.TOO_MANY_ELEMENTS, "F40000000001[3]", List.of("F40000000001", "Name", "4",
                                "3")),
                        tuple(FimXmlError.MISSING_ELEMENT, "F40000000002[0]", List.of("F40000000002", "Tag",
                                "5000")));
    }

    /** For every example and fixture schema: leaving out its first required element gives exactly that finding. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("de.ozgsdk.xoev.fim.FachdatenInApplicationMessageTest#schemas")
    void leavingOutARequiredElementNamesExactlyThatElement(String name, FormSchema schema, CodeValues codes) {
        Optional<ElementRef> required = schema.children().stream()
                .filter(r -> r.multiplicity().min() >= 1)
                .filter(r -> !(r.element() instanceof Field f && f.kind() == FieldKind.LABEL))
                .filter(r -> schema.children().stream().filter(o -> o.id().id().equals(r.id().id())).count() == 1)
                .findFirst();
        assumeTrue(required.isPresent(), name + " has no required top-level element");
        String id = required.get().id().id();
        FormDataXml checked = FormDataXml.builder(schema)
                .generator(FimXsdGenerator.builder().codeValues(codes).build()).build();
        FormData valid = new ValidData(new Random(name.hashCode()), codes).instance(schema.children(), false);
        checked.write(valid);

        List<FimDataViolation> violations = violations(() -> checked.write(valid.toBuilder().remove(id).build()));

        assertThat(violations).extracting(FimDataViolation::code, FimDataViolation::path, FimDataViolation::details)
                .containsExactly(tuple(FimXmlError.MISSING_ELEMENT, id + "[0]", List.of(id,
                        required.get().element().label().get(Locale.GERMAN),
                        Integer.toString(required.get().multiplicity().min()))));
    }
}
