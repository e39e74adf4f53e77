package example;

import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormBinder;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.jsonschema.JsonSchemaExporter;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.xoev.fim.FormDataXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** From a FIM file to form data as XML and the JSON Schema of the form. */
public final class QuickStart {

    public static void main(String[] args) throws Exception {
        FormSchema schema = FimImporter.builder().lenient(true).build().importSchema(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        Map<String, String[]> post = Map.of("G99000001[0].F99000001", new String[] {"Hauptstraße 1"});
        FormData data = FormBinder.of(schema).bind(FormBinder.fromArrays(post)).data();
        ValidationResult result = FormValidator.of(schema).validate(data);
        result.violations().forEach(v -> System.out.println(v));
        if (result.isValid()) {
            Files.writeString(out.resolve("formdata.xml"), FormDataXml.of(schema).write(result.visibleData()));
        }
        Files.writeString(out.resolve("schema.json"), JsonSchemaExporter.of().export(schema).toJson());
    }
}
