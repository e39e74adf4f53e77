package de.ozgsdk.cli.internal;

import de.ozgsdk.core.OzgException;
import de.ozgsdk.forms.CodeListReference;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.rules.RuleFiles;
import de.ozgsdk.forms.rules.RuleFinding;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

/** {@code ozg fim validate SCHEMA DATA.json}: checks form data against a FIM schema. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {
            "Validates form data (JSON with FIM ids as keys, FIT-Connect \"Fachdaten\"",
            "style) against a FIM schema: Multiplizität, Datentyp, Präzisierung, code",
            "lists, DIN SPEC 91379 characters, and the executable rules: the FIM rules",
            "recognised in the schema and those of --rules. Prints {\"valid\":true} or",
            "{\"valid\":false,\"violations\":[...]} on stdout; notes go to stderr.",
            "",
            "Exit codes: 0 = valid, 1 = violations, 2 = schema, data or option",
            "unusable, 3 = internal error."
        })
public final class ValidateCommand implements Callable<Integer>, HasCommonOptions {

    /** Largest data file read: FormDataJson accepts 16 M characters, which UTF-8 may spread over 4 bytes each. */
    static final long MAX_DATA_BYTES = 64L * 1024 * 1024;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "SCHEMA", description = "The XDatenfelder 2.0 or 3.0 file.")
    private Path schemaFile;

    @Parameters(index = "1", paramLabel = "DATA.json", description = "The form data as JSON (UTF-8).")
    private Path dataFile;

    @Mixin
    private LenientOption lenient;

    @Option(names = "--codelists", paramLabel = "DIR", description = "Directory with genericode code lists "
            + "(searched recursively) for checking code list values. Without it, such values are not checked.")
    private Path codeListDirectory;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rule side file (JSON, see forms/RULES.md); "
            + "its rules replace recognised FIM rules of the same id.")
    private Path rulesFile;

    @Option(names = "--no-fim-rules", description = "Do not apply the FIM rules recognised in the schema's free "
            + "texts (see 'ozg fim inspect'); only the rules of --rules apply.")
    private boolean noFimRules;

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
        printNotes(err, common.locale(), schemaFile, schema, loading);
        FormData data = readData(schema, dataFile);
        FormValidator validator = validator(schema, loading, Optional.ofNullable(rulesFile), !noFimRules);
        ValidationResult result = validator.validate(data);
        printRuleProblems(err, common.locale(), result);
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsonOutput.write(toJson(result, common.locale())));
        out.flush();
        return result.isValid() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Reads the form data file (UTF-8 JSON) for the schema; a file that does not fit is unusable input. */
    static FormData readData(FormSchema schema, Path dataFile) {
        String json = Inputs.readUtf8(dataFile, MAX_DATA_BYTES);
        try {
            return FormDataJson.of(schema).read(json);
        } catch (OzgException e) {
            throw new InputFailure(dataFile.toString(), e);
        }
    }

    /**
     * The validator with the recognised FIM rules (when {@code fimRules}) overridden by the side file; a side file
     * that does not fit the schema (other schema, unknown element, unfitting Datentyp) is unusable input.
     */
    static FormValidator validator(FormSchema schema, SchemaLoading loading, Optional<Path> rulesFile,
            boolean fimRules) {
        FormValidator.Builder builder = FormValidator.builder(schema).codeValues(loading.codeValues())
                .fimRules(fimRules);
        if (rulesFile.isEmpty()) {
            return builder.build();
        }
        Path file = Inputs.requireReadableFile(rulesFile.get());
        try {
            return builder.rules(RuleFiles.read(file)).build();
        } catch (OzgException e) {
            throw new InputFailure(file.toString(), e);
        }
    }

    /** Rules that could not be evaluated for these data: for the author of the rules, not a violation. */
    static void printRuleProblems(PrintWriter err, Locale locale, ValidationResult result) {
        Labels labels = new Labels(locale);
        for (RuleFinding problem : result.ruleProblems()) {
            err.println("ozg: " + labels.get("note") + " [" + problem.code().code() + "] "
                    + problem.message(locale));
        }
        err.flush();
    }

    /** Import warnings and unchecked code lists go to stderr, so that stdout stays free for the command's output. */
    static void printNotes(PrintWriter err, Locale locale, Path schemaFile, FormSchema schema,
            SchemaLoading loading) {
        Labels labels = new Labels(locale);
        if (!schema.warnings().isEmpty()) {
            err.println("ozg: " + labels.get("import.warnings", schemaFile, schema.warnings().size(),
                    loading.lenient() ? " --lenient" : ""));
        }
        List<String> unchecked = schema.codeListReferences().stream()
                .filter(reference -> !loading.isAvailable(reference).orElse(false))
                .map(CodeListReference::toString)
                .toList();
        if (!unchecked.isEmpty()) {
            err.println("ozg: " + labels.get("codeLists.unchecked", String.join("; ", unchecked)));
        }
        err.flush();
    }

    static ObjectNode toJson(ValidationResult result, Locale locale) {
        ObjectNode root = JsonOutput.object();
        root.put("valid", result.isValid());
        if (result.isValid()) {
            return root;
        }
        ArrayNode violations = root.putArray("violations");
        for (Violation violation : result.violations()) {
            ObjectNode node = violations.addObject();
            node.put("path", violation.path().toString());
            node.put("code", violation.code().code());
            node.put("elementId", violation.elementId());
            node.put("label", violation.label().get(locale));
            node.put("message", violation.message(locale));
            JsonOutput.put(node, "ruleId", violation.ruleId());
            ArrayNode arguments = node.putArray("arguments");
            violation.arguments().forEach(arguments::add);
        }
        return root;
    }
}
