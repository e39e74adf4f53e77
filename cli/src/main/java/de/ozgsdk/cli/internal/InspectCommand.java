package de.ozgsdk.cli.internal;

import de.ozgsdk.forms.FormSchema;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ozg fim inspect FILE}: what a FIM schema file contains and what is wrong with it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {
            "Shows id, version, name and XDatenfelder version of a FIM schema file",
            "(Stammdatenschema, Datenfeldgruppe or Datenfeld message), the number of",
            "groups, fields, rules and code lists, whether each code list is available",
            "and each FIM rule executable, and the import warnings; with --fields also",
            "the field tree (path, id, label, Datentyp, Multiplizität, code list).",
            "Imports strictly, like every command and the Java API; --lenient lists",
            "deviations from the XSD as warnings instead of failing on the first.",
            "",
            "Exit codes: 0 = inspected (also with warnings), 2 = the file or an option",
            "is unusable, 3 = internal error."
        })
public final class InspectCommand implements Callable<Integer>, HasCommonOptions {

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "FILE", description = "The XDatenfelder 2.0 or 3.0 file.")
    private Path file;

    @Option(names = "--json", description = "Print the report as JSON (stable keys) instead of text.")
    private boolean json;

    @Mixin
    private LenientOption lenient;

    /** Strict is the default since {@code --lenient} came to inspect; accepted so that older scripts still run. */
    @Option(names = "--strict", hidden = true, description = "Import strictly (the default).")
    private boolean strict;

    @Option(names = "--fields", description = "Also print the field tree: data path, id, label, Datentyp, "
            + "Multiplizität (required or not) and code list of every group and field.")
    private boolean fields;

    @Option(names = "--codelists", paramLabel = "DIR", description = "Directory with genericode code lists "
            + "(searched recursively); reports which referenced lists are available or missing.")
    private Path codeListDirectory;

    @Spec
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        if (strict && lenient.lenient()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--strict and --lenient exclude each other; strict is the default");
        }
        SchemaLoading loading = SchemaLoading.of(lenient.lenient(), Optional.ofNullable(codeListDirectory));
        FormSchema schema = loading.load(file);
        InspectReport report = new InspectReport(file.toString(), schema, loading);
        if (json) {
            spec.commandLine().getOut().println(JsonOutput.write(report.toJson(common.locale(), fields)));
        } else {
            spec.commandLine().getOut().print(report.toText(common.locale(), fields));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
