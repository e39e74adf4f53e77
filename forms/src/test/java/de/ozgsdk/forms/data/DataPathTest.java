package de.ozgsdk.forms.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataPathTest {

    @Test
    void parsesGroupIndexAndField() {
        DataPath path = DataPath.parse("G60000086[0].F60000227");

        assertThat(path.segments()).containsExactly(new DataPath.Segment("G60000086", OptionalInt.of(0)),
                new DataPath.Segment("F60000227", OptionalInt.empty()));
        assertThat(path.elementId()).isEqualTo("F60000227");
    }

    @ParameterizedTest
    @ValueSource(strings = {"F1", "G60000086[0].F60000227", "F60000300[2]", "G1[3].G2[0].F00-4cb0dd14_x",
        "G1.F2"})
    void printsWhatItParses(String text) {
        assertThat(DataPath.parse(text)).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "F1.", ".F1", "F1..F2", "F1[", "F1[]", "F1[x]", "F1[01]", "F1[-1]",
        "F1[1234567]", "F1]", "1F", "F 1", "F1[0]x", "F1[0]]", "Fä"})
    void rejectsMalformedPathsWithPathMalformed(String text) {
        assertThatThrownBy(() -> DataPath.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo(DataError.PATH_MALFORMED));
    }

    @Test
    void namesThePositionOfTheFirstBadCharacter() {
        assertThatThrownBy(() -> DataPath.parse("G1[0].F2[x]"))
                .hasMessageContaining("character 10");
    }

    @Test
    void rejectsOverlongPaths() {
        assertThatThrownBy(() -> DataPath.parse("G1.".repeat(1000) + "F1"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void buildsChildPathsAndIndexes() {
        DataPath path = DataPath.of("G1", 2).child("F3").withIndex(1);

        assertThat(path).hasToString("G1[2].F3[1]");
        assertThat(path.withoutIndex()).hasToString("G1[2].F3");
        assertThat(DataPath.of("G1", 2).isPrefixOf(path)).isTrue();
    }
}
