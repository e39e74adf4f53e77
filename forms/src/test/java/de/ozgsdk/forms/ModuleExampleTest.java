package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage example of the module ({@code de/ozgsdk/forms/package-info.java}, run as written by
 * {@code FormsSnippetsTest}) on a schema whose FIM rule the validator applies to a group instance.
 */
class ModuleExampleTest {

    @TempDir
    Path directory;

    @Test
    void packageExampleImportsASchemaAndValidatesJsonData() throws IOException {
        Files.createDirectory(directory.resolve("codelisten"));
        try (InputStream in = getClass().getResourceAsStream("validation/xdf3-rules.xml")) {
            Files.copy(in, directory.resolve("stammdatenschema.xml"));
        }
        Files.writeString(directory.resolve("antrag.json"), "{\"F99000000101\": \"02\", "
                + "\"G99000000102\": [{\"F99000000106\": \"2024-07-01\"}], "
                + "\"G99000000104\": {\"F99000000111\": \"50667\"}}", StandardCharsets.UTF_8);
        List<String> printed = new ArrayList<>();

        // the example, with the files in the temporary directory and println collected
        CodeListRegistry codeLists = CodeListRegistry.builder().addDirectory(directory.resolve("codelisten")).build();
        FimForm form = FimForm.load(directory.resolve("stammdatenschema.xml"), codeLists);

        FormData data = form.readJson(Files.readString(directory.resolve("antrag.json")));
        ValidationResult result = form.validate(data);
        for (Violation v : result.violations()) {
            printed.add(v.path() + ": " + v.message(Locale.GERMAN));
        }
        String jsonSchema = form.jsonSchema().toJson();

        assertThat(printed).singleElement().asString().startsWith("G99000000101[0].F99000000102: ");
        assertThat(jsonSchema).contains("\"$id\": \"urn:ozgsdk:fim:S99000000010");
    }
}
