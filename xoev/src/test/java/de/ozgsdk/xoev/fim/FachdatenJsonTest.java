package de.ozgsdk.xoev.fim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FachdatenJsonTest {

    private static final FachdatenJson JSON = FachdatenJson.builder(ExampleSchemas.hundesteuer())
            .codeValues(ExampleSchemas.CODES).build();

    @Property(tries = 40)
    void roundTripsGeneratedDataThroughValidatedJson(@ForAll @IntRange(min = 0, max = 4) int schemaIndex,
                                                     @ForAll long seed) {
        FormSchema schema = ExampleSchemas.all().get(schemaIndex);
        FachdatenJson json = FachdatenJson.builder(schema).codeValues(ExampleSchemas.CODES).build();
        FormData data = new ValidData(new Random(seed), ExampleSchemas.CODES).instance(schema.children(), false);
        assertThat(json.read(json.write(data))).isEqualTo(data);
    }

    @Test
    void reportsJsonSchemaViolationsWithAPointer() {
        FormData data = FormDataXmlTest.valid().toBuilder().value("F20000000007", "zwei").build();
        assertThatThrownBy(() -> JSON.write(data)).isInstanceOfSatisfying(FimDataException.class,
                e -> assertThat(e.violations()).anySatisfy(v -> assertThat(v.jsonPointer())
                        .hasValue("/F20000000007")));
    }

    @Test
    void explainsViolationsInGermanAndEnglishWithoutTheValue() {
        FormData data = FormDataXmlTest.valid().toBuilder().value("F20000000007", "zwei-geheim").build();
        FimDataException e = catchThrowableOfType(FimDataException.class, () -> JSON.write(data));

        FimDataViolation violation = e.violations().stream()
                .filter(v -> v.jsonPointer().equals(Optional.of("/F20000000007"))).findFirst().orElseThrow();
        assertThat(violation.code()).isEqualTo(FimXmlError.JSON_SCHEMA_VIOLATION);
        assertThat(violation.message(Locale.GERMAN)).startsWith("/F20000000007: ").contains("JSON-Schema-Schlüsselwort")
                .doesNotContain("geheim");
        assertThat(violation.message(Locale.ENGLISH)).contains("JSON Schema keyword").doesNotContain("geheim");
        assertThat(violation.message(Locale.GERMAN)).isNotEqualTo(violation.message(Locale.ENGLISH));
    }

    @Test
    void validatesJsonOnReading() {
        assertThatThrownBy(() -> JSON.read("{\"F20000000001\": \"Erika\"}"))
                .isInstanceOf(FimDataException.class);
    }

    @Test
    void readsWithoutValidationWhenSwitchedOff() {
        FachdatenJson lax = FachdatenJson.builder(ExampleSchemas.hundesteuer()).validation(false).build();
        assertThat(lax.read("{\"F20000000001\": \"Erika\"}").value("F20000000001")).hasValue("Erika");
    }

    @Test
    void validatesWithoutAYamlParserOnTheClassPath() {
        // xoev's POM leaves out networknt's YAML parser: the schemas and data are JSON, and users get no YAML stack
        assertThatThrownBy(() -> Class.forName("tools.jackson.dataformat.yaml.YAMLMapper"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.snakeyaml.engine.v2.api.Load"))
                .isInstanceOf(ClassNotFoundException.class);

        FormData valid = FormDataXmlTest.valid();
        assertThat(JSON.read(JSON.write(valid))).isEqualTo(valid);
        assertThatThrownBy(() -> JSON.read("{\"F20000000001\": \"Erika\"}")).isInstanceOf(FimDataException.class);
    }
}
