package de.ozgsdk.forms.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormDataTest {

    private final FormData data = FormData.builder()
            .value("F1", "Müller")
            .values("F14", List.of("0221 1", "0221 2"))
            .group("G2", FormData.builder().value("F30", "Anna").build())
            .group("G2", FormData.builder().value("F30", "Ben").build())
            .build();

    @Test
    void readsValuesByPath() {
        assertThat(data.value(DataPath.parse("G2[1].F30"))).contains("Ben");
        assertThat(data.value(DataPath.parse("F14[1]"))).contains("0221 2");
        assertThat(data.values(DataPath.parse("F14"))).containsExactly("0221 1", "0221 2");
        assertThat(data.value(DataPath.parse("G2[2].F30"))).isEmpty();
    }

    @Test
    void refusesToMixFieldValuesAndGroupsUnderOneId() {
        assertThatThrownBy(() -> data.toBuilder().group("F1", FormData.empty()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo(DataError.KIND_CONFLICT));
    }

    @Test
    void equalsByContentAndShowsNoValuesInToString() {
        FormData copy = data.toBuilder().build();

        assertThat(copy).isEqualTo(data).hasSameHashCodeAs(data);
        assertThat(data.toString()).contains("F1=1 value").doesNotContain("Müller").doesNotContain("Anna");
    }

    @Test
    void treatsInstancesWithOnlyBlankValuesAsBlank() {
        FormData blank = FormData.builder().group("G2", FormData.builder().value("F30", "  ").build()).build();

        assertThat(blank.isBlank()).isTrue();
        assertThat(data.isBlank()).isFalse();
    }
}
