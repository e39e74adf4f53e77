package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MultiplicityTest {

    @ParameterizedTest
    @CsvSource({"0:1,0,1", "1:1,1,1", "2:5,2,5", "0:0,0,0", "' 1:3 ',1,3"})
    void parsesBoundedMultiplicities(String text, int min, int max) {
        assertThat(Multiplicity.parse(text)).isEqualTo(new Multiplicity(min, OptionalInt.of(max)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:*", "0:n", "0:N"})
    void parsesStarAndNAsUnbounded(String text) {
        Multiplicity m = Multiplicity.parse(text);
        assertThat(m.isUnbounded()).isTrue();
        assertThat(m.isRepeatable()).isTrue();
        assertThat(m.isRequired()).isFalse();
        assertThat(m).hasToString("0:*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3:1", "a:b", "1", "", ":", "1:", ":1", "-1:2", "1:2:3", "99999999:*", "1 : 2"})
    void rejectsMalformedMultiplicityWithItsCode(String text) {
        assertThatThrownBy(() -> Multiplicity.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo(FimError.MULTIPLICITY_SYNTAX));
    }

    @Test
    void tellsWhichCountsAreAllowed() {
        Multiplicity m = Multiplicity.parse("2:5");
        assertThat(m.allows(1)).isFalse();
        assertThat(m.allows(2)).isTrue();
        assertThat(m.allows(5)).isTrue();
        assertThat(m.allows(6)).isFalse();
        assertThat(Multiplicity.parse("1:*").allows(1000)).isTrue();
    }
}
