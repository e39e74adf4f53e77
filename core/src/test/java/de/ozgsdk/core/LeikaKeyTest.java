package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LeikaKeyTest {

    @Test
    void parsesFourteenDigits() {
        assertThat(LeikaKey.parse("99123456760000").value()).isEqualTo("99123456760000");
    }

    @Test
    void ignoresSurroundingWhiteSpace() {
        assertThat(LeikaKey.parse(" 99123456760000\n")).isEqualTo(LeikaKey.parse("99123456760000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9912345676000", "991234567600000", "9912345676000a", "99 123456760000", "٩٩١٢٣٤٥٦٧٦٠٠٠٠"})
    void rejectsAnythingButFourteenAsciiDigits(String text) {
        assertThatThrownBy(() -> LeikaKey.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((OzgException) e).code()).isEqualTo(CoreError.LEIKA_KEY_INVALID));
    }

    @Test
    void explainsTheExpectedFormatInGermanAndEnglish() {
        InvalidInputException e = catchInvalid("123");
        assertThat(e.userMessage(Locale.GERMAN)).contains("\"123\"").contains("14 Ziffern");
        assertThat(e.userMessage(Locale.ENGLISH)).contains("\"123\"").contains("14 digits");
        assertThat(e.getMessage()).startsWith("[OZG-CORE-101]");
    }

    @Test
    void shortensHugeInputInTheMessage() {
        InvalidInputException e = catchInvalid("1".repeat(10_000));
        assertThat(e.getMessage()).hasSizeLessThan(400);
    }

    private static InvalidInputException catchInvalid(String text) {
        try {
            LeikaKey.parse(text);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected rejection of " + text);
    }
}
