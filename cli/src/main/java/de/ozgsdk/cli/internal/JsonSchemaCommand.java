package de.ozgsdk.cli.internal;

import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.jsonschema.JsonSchemaExport;
import de.ozgsdk.forms.jsonschema.JsonSchemaExporter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ozg fim json-schema SCHEMA}: exports a FIM schema as JSON Schema 2020-12 for its form data. */
@Command(name = "json-schema", mixinStandardHelpOptions = true,
        description = {
            "Exports a FIM schema as a JSON Schema 2020-12 document for its form data (the",
            "JSON that 'ozg fim validate' reads), stating the checks of the validator.",
            "Writes to stdout or to the file of -o; notes on what JSON Schema cannot state",
            "(rules, Java-only patterns, missing code lists) go to stderr.",
            "",
            "Exit codes: 0 = exported (also with notes), 2 = schema, option or output",
            "unusable, 3 = internal error."
        })
public final class JsonSchemaCommand implements Callable<Integer>, HasCommonOptions {

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "SCHEMA", description = "The XDatenfelder 2.0 or 3.0 file.")
    private Path schemaFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the JSON Schema to this file "
            + "(UTF-8, replaced if it exists) instead of stdout.")
    private Path output;

    @Mixin
    private LenientOption lenient;

    @Option(names = "--codelists", paramLabel = "DIR", description = "Directory with genericode code lists "
            + "(searched recursively); their codes become enums. Without it, code lists are not stated.")
    private Path codeListDirectory;

    @Option(names = "--base-uri", paramLabel = "URI", description = "Base of the schema's $id, an absolute URI "
            + "ending with / or : (default: " + JsonSchemaExporter.DEFAULT_BASE_URI + ").")
    private String baseUri;

    @Spec
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        SchemaLoading loading = SchemaLoading.of(lenient.lenient(), Optional.ofNullable(codeListDirectory));
        FormSchema schema = loading.load(schemaFile);
        JsonSchemaExporter.Builder exporter = JsonSchemaExporter.builder()
                .locale(common.locale())
                .codeValues(loading.codeValues());
        if (baseUri != null) {
            exporter.baseUri(baseUri);
        }
        JsonSchemaExport export = exporter.build().export(schema);
        Outputs.notes(spec, common.locale(), schemaFile, schema, export.notes(), n -> n.code().code(),
                n -> n.message(common.locale()));
        Outputs.emit(spec, output, export.toJson());
        return ExitCodes.OK;
    }
}
