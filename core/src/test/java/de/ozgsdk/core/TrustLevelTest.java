package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustLevelTest {

    @ParameterizedTest
    @CsvSource({
        "STORK-QAA-Level-1, LOW",
        "STORK-QAA-Level-2, LOW",
        "STORK-QAA-Level-3, SUBSTANTIAL",
        "STORK-QAA-Level-4, HIGH",
        "http://eidas.europa.eu/LoA/low, LOW",
        "http://eidas.europa.eu/LoA/substantial, SUBSTANTIAL",
        "http://eidas.europa.eu/LoA/high, HIGH",
        "http://eidas.europa.eu/NotNotified/LoA/substantial, SUBSTANTIAL",
        "substanziell, SUBSTANTIAL",
        "hoch, HIGH"
    })
    void parsesEidasStorkAndNames(String text, TrustLevel expected) {
        assertThat(TrustLevel.parse(text)).isEqualTo(expected);
    }

    @Test
    void isOrderedLowSubstantialHigh() {
        assertThat(TrustLevel.HIGH.isAtLeast(TrustLevel.SUBSTANTIAL)).isTrue();
        assertThat(TrustLevel.SUBSTANTIAL.isAtLeast(TrustLevel.SUBSTANTIAL)).isTrue();
        assertThat(TrustLevel.LOW.isAtLeast(TrustLevel.SUBSTANTIAL)).isFalse();
    }

    @Test
    void writesTheFormsServicekontenExpect() {
        assertThat(TrustLevel.SUBSTANTIAL.storkQaaLevel()).isEqualTo("STORK-QAA-Level-3");
        assertThat(TrustLevel.HIGH.eidasUri()).isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(TrustLevel.parse(TrustLevel.LOW.storkQaaLevel())).isEqualTo(TrustLevel.LOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "STORK-QAA-Level-5", "STORK-QAA-Level-", "http://eidas.europa.eu/LoA/medium",
        "https://example.org/LoA/high", "mittel"})
    void rejectsUnknownLevels(String text) {
        assertThatThrownBy(() -> TrustLevel.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OZG-CORE-106");
    }
}
