package de.ozgsdk.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.codelist.CodeList;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.TestSchemas;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Code list membership checked against a real {@link CodeListRegistry}. */
class CodeListRegistryValuesTest {

    private final CodeListRegistry registry = CodeListRegistry.builder().add(CodeList.builder()
            .shortName("familienstand").canonicalUri(TestSchemas.CODE_LIST).version("2024-01-01")
            .canonicalVersionUri(TestSchemas.CODE_LIST + "_2024-01-01")
            .addColumn(new CodeList.Column("code", "Code", Optional.empty(), "string", CodeList.Use.REQUIRED))
            .addColumn(new CodeList.Column("name", "Name", Optional.empty(), "string", CodeList.Use.REQUIRED))
            .keyColumn("code").nameColumn("name")
            .addRow(Map.of("code", "LD", "name", "ledig"))
            .addRow(Map.of("code", "VH", "name", "verheiratet"))
            .build()).build();

    private final FormValidator validator = FormValidator.builder(TestSchemas.person())
            .codeValues(CodeValues.of(registry)).requireCodeLists(true).build();

    @Test
    void acceptsACodeOfTheRegisteredList() {
        assertThat(validator.validate(TestSchemas.minimalPerson().toBuilder().value("F11", "LD").build()).isValid())
                .isTrue();
    }

    @Test
    void rejectsAValueThatIsNotACodeOfTheRegisteredList() {
        assertThat(validator.validate(TestSchemas.minimalPerson().toBuilder().value("F11", "ledig").build())
                .violations()).extracting(Violation::code).containsExactly(ViolationCode.NOT_IN_CODE_LIST);
    }
}
