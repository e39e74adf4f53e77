package de.ozgsdk.forms.validation;

import static de.ozgsdk.forms.data.TestSchemas.field;
import static de.ozgsdk.forms.data.TestSchemas.group;
import static de.ozgsdk.forms.data.TestSchemas.ref;
import static de.ozgsdk.forms.data.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.Money;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.TestSchemas;
import java.math.BigInteger;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    private final FormValidator validator = FormValidator.builder(TestSchemas.person())
            .codeValues(CodeValues.of(Map.of(TestSchemas.CODE_LIST, Set.of("LD", "VH"))))
            .build();

    private ValidationResult validateWith(String fieldId, String value) {
        return validator.validate(TestSchemas.minimalPerson().toBuilder().value(fieldId, value).build());
    }

    /** A postcode as real FIM files give it: five characters and a pattern that says five digits again. */
    private static FormSchema postcodeSchema() {
        return schema(ref(field("F20", "Postleitzahl", "Postcode", DataType.TEXT,
                Precision.builder().minLength(5).maxLength(5).pattern("[0-9]{5}").build()), "0:1"));
    }

    private Violation only(ValidationResult result) {
        assertThat(result.violations()).hasSize(1);
        return result.violations().get(0);
    }

    @Test
    void acceptsValidData() {
        ValidationResult result = validator.validate(TestSchemas.minimalPerson().toBuilder()
                .value("F2", "Łukasz Ñúñez").value("F3", "31.01.2024").value("F4", "3").value("F5", "12,50")
                .value("F6", "2,5").value("F7", "true").value("F8", "14:30").value("F9", "2024-01-31T14:30")
                .value("F10", "50667").value("F11", "VH").value("F12", "000").values("F14", List.of("1", "2"))
                .build());

        assertThat(result.violations()).isEmpty();
        assertThat(result.value(DataPath.parse("F3"))).contains(LocalDate.of(2024, 1, 31));
        assertThat(result.value(DataPath.parse("F5"))).contains(Money.parse("12.50"));
        assertThat(result.value(DataPath.parse("F4"))).contains(BigInteger.valueOf(3));
        assertThat(result.value(DataPath.parse("F14[1]"))).contains("2");
    }

    @Test
    void reportsAMissingRequiredField() {
        Violation v = only(validator.validate(TestSchemas.minimalPerson().toBuilder().remove("F1").build()));

        assertThat(v.code()).isEqualTo(ViolationCode.REQUIRED);
        assertThat(v.path()).hasToString("F1");
        assertThat(v.message(Locale.GERMAN)).isEqualTo("Bitte füllen Sie „Familienname“ aus.");
        assertThat(v.message(Locale.ENGLISH)).isEqualTo("Please fill in “Surname”.");
    }

    @Test
    void countsABlankValueAsMissing() {
        assertThat(only(validateWith("F1", "   ")).code()).isEqualTo(ViolationCode.REQUIRED);
    }

    @Test
    void reportsTheRequiredFieldsOfAMissingRequiredGroup() {
        ValidationResult result = validator.validate(FormData.builder().value("F1", "Müller").build());

        assertThat(result.violations()).extracting(v -> v.path().toString(), Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("G1[0].F20", ViolationCode.REQUIRED),
                org.assertj.core.groups.Tuple.tuple("G1[0].F21", ViolationCode.REQUIRED));
    }

    @Test
    void reportsTooFewGroupInstances() {
        FieldGroup witness = group("G5", "Zeuge", ref(field("F50", "Name", "Name", DataType.TEXT,
                Precision.NONE), "1:1"));
        FormSchema schema = schema(ref(witness, "2:4"));
        FormData one = FormData.builder().group("G5", FormData.builder().value("F50", "A").build()).build();

        Violation v = only(FormValidator.of(schema).validate(one));

        assertThat(v.code()).isEqualTo(ViolationCode.TOO_FEW);
        assertThat(v.arguments()).containsExactly("2");
        assertThat(v.message(Locale.GERMAN)).isEqualTo("Bitte machen Sie bei „Zeuge“ mindestens 2 Angaben.");
    }

    @Test
    void reportsTooManyFieldValues() {
        Violation v = only(validator.validate(TestSchemas.minimalPerson().toBuilder()
                .values("F14", List.of("1", "2", "3", "4")).build()));

        assertThat(v.code()).isEqualTo(ViolationCode.TOO_MANY);
        assertThat(v.message(Locale.ENGLISH)).isEqualTo(
                "At most 3 entries are allowed for “Phone number”. Please remove the extra ones.");
    }

    @Test
    void ignoresBlankInstancesOfOptionalGroups() {
        assertThat(validator.validate(TestSchemas.minimalPerson().toBuilder()
                .group("G2", FormData.empty()).build()).isValid()).isTrue();
    }

    @Test
    void reportsNotANumber() {
        assertThat(only(validateWith("F6", "zwei")).code()).isEqualTo(ViolationCode.NOT_A_NUMBER);
    }

    @Test
    void reportsNotAnInteger() {
        Violation v = only(validateWith("F4", "2,5"));

        assertThat(v.code()).isEqualTo(ViolationCode.NOT_AN_INTEGER);
        assertThat(v.message(Locale.GERMAN)).isEqualTo(
                "Bitte geben Sie bei „Anzahl der Kinder“ eine ganze Zahl ein, z. B. 42.");
    }

    @Test
    void acceptsGermanAndIsoDatesWithOrWithoutLeadingZeros() {
        for (String date : List.of("2024-01-31", "31.01.2024", "1.2.2024", " 01.02.2024 ")) {
            assertThat(validateWith("F3", date).isValid()).as(date).isTrue();
        }
    }

    @Test
    void reportsValuesThatAreNoDateAsNotADate() {
        for (String date : List.of("31.01.24", "2024-1-31", "heute", "45.13.2024", "2024-13-01", "00.01.2024")) {
            assertThat(only(validateWith("F3", date)).code()).as(date).isEqualTo(ViolationCode.NOT_A_DATE);
        }
    }

    @Test
    void saysThatADateInTheRightFormatDoesNotExist() {
        for (String date : List.of("31.02.1985", "2023-02-29", "31.4.2024", " 30.02.2024 ")) {
            assertThat(only(validateWith("F3", date)).code()).as(date).isEqualTo(ViolationCode.DATE_DOES_NOT_EXIST);
        }
        Violation v = only(validateWith("F3", "31.02.1985"));
        assertThat(v.message(Locale.GERMAN)).contains("gibt es nicht").doesNotContain("Format");
        assertThat(v.message(Locale.ENGLISH)).contains("does not exist").doesNotContain("YYYY");
        assertThat(v.toString()).doesNotContain("1985");
    }

    @Test
    void saysThatTheDateOfADateTimeDoesNotExist() {
        assertThat(only(validateWith("F9", "31.02.2024 14:30")).code()).isEqualTo(ViolationCode.DATE_DOES_NOT_EXIST);
        assertThat(only(validateWith("F9", "2024-02-30T14:30")).code()).isEqualTo(ViolationCode.DATE_DOES_NOT_EXIST);
        assertThat(only(validateWith("F9", "31.01.2024 25:30")).code()).isEqualTo(ViolationCode.NOT_A_DATETIME);
    }

    @Test
    void reportsNotATime() {
        assertThat(only(validateWith("F8", "25:00")).code()).isEqualTo(ViolationCode.NOT_A_TIME);
    }

    @Test
    void reportsNotADateTime() {
        assertThat(validateWith("F9", "31.01.2024 14:30").isValid()).isTrue();
        assertThat(validateWith("F9", "2024-01-31T14:30:00+01:00").isValid()).isTrue();
        assertThat(only(validateWith("F9", "2024-01-31")).code()).isEqualTo(ViolationCode.NOT_A_DATETIME);
    }

    @Test
    void reportsNotABoolean() {
        assertThat(only(validateWith("F7", "vielleicht")).code()).isEqualTo(ViolationCode.NOT_A_BOOLEAN);
    }

    @Test
    void reportsTooShort() {
        Violation v = only(validateWith("F1", "M"));

        assertThat(v.code()).isEqualTo(ViolationCode.TOO_SHORT);
        assertThat(v.message(Locale.GERMAN)).isEqualTo("Bitte geben Sie bei „Familienname“ mindestens 2 Zeichen ein.");
    }

    @Test
    void reportsTooLongNamingLabelAndLimitInGermanAndEnglish() {
        Violation v = only(validateWith("F1", "x".repeat(56)));

        assertThat(v.code()).isEqualTo(ViolationCode.TOO_LONG);
        assertThat(v.arguments()).containsExactly("55");
        assertThat(v.label().german()).isEqualTo("Familienname");
        assertThat(v.message(Locale.GERMAN)).isEqualTo(
                "Bitte geben Sie bei „Familienname“ höchstens 55 Zeichen ein.");
        assertThat(v.message(Locale.ENGLISH)).isEqualTo("Please enter at most 55 characters for “Surname”.");
        assertThat(v.toString()).doesNotContain("xxx");
    }

    @Test
    void reportsPatternMismatch() {
        assertThat(only(validateWith("F10", "5066")).code()).isEqualTo(ViolationCode.PATTERN_MISMATCH);
    }

    @Test
    void reportsAShortPostcodeOnceAsTooShortNotAlsoAsPatternMismatch() {
        FormSchema schema = postcodeSchema();
        FormValidator postcode = FormValidator.of(schema);

        assertThat(postcode.validate(FormData.builder().value("F20", "5066").build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_SHORT);
        assertThat(postcode.validate(FormData.builder().value("F20", "5066x").build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.PATTERN_MISMATCH);
        assertThat(postcode.validate(FormData.builder().value("F20", "50667").build()).isValid()).isTrue();
    }

    @Test
    void reportsBelowMinimumWithTheLimitInLocalNotation() {
        Violation v = only(validateWith("F6", "0,25"));

        assertThat(v.code()).isEqualTo(ViolationCode.BELOW_MINIMUM);
        assertThat(v.arguments()).containsExactly("0.5");
        assertThat(v.message(Locale.GERMAN)).contains("mindestens 0,5");
        assertThat(v.message(Locale.ENGLISH)).contains("at least 0.5");
    }

    @Test
    void reportsAboveMaximumForDates() {
        Violation v = only(validateWith("F3", "01.01.2031"));

        assertThat(v.code()).isEqualTo(ViolationCode.ABOVE_MAXIMUM);
        assertThat(v.message(Locale.GERMAN)).contains("höchstens 31.12.2030");
        assertThat(v.message(Locale.ENGLISH)).contains("at most 2030-12-31");
    }

    @Test
    void reportsCurrencyAmountsWithMoreThanTwoDecimals() {
        assertThat(only(validateWith("F5", "12,505")).code()).isEqualTo(ViolationCode.INVALID_CURRENCY_AMOUNT);
        assertThat(only(validateWith("F5", "zwölf")).code()).isEqualTo(ViolationCode.NOT_A_NUMBER);
    }

    @Test
    void reportsValuesOutsideTheCodeList() {
        assertThat(only(validateWith("F11", "XX")).code()).isEqualTo(ViolationCode.NOT_IN_CODE_LIST);
    }

    @Test
    void reportsValuesOutsideTheInlineValues() {
        assertThat(only(validateWith("F12", "123")).code()).isEqualTo(ViolationCode.NOT_IN_CODE_LIST);
    }

    @Test
    void skipsCodeListsThatAreNotAvailable() {
        assertThat(FormValidator.of(TestSchemas.person()).validate(TestSchemas.minimalPerson().toBuilder()
                .value("F11", "XX").build()).isValid()).isTrue();
    }

    @Test
    void failsAtBuildWhenCodeListsAreRequiredButMissing() {
        assertThatThrownBy(() -> FormValidator.builder(TestSchemas.person()).requireCodeLists(true).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(TestSchemas.CODE_LIST);
    }

    @Test
    void reportsNonLatinCharactersWithTheirPosition() {
        Violation v = only(validateWith("F2", "Иван"));

        assertThat(v.code()).isEqualTo(ViolationCode.CHARACTERS_NOT_LATIN);
        assertThat(v.arguments()).containsExactly("1");
    }

    @Test
    void countsTheLengthOfLatinTextInNfcAsItIsKept() {
        FormValidator latin = FormValidator.of(schema(ref(field("F1", "Name", "Name", DataType.TEXT_LATIN,
                Precision.builder().maxLength(6).pattern("[A-Za-zäöü]{6}").build()), "1:1")));
        String decomposed = Normalizer.normalize("Müller", Normalizer.Form.NFD);

        ValidationResult result = latin.validate(FormData.builder().value("F1", decomposed).build());

        assertThat(decomposed).hasSize(7);
        assertThat(result.violations()).isEmpty();
        assertThat(result.value(DataPath.parse("F1"))).contains("Müller");
    }

    @Test
    void reportsUnknownElements() {
        Violation v = only(validator.validate(TestSchemas.minimalPerson().toBuilder().value("F99", "x").build()));

        assertThat(v.code()).isEqualTo(ViolationCode.UNKNOWN_ELEMENT);
        assertThat(v.path()).hasToString("F99");
    }

    @Test
    void reportsGroupsWhereTheSchemaHasAField() {
        Violation v = only(validator.validate(TestSchemas.minimalPerson().toBuilder()
                .group("F2", FormData.empty()).build()));

        assertThat(v.code()).isEqualTo(ViolationCode.WRONG_STRUCTURE);
    }

    @Test
    void reportsValuesInLabelFields() {
        assertThat(only(validateWith("F13", "x")).code()).isEqualTo(ViolationCode.NO_INPUT_ALLOWED);
    }

    @Test
    void reportsViolationsInRepeatedGroupsWithTheInstancePath() {
        FormData data = TestSchemas.minimalPerson().toBuilder()
                .group("G2", FormData.builder().value("F30", "Anna").build())
                .group("G2", FormData.builder().value("F32", "31.02.2020").build())
                .build();

        assertThat(validator.validate(data).violations()).extracting(v -> v.path() + " " + v.code())
                .containsExactly("G2[1].F30 REQUIRED", "G2[1].F32 DATE_DOES_NOT_EXIST");
    }

    @Test
    void checksExactlyOneAlternativeOfAChoiceGroup() {
        FieldGroup choice = group("G6", "Kontakt", ref(field("F60", "E-Mail", "E-mail", DataType.TEXT,
                Precision.NONE), "1:1"), ref(field("F61", "Telefon", "Phone", DataType.TEXT, Precision.NONE), "1:1"))
                .toBuilder().choice(true).build();
        FormValidator choiceValidator = FormValidator.of(schema(ref(choice, "1:1")));

        assertThat(choiceValidator.validate(FormData.builder().group("G6", FormData.builder()
                .value("F61", "0221").build()).build()).isValid()).isTrue();
        assertThat(choiceValidator.validate(FormData.builder().group("G6", FormData.builder()
                .value("F60", "a@b.de").value("F61", "0221").build()).build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.CHOICE_AMBIGUOUS);
        assertThat(choiceValidator.validate(FormData.empty()).violations())
                .extracting(v -> v.path() + " " + v.code()).containsExactly("G6[0] REQUIRED");
    }

    @Test
    void listsViolationsInSchemaOrder() {
        FormData data = FormData.builder().value("F4", "x").value("F1", "M").value("F3", "y")
                .group("G1", FormData.builder().value("F20", "S").value("F21", "K").build()).build();

        assertThat(validator.validate(data).violations()).extracting(v -> v.path().toString())
                .containsExactly("F1", "F3", "F4");
    }

    @Test
    void writesTurkishUkrainianAndArabicWithTheLimit() {
        Violation v = only(validateWith("F1", "M"));

        assertThat(v.message(Locale.forLanguageTag("tr")))
                .isEqualTo("Lütfen “Familienname” için en az 2 karakter girin.");
        assertThat(v.message(Locale.forLanguageTag("uk")))
                .isEqualTo("Мінімальна кількість символів у полі «Familienname»: 2.");
        assertThat(v.message(Locale.forLanguageTag("ar")))
                .isEqualTo("يجب ألا يقل عدد الأحرف في الحقل «Familienname» عن 2.");
        assertThat(v.messageLanguage(Locale.forLanguageTag("uk-UA"))).isEqualTo(Locale.forLanguageTag("uk"));
    }

    @Test
    void writesGermanForLanguagesWithoutMessages() {
        Violation v = only(validateWith("F1", "M"));

        assertThat(v.message(Locale.forLanguageTag("pl"))).isEqualTo(v.message(Locale.GERMAN));
        assertThat(v.messageLanguage(Locale.forLanguageTag("pl"))).isEqualTo(Locale.GERMAN);
    }

    @Test
    void everyViolationCodeHasAMessageInEveryLanguage() {
        for (String language : List.of("de", "en", "tr", "uk", "ar")) {
            ResourceBundle bundle = ResourceBundle.getBundle(ViolationCode.REQUIRED.bundleBaseName(),
                    Locale.forLanguageTag(language), ResourceBundle.Control.getNoFallbackControl(
                            ResourceBundle.Control.FORMAT_PROPERTIES));
            for (ViolationCode code : ViolationCode.values()) {
                assertThat(bundle.containsKey(code.code())).as(language + " " + code).isTrue();
                assertThat(new MessageFormat(bundle.getString(code.code())).format(new Object[] {"X", 1}))
                        .as(language + " " + code).contains("X").doesNotContain("{");
            }
        }
    }
}
