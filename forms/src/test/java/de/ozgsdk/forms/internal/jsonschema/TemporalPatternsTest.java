package de.ozgsdk.forms.internal.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.internal.data.ValueParser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TemporalPatternsTest {

    private static final Pattern DATE = Pattern.compile(TemporalPatterns.valid(DataType.DATE));

    @Test
    void acceptsExactlyTheCalendarDatesOfFourCenturies() {
        for (int year : new int[] {0, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999}) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 1; day <= 31; day++) {
                    String text = String.format("%04d-%02d-%02d", year, month, day);
                    assertThat(DATE.matcher(text).matches()).as(text)
                            .isEqualTo(ValueParser.date(text).isPresent());
                }
            }
        }
    }

    @Property(tries = 300)
    void dateLimitPatternsOrderLikeDates(@ForAll("dates") LocalDate value, @ForAll("dates") LocalDate limit) {
        assertThat(find(TemporalPatterns.notBefore(DataType.DATE, limit.toString()), value.toString()))
                .isEqualTo(!value.isBefore(limit));
        assertThat(find(TemporalPatterns.notAfter(DataType.DATE, limit.toString()), value.toString()))
                .isEqualTo(!value.isAfter(limit));
    }

    @Property(tries = 300)
    void timeLimitPatternsOrderLikeTimes(@ForAll("times") LocalTime value, @ForAll("times") LocalTime limit) {
        assertThat(Pattern.compile(TemporalPatterns.valid(DataType.TIME)).matcher(value.toString()).matches())
                .isTrue();
        assertThat(find(TemporalPatterns.notBefore(DataType.TIME, limit.toString()), value.toString()))
                .isEqualTo(!value.isBefore(limit));
        assertThat(find(TemporalPatterns.notAfter(DataType.TIME, limit.toString()), value.toString()))
                .isEqualTo(!value.isAfter(limit));
    }

    @Property(tries = 300)
    void dateTimeLimitPatternsIgnoreTheOffsetLikeTheValidator(@ForAll("dateTimes") LocalDateTime value,
                                                              @ForAll("dateTimes") LocalDateTime limit,
                                                              @ForAll("offsets") String offset) {
        String text = value + offset;
        assertThat(Pattern.compile(TemporalPatterns.valid(DataType.DATETIME)).matcher(text).matches()).isTrue();
        assertThat(find(TemporalPatterns.notBefore(DataType.DATETIME, limit.toString()), text))
                .isEqualTo(!value.isBefore(limit));
        assertThat(find(TemporalPatterns.notAfter(DataType.DATETIME, limit.toString()), text))
                .isEqualTo(!value.isAfter(limit));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 3_000).map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
    }

    @Provide
    Arbitrary<LocalTime> times() {
        // few distinct minutes, so that equal prefixes and seconds 00 (omitted) are frequent
        return Combinators.combine(Arbitraries.of(0, 9, 10, 23), Arbitraries.of(0, 30, 59), Arbitraries.of(0, 0, 15))
                .as(LocalTime::of);
    }

    @Provide
    Arbitrary<LocalDateTime> dateTimes() {
        return Combinators.combine(Arbitraries.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1)), times())
                .as(LocalDateTime::of);
    }

    @Provide
    Arbitrary<String> offsets() {
        return Arbitraries.of("", "Z", "+01:00", "-05:30");
    }

    private static boolean find(String pattern, String text) {
        return Pattern.compile(pattern).matcher(text).find();
    }
}
