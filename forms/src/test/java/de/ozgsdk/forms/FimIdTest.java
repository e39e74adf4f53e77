package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class FimIdTest {

    @Test
    void recognisesTheStandardShapeOfEachVersion() {
        assertThat(FimId.of("F60000227", "1.2").hasStandardShape(XdfVersion.XDF2)).isTrue();
        assertThat(FimId.of("F60000227", "1.2").hasStandardShape(XdfVersion.XDF3)).isFalse();
        assertThat(FimId.of("F60000000243", "1.1.0").hasStandardShape(XdfVersion.XDF3)).isTrue();
        assertThat(FimId.of("F60000000243", "1.1").hasStandardShape(XdfVersion.XDF3)).isFalse();
    }

    @Test
    void acceptsWorkingCopyIdsWithoutVersionButReportsTheirShape() {
        FimId id = FimId.of("F00-4cb0dd14-629c-4661-9435-4e9eadc43e07");
        assertThat(id.version()).isEmpty();
        assertThat(id.hasStandardShape(XdfVersion.XDF2)).isFalse();
        assertThat(id.kindLetter()).isEqualTo('F');
    }

    @Test
    void printsInFimNotation() {
        assertThat(FimId.of("S05000058", "1.0")).hasToString("S05000058V1.0");
        assertThat(FimId.of("G00-x")).hasToString("G00-x");
    }

    @Test
    void rejectsBlankId() {
        assertThatThrownBy(() -> FimId.of(" ", "1.0")).isInstanceOf(InvalidInputException.class);
    }
}
