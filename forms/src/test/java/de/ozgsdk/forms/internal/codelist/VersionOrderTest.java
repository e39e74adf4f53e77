package de.ozgsdk.forms.internal.codelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void ordersDottedNumbersNumerically() {
        assertThat(sorted("1.10", "1.9", "2", "1.9.1", "0.1")).containsExactly("0.1", "1.9", "1.9.1", "1.10", "2");
    }

    @Test
    void ordersDatesChronologically() {
        assertThat(sorted("2021-01-11", "2017-01-01", "2020-05-11")).containsExactly("2017-01-01", "2020-05-11",
                "2021-01-11");
    }

    @Test
    void ignoresLeadingZerosInNumbers() {
        assertThat(new CodeListIndex.VersionOrder().compare(Optional.of("01"), Optional.of("1"))).isZero();
        assertThat(sorted("010", "9")).containsExactly("9", "010");
    }

    @Test
    void treatsAMissingVersionAsTheOldest() {
        assertThat(CodeListIndex.VersionOrder.INSTANCE.compare(Optional.empty(), Optional.of("0"))).isNegative();
        assertThat(CodeListIndex.VersionOrder.INSTANCE.compare(Optional.of("0"), Optional.empty())).isPositive();
    }

    private static List<String> sorted(String... versions) {
        List<Optional<String>> list = new ArrayList<>();
        for (String version : versions) {
            list.add(Optional.of(version));
        }
        list.sort(CodeListIndex.VersionOrder.INSTANCE);
        return list.stream().map(Optional::orElseThrow).toList();
    }
}
