package de.ozgsdk.cli.internal;

import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.xoev.fim.FimXsdGenerator;
import de.ozgsdk.xoev.fim.GeneratedXsd;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ozg fim xsd SCHEMA}: generates the XML Schema (XSD) of a FIM schema's form data. */
@Command(name = "xsd", mixinStandardHelpOptions = true,
        description = {
            "Generates an XML Schema (XSD) for the form data of a FIM schema: elements",
            "named by the FIM ids, types and facets from Datentyp and Präzisierung,",
            "minOccurs/maxOccurs from the Multiplizität, codes as enumerations (with",
            "--codelists). Writes to stdout or to the file of -o; notes on what the XSD",
            "cannot state (Java-only patterns, missing code lists, rules) go to stderr.",
            "",
            "Exit codes: 0 = generated (also with notes), 2 = schema, option or output",
            "unusable, 3 = internal error."
        })
public final class XsdCommand implements Callable<Integer>, HasCommonOptions {

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "SCHEMA", description = "The XDatenfelder 2.0 or 3.0 file.")
    private Path schemaFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the XSD to this file "
            + "(UTF-8, replaced if it exists) instead of stdout.")
    private Path output;

    @Mixin
    private LenientOption lenient;

    @Option(names = "--codelists", paramLabel = "DIR", description = "Directory with genericode code lists "
            + "(searched recursively); their codes become enumerations. Without it, code list fields are xs:token.")
    private Path codeListDirectory;

    @Option(names = "--namespace-base", paramLabel = "URI", description = "Base of the target namespace, an "
            + "absolute URI ending with : or / (default: " + FimXsdGenerator.DEFAULT_NAMESPACE_BASE + ").")
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
        GeneratedXsd xsd = generator(loading, namespaceBase, common).generate(schema);
        Outputs.notes(spec, common.locale(), schemaFile, schema, xsd.notes(), n -> n.code().code(),
                n -> n.message(common.locale()));
        Outputs.emit(spec, output, xsd.text());
        return ExitCodes.OK;
    }

    static FimXsdGenerator generator(SchemaLoading loading, String namespaceBase, CommonOptions common) {
        FimXsdGenerator.Builder generator = FimXsdGenerator.builder()
                .locale(common.locale())
                .codeValues(loading.codeValues());
        if (namespaceBase != null) {
            generator.namespaceBase(namespaceBase);
        }
        return generator.build();
    }
}
