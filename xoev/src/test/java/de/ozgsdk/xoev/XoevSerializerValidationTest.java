package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.xoev.meldung.Meldung;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class XoevSerializerValidationTest {

    /** Line 3 lacks {@code <leser>}, line 4 has a UUID in upper case, line 5 a postcode with a personal value. */
    private static final String KOPF_WITHOUT_LESER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <basis:nachrichtenkopf xmlns:basis="urn:ozgsdk:xoev:basis:1.0">
              <nachrichtenUUID>0f8fad5b-d9cb-469f-a165-70867728950e</nachrichtenUUID>
              <nachrichtentyp listURI="urn:ozgsdk:codeliste:nachrichtentyp" listVersionID="1.0"><code>antrag.0001</code></nachrichtentyp>
              <erstellungszeitpunkt>2024-05-17T09:30:00+02:00</erstellungszeitpunkt>
              <autor><behoerdenkennung><praefix listURI="urn:x:y" listVersionID="1"><code>dvdv</code></praefix><kennung>ozg-portal</kennung></behoerdenkennung></autor>
            </basis:nachrichtenkopf>
            """;

    private static final String MELDUNG_WITH_TWO_ERRORS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <m:meldung xmlns:m="urn:ozgsdk:test:meldung:1.0" aktenzeichen="AZ-1">
              <m:person><vorname>Anna</vorname><familienname>Müller</familienname></m:person>
              <m:anschrift>
                <strasse>Hauptstraße</strasse><hausnummer>12</hausnummer>
                <postleitzahl>Geheim_Wert</postleitzahl>
                <ort>Köln</ort>
                <unbekannt>x</unbekannt>
              </m:anschrift>
            </m:meldung>
            """;

    private final XoevSerializer<Nachrichtenkopf> kopfSerializer = Samples.kopfSerializer();
    private final XoevSerializer<Meldung> meldungSerializer = Samples.meldungSerializer();

    @Test
    void readReportsEveryViolationWithLineColumnAndPath() {
        XoevValidationException e = catchThrowableOfType(XoevValidationException.class,
                () -> meldungSerializer.read(bytes(MELDUNG_WITH_TWO_ERRORS), "meldung-4711.xml"));

        assertThat(e.code()).isEqualTo(XoevError.NOT_SCHEMA_VALID_ON_READ);
        assertThat(e.violations()).hasSizeGreaterThanOrEqualTo(2);
        SchemaViolation postcode = e.violations().get(0);
        assertThat(postcode.line()).isEqualTo(6);
        assertThat(postcode.column()).isPositive();
        assertThat(postcode.rule()).startsWith("cvc-");
        assertThat(postcode.message()).contains("Geheim_Wert");
        assertThat(postcode.path()).contains("/meldung/anschrift/postleitzahl");
        assertThat(e.violations()).anySatisfy(v -> {
            assertThat(v.line()).isEqualTo(8);
            assertThat(v.message()).contains("unbekannt");
        });
    }

    @Test
    void exceptionMessageCountsAndLocatesButNeverQuotesDocumentValues() {
        XoevValidationException e = catchThrowableOfType(XoevValidationException.class,
                () -> meldungSerializer.read(bytes(MELDUNG_WITH_TWO_ERRORS), "meldung-4711.xml"));

        assertThat(e.getMessage())
                .startsWith("[OZG-XOEV-101]")
                .contains("meldung-4711.xml", "(6:", "cvc-")
                .doesNotContain("Geheim_Wert");
        assertThat(e.userMessage(Locale.GERMAN)).contains("Verstoß", "(6:").doesNotContain("Geheim_Wert", "line");
        assertThat(e.violations().get(0).toString()).doesNotContain("Geheim_Wert");
    }

    @Test
    void readReportsAMissingRequiredElementAtTheEndTagOfItsParent() {
        XoevValidationException e = catchThrowableOfType(XoevValidationException.class,
                () -> kopfSerializer.read(bytes(KOPF_WITHOUT_LESER), "kopf.xml"));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(7);
            assertThat(v.message()).contains("leser");
            assertThat(v.path()).contains("/nachrichtenkopf");
            assertThat(v.severity()).isEqualTo(SchemaViolation.Severity.ERROR);
        });
    }

    @Test
    void readWithoutValidationLetsAnIncompleteDocumentThrough() {
        Nachrichtenkopf kopf = kopfSerializer.withoutValidation().read(bytes(KOPF_WITHOUT_LESER), "kopf.xml");

        assertThat(kopf.autor().behoerdenkennung().kennung()).isEqualTo("ozg-portal");
        assertThat(kopf.leser()).isNull();
    }

    @Test
    void writeRejectsAnObjectWithoutARequiredElement() {
        Nachrichtenkopf incomplete = kopfSerializer.withoutValidation().read(bytes(KOPF_WITHOUT_LESER), "kopf.xml");

        XoevValidationException e = catchThrowableOfType(XoevValidationException.class,
                () -> kopfSerializer.toBytes(incomplete));

        assertThat(e.code()).isEqualTo(XoevError.NOT_SCHEMA_VALID_ON_WRITE);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("leser");
            assertThat(v.line()).isEqualTo(1);
        });
        assertThat(e.getMessage()).contains(Nachrichtenkopf.class.getName(), "1 violation");
    }

    @Test
    void writeToAStreamWritesNothingWhenInvalid() {
        Meldung withoutPerson = Samples.meldung();
        withoutPerson.person = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> meldungSerializer.write(withoutPerson, out))
                .isInstanceOf(XoevValidationException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void writeWithoutValidationLetsAnIncompleteObjectThrough() {
        Meldung withoutPerson = Samples.meldung();
        withoutPerson.person = null;

        byte[] xml = meldungSerializer.withoutValidation().toBytes(withoutPerson);

        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("person").contains("<m:anschrift>");
    }

    @Test
    void validationOffInTheBuilderNeedsNoSchemaSet() {
        XoevSerializer<Nachrichtenkopf> unchecked = XoevSerializer.builder(Nachrichtenkopf.class)
                .validation(false).build();

        assertThat(unchecked.validates()).isFalse();
        assertThat(unchecked.read(unchecked.toBytes(Samples.kopf()), "k.xml")).isEqualTo(Samples.kopf());
    }

    @Test
    void validationOnWithoutSchemaSetIsAConfigurationMistake() {
        assertThatThrownBy(() -> XoevSerializer.builder(Nachrichtenkopf.class).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(XoevError.SETTING_INVALID);
                    assertThat(e.arguments()).startsWith("XoevSerializer", "schemaSet");
                });
    }

    @Test
    void settingsThatCannotWorkAreConfigurationMistakesWithACode() {
        assertThatThrownBy(() -> XoevSchemaSet.builder().build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(XoevError.SETTING_INVALID));
        assertThatThrownBy(() -> XoevSerializer.builder(Nachrichtenkopf.class).prefix("urn:x", "xmlfoo"))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.arguments()).startsWith("XoevSerializer", "prefix"));
    }

    @Test
    void readRefusesADocumentWithAnotherRootElement() {
        assertThatThrownBy(() -> kopfSerializer.read(bytes(MELDUNG_WITH_TWO_ERRORS), "meldung.xml"))
                .isInstanceOfSatisfying(de.ozgsdk.core.InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XoevError.UNEXPECTED_ROOT_ELEMENT);
                    assertThat(e.getMessage()).contains("{urn:ozgsdk:test:meldung:1.0}meldung",
                            "{urn:ozgsdk:xoev:basis:1.0}nachrichtenkopf");
                });
    }

    @Test
    void readWithoutValidationStillRefusesElementsTheBindingDoesNotKnow() {
        XoevValidationException e = catchThrowableOfType(XoevValidationException.class,
                () -> meldungSerializer.withoutValidation().read(bytes(MELDUNG_WITH_TWO_ERRORS), "m.xml"));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("binding");
            assertThat(v.line()).isEqualTo(8);
        });
    }

    @Test
    void readReportsAnUnparseableValueAsViolationEvenWithoutValidation() {
        String badUuid = KOPF_WITHOUT_LESER.replace("0f8fad5b-d9cb-469f-a165-70867728950e", "Max Mustermann");

        XoevValidationException e = catchThrowableOfType(XoevValidationException.class,
                () -> kopfSerializer.withoutValidation().read(bytes(badUuid), "k.xml"));

        assertThat(e.violations()).isNotEmpty();
        assertThat(e.getMessage()).doesNotContain("Mustermann");
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
