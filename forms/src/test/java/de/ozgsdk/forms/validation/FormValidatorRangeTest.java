package de.ozgsdk.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.TestSchemas;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Value ranges of {@code datetime} and {@code time} fields: the Präzisierung's minValue and maxValue are inclusive
 * (as the model defines them), compared to the second; limits and values may be written in ISO or German notation;
 * a value with an offset is compared by its local date and time, as documented for the XSD (FIMXML.md).
 */
class FormValidatorRangeTest {

    private static final FormValidator VALIDATOR = FormValidator.of(TestSchemas.schema(
            TestSchemas.ref(TestSchemas.field("F1", "Termin", "Appointment", DataType.DATETIME, Precision.builder()
                    .minValue("2024-01-31T08:00").maxValue("31.12.2024 18:30").build()), "0:1"),
            TestSchemas.ref(TestSchemas.field("F2", "Uhrzeit", "Time", DataType.TIME, Precision.builder()
                    .minValue("08:00").maxValue("18:30:00").build()), "0:1"),
            TestSchemas.ref(TestSchemas.field("F3", "Zeitpunkt", "Instant", DataType.DATETIME, Precision.builder()
                    .minValue("2024-06-01T12:00:00+02:00").build()), "0:1"),
            TestSchemas.ref(TestSchemas.field("F4", "Beschrieben", "Described", DataType.DATETIME, Precision.builder()
                    .minValue("ab Antragstellung").build()), "0:1"),
            TestSchemas.ref(TestSchemas.field("F5", "Termine", "Appointments", DataType.DATETIME, Precision.builder()
                    .maxValue("2024-01-31T08:00:30").build()), "0:3")));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2024-01-31T08:00, ", "2024-01-31T08:00:00, ", "31.01.2024 08:00, ", "2024-12-31T18:30, ",
        "2024-12-31T18:30:00, ", "2024-06-15T12:00:15, ",
        "2024-01-31T07:59:59, BELOW_MINIMUM", "31.01.2024 07:59, BELOW_MINIMUM", "2023-12-31T23:59, BELOW_MINIMUM",
        "2024-12-31T18:30:01, ABOVE_MAXIMUM", "01.01.2025 00:00, ABOVE_MAXIMUM", "2025-01-01T00:00, ABOVE_MAXIMUM",
        // with an offset: the local date and time count, whatever instant they are in Europe/Berlin
        "2024-01-31T08:00:00+05:00, ", "2024-01-31T07:30:00-05:00, BELOW_MINIMUM",
        "2024-12-31T18:31:00Z, ABOVE_MAXIMUM"})
    void checksDateTimeRangesInclusivelyToTheSecond(String value, ViolationCode expected) {
        ValidationResult result = VALIDATOR.validate(FormData.builder().value("F1", value).build());

        assertThat(result.violations()).extracting(Violation::code)
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"08:00, ", "08:00:00, ", "18:30, ", "18:30:00, ", "12:15:30, ", "07:59:59, BELOW_MINIMUM",
        "07:00, BELOW_MINIMUM", "18:30:01, ABOVE_MAXIMUM", "23:59, ABOVE_MAXIMUM"})
    void checksTimeRangesInclusivelyToTheSecond(String value, ViolationCode expected) {
        ValidationResult result = VALIDATOR.validate(FormData.builder().value("F2", value).build());

        assertThat(result.violations()).extracting(Violation::code)
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void namesTheDateTimeLimitInGermanAndIsoNotation() {
        Violation below = VALIDATOR.validate(FormData.builder().value("F1", "2024-01-30T09:00").build())
                .violations().get(0);
        Violation above = VALIDATOR.validate(FormData.builder().value("F1", "2025-01-30T09:00").build())
                .violations().get(0);

        assertThat(below.arguments()).containsExactly("2024-01-31T08:00");
        assertThat(below.message(Locale.GERMAN)).contains("31.01.2024 08:00");
        assertThat(below.message(Locale.ENGLISH)).contains("2024-01-31T08:00");
        assertThat(above.arguments()).containsExactly("2024-12-31T18:30");
        assertThat(above.message(Locale.GERMAN)).contains("31.12.2024 18:30");
    }

    @Test
    void namesTheTimeLimit() {
        Violation above = VALIDATOR.validate(FormData.builder().value("F2", "19:00").build()).violations().get(0);

        assertThat(above.arguments()).containsExactly("18:30");
        assertThat(above.message(Locale.GERMAN)).contains("18:30");
    }

    @Test
    void aLimitWithAnOffsetIsComparedByItsLocalDateAndTime() {
        assertThat(VALIDATOR.validate(FormData.builder().value("F3", "2024-06-01T12:00").build()).isValid())
                .isTrue();
        assertThat(VALIDATOR.validate(FormData.builder().value("F3", "2024-06-01T11:59:59").build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.BELOW_MINIMUM);
    }

    @Test
    void aLimitThatIsNoDateTimeChecksNothingButTheValue() {
        assertThat(VALIDATOR.validate(FormData.builder().value("F4", "1900-01-01T00:00").build()).isValid())
                .isTrue();
        assertThat(VALIDATOR.validate(FormData.builder().value("F4", "2024-13-01T00:00").build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.NOT_A_DATETIME);
    }

    @Test
    void checksEveryValueOfARepeatedDateTimeFieldAtItsIndex() {
        ValidationResult result = VALIDATOR.validate(FormData.builder().values("F5",
                List.of("2024-01-31T08:00:30", "2024-01-31T08:00:31", "31.01.2024 08:00", "31.01.2024 08:01"))
                .build());

        assertThat(result.violations()).extracting(v -> v.path().toString(), Violation::code).containsExactly(
                tuple("F5", ViolationCode.TOO_MANY),
                tuple("F5[1]", ViolationCode.ABOVE_MAXIMUM),
                tuple("F5[3]", ViolationCode.ABOVE_MAXIMUM));
        assertThat(result.value(DataPath.parse("F5[0]"))).contains(LocalDateTime.of(2024, 1, 31, 8, 0, 30));
    }
}
