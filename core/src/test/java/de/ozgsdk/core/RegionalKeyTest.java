package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionalKeyTest {

    @Test
    void derivesAgsByDroppingTheGemeindeverband() {
        // Ahlen (Kreis Warendorf): ARS 055700004004, AGS 05570004
        RegionalKey ahlen = RegionalKey.parse("055700004004");
        assertThat(ahlen.ags()).isEqualTo("05570004");
        assertThat(ahlen.kreisKey()).isEqualTo("05570");
    }

    @Test
    void derivesTheLandFromTheFirstTwoDigits() {
        assertThat(RegionalKey.parse("053150000000").land()).isEqualTo(Bundesland.NORDRHEIN_WESTFALEN);
        assertThat(RegionalKey.parse("091620000000").land()).isEqualTo(Bundesland.BAYERN);
        assertThat(RegionalKey.parse("160510000000").land().displayName()).isEqualTo("Thüringen");
    }

    @Test
    void buildsArsOfAMunicipalityWithoutGemeindeverbandFromItsAgs() {
        RegionalKey cologne = RegionalKey.fromAgs("05315000");
        assertThat(cologne.value()).isEqualTo("053150000000");
        assertThat(cologne.ags()).isEqualTo("05315000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "05315000000", "0531500000000", "05315000000x", "05315000"})
    void rejectsArsOfWrongShape(String text) {
        assertThatThrownBy(() -> RegionalKey.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((OzgException) e).code())
                .isEqualTo(CoreError.REGIONAL_KEY_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"001234567890", "171234567890", "991234567890"})
    void rejectsLandKeysOutsideOneToSixteen(String text) {
        assertThatThrownBy(() -> RegionalKey.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((OzgException) e).code())
                .isEqualTo(CoreError.REGIONAL_KEY_UNKNOWN_LAND);
    }

    @Test
    void rejectsAgsOfWrongShape() {
        assertThatThrownBy(() -> RegionalKey.fromAgs("0531500"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void equalKeysAreEqualValues() {
        assertThat(RegionalKey.parse("053150000000"))
                .isEqualTo(RegionalKey.parse(" 053150000000 "))
                .hasSameHashCodeAs(RegionalKey.parse("053150000000"));
    }
}
