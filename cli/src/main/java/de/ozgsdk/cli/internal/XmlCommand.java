package de.ozgsdk.cli.internal;

import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.xoev.fim.FimDataException;
import de.ozgsdk.xoev.fim.FimDataViolation;
import de.ozgsdk.xoev.fim.FormDataXml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code ozg fim xml SCHEMA DATA.json}: writes form data as XML valid against the schema's generated XSD. */
@Command(name = "xml", mixinStandardHelpOptions = true,
        description = {
            "Writes form data (JSON with FIM ids as keys, as 'ozg fim validate' reads it)",
            "as XML valid against the XSD of 'ozg fim xsd' (same options give the same",
            "XSD). The data are validated first, as 'ozg fim validate' does; invalid data",
            "print {\"valid\":false,\"violations\":[...]} on stdout and write no XML.",
            "",
            "Exit codes: 0 = written, 1 = violations, 2 = schema, data, option or output",
            "unusable, 3 = internal error."
        })
public final class XmlCommand implements Callable<Integer>, HasCommonOptions {

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "SCHEMA", description = "The XDatenfelder 2.0 or 3.0 file.")
    private Path schemaFile;

    @Parameters(index = "1", paramLabel = "DATA.json", description = "The form data as JSON (UTF-8).")
    private Path dataFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the XML to this file "
            + "(UTF-8, replaced if it exists) instead of stdout.")
    private Path output;

    @Mixin
    private LenientOption lenient;

    @Option(names = "--codelists", paramLabel = "DIR", description = "Directory with genericode code lists "
            + "(searched recursively) for checking code list values and stating them in the XSD.")
    private Path codeListDirectory;

    @Option(names = "--namespace-base", paramLabel = "URI", description = "Base of the target namespace, as for "
            + "'ozg fim xsd'.")
    private String namespaceBase;

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
        PrintWriter err = spec.commandLine().getErr();
        ValidateCommand.printNotes(err, common.locale(), schemaFile, schema, loading);
        FormData data = ValidateCommand.readData(schema, dataFile);
        ValidationResult result = ValidateCommand.validator(schema, loading, Optional.empty(), true).validate(data);
        PrintWriter out = spec.commandLine().getOut();
        if (!result.isValid()) {
            out.println(JsonOutput.write(ValidateCommand.toJson(result, common.locale())));
            out.flush();
            return ExitCodes.FINDINGS;
        }
        FormDataXml xml = FormDataXml.builder(schema)
                .generator(XsdCommand.generator(loading, namespaceBase, common))
                .build();
        String text;
        try {
            text = xml.write(result.visibleData());
        } catch (FimDataException e) {
            out.println(JsonOutput.write(toJson(e)));
            out.flush();
            return ExitCodes.FINDINGS;
        }
        Outputs.emit(spec, output, text);
        return ExitCodes.OK;
    }

    private ObjectNode toJson(FimDataException e) {
        ObjectNode root = JsonOutput.object();
        root.put("valid", false);
        ArrayNode violations = root.putArray("violations");
        for (FimDataViolation violation : e.violations()) {
            ObjectNode node = violations.addObject();
            node.put("path", violation.path());
            node.put("code", violation.code().code());
            violation.line().ifPresent(line -> node.put("line", line));
            violation.column().ifPresent(column -> node.put("column", column));
            node.put("message", violation.message(common.locale()));
        }
        return root;
    }
}
