package de.ozgsdk.forms.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBinderTest {

    private final FormBinder binder = FormBinder.of(TestSchemas.person());

    private static DataError codeOf(Throwable e) {
        return (DataError) ((OzgException) e).code();
    }

    private static Map<String, List<String>> params(String... nameValue) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>()).add(nameValue[i + 1]);
        }
        return map;
    }

    @Test
    void bindsFieldsAndGroupInstancesByPath() {
        FormData data = binder.bind(params("F1", "Müller", "G1[0].F20", "Hauptstraße 1", "G1.F21", "Köln",
                "G2[0].F30", "Anna", "G2[1].F30", "Ben", "G2[1].G3[0].F31", "Grundschule")).data();

        assertThat(data.value("F1")).contains("Müller");
        assertThat(data.value(DataPath.parse("G1[0].F21"))).contains("Köln");
        assertThat(data.groups("G2")).hasSize(2);
        assertThat(data.value(DataPath.parse("G2[1].G3[0].F31"))).contains("Grundschule");
    }

    @Test
    void renumbersSparseIndexes() {
        FormData data = binder.bind(params("G2[3].F30", "Anna", "G2[7].F30", "Ben")).data();

        assertThat(data.value(DataPath.parse("G2[1].F30"))).contains("Ben");
    }

    @Test
    void keepsRepeatedNamesAsSeveralValuesOfAField() {
        FormData data = binder.bind(params("F14", "1", "F14", "2", "F14[0]", "0")).data();

        assertThat(data.values("F14")).containsExactly("0", "1", "2");
    }

    @Test
    void takesTheLastValueOfACheckboxWithHiddenFalse() {
        assertThat(binder.bind(params("F7", "false", "F7", "true")).data().value("F7")).contains("true");
        assertThat(binder.bind(params("F7", "false")).data().value("F7")).contains("false");
    }

    @Test
    void keepsAnEmptyInstanceButNoEmptyValues() {
        FormData data = binder.bind(params("G2[0].F30", "Anna", "G2[1].F30", "")).data();

        assertThat(data.groups("G2")).hasSize(2);
        assertThat(data.groups("G2").get(1).ids()).isEmpty();
    }

    @Test
    void addsAnInstanceOfARepeatableGroup() {
        BindResult result = binder.bind(params("G2[0].F30", "Anna", "_add", "G2"));

        assertThat(result.data().groups("G2")).hasSize(2);
        assertThat(result.added()).containsExactly(DataPath.parse("G2[1]"));
        assertThat(result.changedStructure()).isTrue();
    }

    @Test
    void addsAnInstanceOfANestedGroup() {
        BindResult result = binder.bind(params("G2[0].F30", "Anna", "_add", "G2[0].G3"));

        assertThat(result.data().value(DataPath.parse("G2[0].F30"))).contains("Anna");
        assertThat(result.data().groups("G2").get(0).groups("G3")).hasSize(1);
    }

    @Test
    void removesAnInstanceAndRenumbersTheRest() {
        BindResult result = binder.bind(params("G2[0].F30", "Anna", "G2[1].F30", "Ben", "G2[2].F30", "Cem",
                "_remove", "G2[1]"));

        assertThat(result.data().groups("G2")).extracting(g -> g.value("F30").orElseThrow())
                .containsExactly("Anna", "Cem");
        assertThat(result.removed()).containsExactly(DataPath.parse("G2[1]"));
    }

    @Test
    void refusesActionsOnNonRepeatableGroups() {
        assertThatThrownBy(() -> binder.bind(params("_add", "G1")))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.ACTION_INVALID));
        assertThatThrownBy(() -> binder.bind(params("_remove", "G2")))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.ACTION_INVALID));
    }

    @Test
    void ignoresOtherReservedParameters() {
        FormData data = binder.bind(params("_csrf", "abc", "_next", "weiter", "F1", "Müller")).data();

        assertThat(data.ids()).containsExactly("F1");
    }

    @Test
    void refusesUnknownAndMisusedNames() {
        assertThatThrownBy(() -> binder.bind(params("F99", "x")))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.UNKNOWN_ELEMENT));
        assertThatThrownBy(() -> binder.bind(params("F1.F2", "x")))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.PATH_KIND_MISMATCH));
        assertThatThrownBy(() -> binder.bind(params("G1", "x")))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.PATH_KIND_MISMATCH));
        assertThatThrownBy(() -> binder.bind(params("F1[", "x")))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.PATH_MALFORMED));
    }

    @Test
    void refusesMoreParametersThanTheLimit() {
        FormBinder limited = FormBinder.of(TestSchemas.person(), DataLimits.builder().maxValues(3).build());
        Map<String, List<String>> many = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            many.put("G2[" + i + "].F30", List.of("x"));
        }

        assertThatThrownBy(() -> limited.bind(many))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.TOO_MANY_VALUES));
    }

    @Test
    void refusesOverlongValues() {
        FormBinder limited = FormBinder.of(TestSchemas.person(), DataLimits.builder().maxValueLength(10).build());

        assertThatThrownBy(() -> limited.bind(params("F1", "x".repeat(11))))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.VALUE_TOO_LONG));
    }

    @Test
    void refusesIndexesAtOrAboveTheRepetitionLimit() {
        FormBinder limited = FormBinder.of(TestSchemas.person(), DataLimits.builder().maxRepetitions(10).build());

        assertThatThrownBy(() -> limited.bind(params("G2[10].F30", "x")))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(DataError.TOO_MANY_REPETITIONS));
    }

    @Test
    void roundTripsBindToJsonToRead() {
        FormData bound = binder.bind(params("F1", "Müller", "G1[0].F20", "Hauptstraße 1", "G1[0].F21", "Köln",
                "F4", "3", "F7", "false", "F7", "true", "F14", "1", "F14", "2", "G2[0].F30", "Anna",
                "G2[0].G3[0].F31", "Grundschule", "F3", "2024-01-31")).data();
        FormDataJson json = FormDataJson.of(TestSchemas.person());

        assertThat(json.read(json.write(bound))).isEqualTo(bound);
    }

    @Test
    void convertsServletParameterArrays() {
        Map<String, String[]> servlet = Map.of("F14", new String[] {"1", "2"});

        assertThat(binder.bind(FormBinder.fromArrays(servlet)).data().values("F14")).containsExactly("1", "2");
    }
}
