package de.ozgsdk.forms.codelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.core.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeListTest {

    private static CodeList.Column column(String id, String type) {
        return new CodeList.Column(id, id, Optional.empty(), type, CodeList.Use.OPTIONAL);
    }

    private static CodeList.Builder ampel() {
        return CodeList.builder().canonicalUri("urn:test:ampel").version("1")
                .addColumn(column("code", "string"))
                .addColumn(column("stufe", "integer"))
                .addColumn(column("farbe", "normalizedString"))
                .keyColumn("code");
    }

    @Test
    void infersTheFirstStringColumnAfterTheKeyAsNameColumn() {
        CodeList list = ampel().addRow(Map.of("code", "r", "stufe", "3", "farbe", "rot")).build();

        assertThat(list.nameColumnId()).contains("farbe");
        assertThat(list.nameColumnInferred()).isTrue();
        assertThat(list.name("r")).contains("rot");
    }

    @Test
    void keepsADeclaredNameColumn() {
        CodeList list = ampel().nameColumn("stufe").addRow(Map.of("code", "r", "stufe", "3")).build();

        assertThat(list.nameColumnId()).contains("stufe");
        assertThat(list.nameColumnInferred()).isFalse();
    }

    @Test
    void hasNoNameColumnWhenNoOtherStringColumnExists() {
        CodeList list = CodeList.builder().addColumn(column("code", "string")).addColumn(column("n", "integer"))
                .keyColumn("code").build();

        assertThat(list.nameColumnId()).isEmpty();
        assertThat(list.nameColumnInferred()).isFalse();
    }

    @Test
    void answersLookupsForUnknownCodesWithEmpty() {
        CodeList list = ampel().addRow(Map.of("code", "r")).build();

        assertThat(list.contains("g")).isFalse();
        assertThat(list.row("g")).isEmpty();
        assertThat(list.name("g")).isEmpty();
        assertThat(list.name("r")).as("cell left empty").isEmpty();
    }

    @Test
    void isImmutable() {
        Map<String, String> row = new HashMap<>(Map.of("code", "r"));
        CodeList list = ampel().addRow(row).build();
        row.put("code", "x");

        assertThat(list.codes()).containsExactly("r");
        assertThatThrownBy(() -> list.rows().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.row("r").orElseThrow().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.codes().add("y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsDuplicateCodes() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ampel().addRow(Map.of("code", "r")).addRow(Map.of("code", "r")).build());

        assertThat(e.code()).isEqualTo(CodeListError.LIST_DUPLICATE_CODE);
        assertThat(e.arguments()).containsExactly("urn:test:ampel", "r", "code");
    }

    @Test
    void rejectsRowWithoutCode() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ampel().addRow(Map.of("farbe", "rot")).build());

        assertThat(e.code()).isEqualTo(CodeListError.LIST_MISSING_KEY_VALUE);
    }

    @Test
    void rejectsUndeclaredColumns() {
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> ampel().addRow(Map.of("code", "r", "ton", "laut")).build()).code())
                .isEqualTo(CodeListError.LIST_UNKNOWN_COLUMN);
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> ampel().keyColumn("schluessel").build()).code()).isEqualTo(CodeListError.LIST_UNKNOWN_COLUMN);
    }

    @Test
    void rejectsListWithoutKeyColumn() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CodeList.builder().addColumn(column("code", "string")).build());

        assertThat(e.code()).isEqualTo(CodeListError.LIST_INCOMPLETE);
    }

    @Test
    void rejectsDuplicateColumns() {
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> ampel().addColumn(column("code", "string"))).code())
                .isEqualTo(CodeListError.LIST_DUPLICATE_COLUMN);
    }
}
