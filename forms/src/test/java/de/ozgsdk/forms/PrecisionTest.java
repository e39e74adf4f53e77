package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void compilesARegexPattern() {
        Precision p = Precision.builder().pattern("[\\p{L}0-9. ]*").build();
        assertThat(p.compiledPattern()).get().satisfies(r -> assertThat(r.matcher("Gasse 7a").matches()).isTrue());
    }

    @Test
    void keepsADescriptionInPlaceOfAPatternAsTextOnly() {
        Precision p = Precision.builder().pattern("Codeliste Regionalschlüssel").build();
        assertThat(p.pattern()).contains("Codeliste Regionalschlüssel");
        assertThat(p.compiledPattern()).isEmpty();
    }

    @Test
    void keepsAnUncompilablePatternAsTextOnly() {
        assertThat(Precision.builder().pattern("[a-").build().compiledPattern()).isEmpty();
    }

    @Test
    void readsValueBoundsAsNumbersOrDates() {
        Precision numbers = Precision.builder().minValue("1850").maxValue("2025,5").build();
        assertThat(numbers.minNumber()).contains(new BigDecimal("1850"));
        assertThat(numbers.maxNumber()).contains(new BigDecimal("2025.5"));
        assertThat(numbers.minDate()).isEmpty();
        Precision dates = Precision.builder().minValue("2024-01-01").build();
        assertThat(dates.minDate()).contains(LocalDate.of(2024, 1, 1));
        assertThat(dates.minNumber()).isEmpty();
    }

    @Test
    void equalsByValueNotByCompiledPattern() {
        assertThat(Precision.builder().pattern("\\d+").minLength(1).build())
                .isEqualTo(Precision.builder().minLength(1).pattern("\\d+").build());
        assertThat(Precision.NONE.isEmpty()).isTrue();
    }
}
