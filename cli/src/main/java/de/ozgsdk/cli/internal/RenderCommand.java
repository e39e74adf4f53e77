package de.ozgsdk.cli.internal;

import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.render.FormRenderer;
import de.ozgsdk.forms.render.RenderRequest;
import de.ozgsdk.forms.render.Translations;
import de.ozgsdk.forms.validation.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code ozg fim render SCHEMA}: writes the HTML pages of a FIM form, ready to open in a browser. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {
            "Renders a FIM schema as accessible HTML form pages (default theme, style",
            "sheet inlined, so a page opens in a browser straight away): one step",
            "(--step N, default 1), the check-answers page (--review) or all of them",
            "(--all, into the directory of -o). With --data the page shows the values and",
            "the violations of a validation (like 'ozg fim validate', with the recognised",
            "FIM rules); violations are what the page shows, not a failure of the command.",
            "",
            "Exit codes: 0 = rendered (also when the data have violations), 2 = schema,",
            "data, option or output unusable, 3 = internal error."
        })
public final class RenderCommand implements Callable<Integer>, HasCommonOptions {

    @Parameters(index = "0", paramLabel = "SCHEMA", description = "The XDatenfelder 2.0 or 3.0 file.")
    private Path schemaFile;

    @Option(names = "--data", paramLabel = "DATA.json", description = "Form data as JSON (UTF-8), shown in the "
            + "inputs; validated, and the violations of the page shown. Without it the form is empty.")
    private Path dataFile;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Pages pages = new Pages();

    // The page language needs more values than the de|en of the common options, so this command declares --locale
    // (and with it --verbose) itself; common() hands the error reporter the same shape.
    @Option(names = "--locale", paramLabel = "de|en|tr|uk|ar", defaultValue = "de",
            converter = PageLanguageConverter.class,
            description = "Language of the page: de (default), en, tr, uk or ar (right to left). Messages on stderr "
                    + "are English for en, German otherwise.")
    private Locale locale = Locale.GERMAN;

    @Option(names = "--verbose", description = "Print the stack trace of an error (for bug reports).")
    private boolean verbose;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR", description = "Write the page to this file "
            + "(UTF-8, replaced if it exists) instead of stdout; with --all the directory (created if missing) for "
            + "step-1.html ... step-N.html and review.html.")
    private Path output;

    @Mixin
    private LenientOption lenient;

    @Option(names = "--codelists", paramLabel = "DIR", description = "Directory with genericode code lists "
            + "(searched recursively): their names label radios and selects, and --data is checked against them. "
            + "Without it, code list fields are text inputs for the code.")
    private Path codeListDirectory;

    @Option(names = "--translations", paramLabel = "FILE", description = "Translation file (JSON, see "
            + "forms/RENDERING.md) for labels, help texts and value names in other languages.")
    private Path translationsFile;

    @Spec
    private CommandSpec spec;

    /** Which page(s): one of {@code --step}, {@code --all}, {@code --review}. */
    static final class Pages {
        @Option(names = "--step", paramLabel = "N", description = "Render step N (1 = first; default).")
        int step = 1;

        @Option(names = "--all", description = "Render every step and the check-answers page (needs -o DIR).")
        boolean all;

        @Option(names = "--review", description = "Render the check-answers page.")
        boolean review;
    }

    @Override
    public CommonOptions common() {
        return CommonOptions.of(messageLocale(), verbose);
    }

    @Override
    public Integer call() {
        if (pages.all && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--all writes one file per page: give the directory with -o DIR.");
        }
        SchemaLoading loading = SchemaLoading.of(lenient.lenient(), Optional.ofNullable(codeListDirectory));
        FormSchema schema = loading.load(schemaFile);
        PrintWriter err = spec.commandLine().getErr();
        ValidateCommand.printNotes(err, messageLocale(), schemaFile, schema, loading);
        FormRenderer renderer = renderer(schema, loading);
        RenderRequest request = request(schema, loading, err);
        Map<String, String> rendered = render(renderer, request);
        if (output == null) {
            spec.commandLine().getOut().print(rendered.values().iterator().next());
            spec.commandLine().getOut().flush();
        } else if (pages.all) {
            Path directory = Outputs.directory(output);
            rendered.forEach((name, page) -> Outputs.writeUtf8(directory.resolve(name), page));
        } else {
            Outputs.writeUtf8(output, rendered.values().iterator().next());
        }
        return ExitCodes.OK;
    }

    private FormRenderer renderer(FormSchema schema, SchemaLoading loading) {
        FormRenderer.Builder renderer = FormRenderer.builder(schema);
        loading.registry().ifPresent(renderer::codeLists);
        if (translationsFile != null) {
            Path file = Inputs.requireReadableFile(translationsFile);
            try {
                renderer.translations(Translations.read(file));
                return renderer.build();
            } catch (OzgException e) {
                throw new InputFailure(file.toString(), e);
            }
        }
        return renderer.build();
    }

    private RenderRequest request(FormSchema schema, SchemaLoading loading, PrintWriter err) {
        if (dataFile == null) {
            return RenderRequest.builder(FormData.empty()).locale(locale).build();
        }
        FormData data = ValidateCommand.readData(schema, dataFile);
        ValidationResult result = ValidateCommand.validator(schema, loading, Optional.empty(), true).validate(data);
        ValidateCommand.printRuleProblems(err, messageLocale(), result);
        return RenderRequest.builder(data).validation(result).locale(locale).build();
    }

    /** The pages asked for, by file name in the order of the form. */
    private Map<String, String> render(FormRenderer renderer, RenderRequest request) {
        Map<String, String> rendered = new LinkedHashMap<>();
        int steps = renderer.steps().size();
        if (pages.all) {
            for (int step = 1; step <= steps; step++) {
                rendered.put("step-" + step + ".html", renderer.renderStep(step - 1, request).page());
            }
            rendered.put("review.html", renderer.renderReview(request).page());
        } else if (pages.review) {
            rendered.put("review.html", renderer.renderReview(request).page());
        } else {
            if (pages.step < 1 || pages.step > steps) {
                throw new InvalidInputException(CliError.STEP_OUT_OF_RANGE, pages.step, schemaFile.getFileName(),
                        steps);
            }
            rendered.put("step-" + pages.step + ".html", renderer.renderStep(pages.step - 1, request).page());
        }
        return rendered;
    }

    private Locale messageLocale() {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
    }

    /** Accepts the languages the renderer has UI texts in: de, en, tr, uk, ar (any case). */
    static final class PageLanguageConverter implements ITypeConverter<Locale> {
        private static final List<String> LANGUAGES = java.util.List.of("de", "en", "tr", "uk", "ar");

        @Override
        public Locale convert(String value) {
            String language = value.strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(language)) {
                throw new TypeConversionException("'" + value + "' is not a supported page language; use one of "
                        + String.join(", ", LANGUAGES));
            }
            return Locale.forLanguageTag(language);
        }
    }
}
