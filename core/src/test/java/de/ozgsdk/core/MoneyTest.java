package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void addsTenAndTwentyCentsExactly() {
        assertThat(Money.parse("0.10").plus(Money.parse("0,20"))).isEqualTo(Money.parse("0.30"));
    }

    @Test
    void alwaysHasScaleTwo() {
        assertThat(Money.parse("12").amount().scale()).isEqualTo(2);
        assertThat(Money.of(new BigDecimal("12.5")).toPlainString()).isEqualTo("12.50");
        assertThat(Money.ofCents(1250).amount()).isEqualByComparingTo("12.50");
    }

    @Test
    void formatsForGermanWithCommaGroupingAndEuroSignAfter() {
        assertThat(Money.parse("12.50").format(Locale.GERMANY)).isEqualTo("12,50\u00A0€");
        assertThat(Money.parse("1234.5").format(Locale.GERMAN)).isEqualTo("1.234,50\u00A0€");
        assertThat(Money.parse("-3").format(Locale.GERMAN)).isEqualTo("-3,00\u00A0€");
    }

    @Test
    void formatsForEnglishWithEuroSignFirst() {
        assertThat(Money.parse("1234.5").format(Locale.ENGLISH)).isEqualTo("€1,234.50");
    }

    @Test
    void refusesToRoundSilently() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("12.505")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("12.505");
    }

    @Test
    void roundsByTheCallersRule() {
        assertThat(Money.of(new BigDecimal("12.505"), RoundingMode.HALF_UP)).isEqualTo(Money.parse("12.51"));
        assertThat(Money.parse("10.00").times(new BigDecimal("0.075"), RoundingMode.HALF_EVEN))
                .isEqualTo(Money.parse("0.75"));
    }

    @Test
    void multipliesByQuantity() {
        assertThat(Money.parse("7.30").times(3)).isEqualTo(Money.parse("21.90"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12,505", "1.234,50", "12,50 €", "EUR 12", "1e3", "NaN", "12.", ",5", "--1"})
    void rejectsAmbiguousOrMalformedAmounts(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((OzgException) e).code())
                .isEqualTo(CoreError.MONEY_INVALID);
    }

    @Test
    void equalityIgnoresHowTheAmountWasWritten() {
        assertThat(Money.parse("5")).isEqualTo(Money.parse("5.00")).hasSameHashCodeAs(Money.ofCents(500));
    }

    @Property
    void centsRoundTrip(@ForAll @LongRange(min = -1_000_000_000_00L, max = 1_000_000_000_00L) long cents) {
        assertThat(Money.ofCents(cents).cents()).isEqualTo(cents);
        assertThat(Money.parse(Money.ofCents(cents).toPlainString())).isEqualTo(Money.ofCents(cents));
    }

    @Property
    void additionIsExactAndReversible(
            @ForAll @LongRange(min = -1_000_000_00L, max = 1_000_000_00L) long a,
            @ForAll @LongRange(min = -1_000_000_00L, max = 1_000_000_00L) long b) {
        Money sum = Money.ofCents(a).plus(Money.ofCents(b));
        assertThat(sum.cents()).isEqualTo(a + b);
        assertThat(sum.minus(Money.ofCents(b))).isEqualTo(Money.ofCents(a));
    }
}
