package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.BindResult;
import de.ozgsdk.forms.data.DataLimits;
import de.ozgsdk.forms.data.FormBinder;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.jsonschema.JsonSchemaExport;
import de.ozgsdk.forms.jsonschema.JsonSchemaExporter;
import de.ozgsdk.forms.render.FormRenderer;
import de.ozgsdk.forms.render.Translations;
import de.ozgsdk.forms.rules.RuleFiles;
import de.ozgsdk.forms.rules.RuleSet;
import de.ozgsdk.forms.rules.RuleSyntaxException;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * One FIM form, ready to use: the schema of a Stammdatenschema file with its code lists and executable rules wired
 * into every part that needs them (import check, binding, validation, JSON, JSON Schema, rendering), built once and
 * shared. This is the front door of the forms module; the types behind it ({@link FimImporter},
 * {@link FormValidator}, {@link FormDataJson}, {@link JsonSchemaExporter}, {@link FormRenderer}) stay available for
 * what it does not cover.
 *
 * <pre>{@code
 * CodeListRegistry codeLists = CodeListRegistry.builder().addDirectory(fim.resolve("codelists")).build();
 * FimForm form = FimForm.load(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"), codeLists); // once, at start-up
 *
 * // per request
 * BindResult bound = form.bind(request.getParameterMap());
 * ValidationResult result = form.validate(bound.data());       // FIM rules and code lists included
 * if (result.isValid()) {
 *     Submission submission = form.submission(bound.data());  // hidden answers dropped
 *     store(submission.toJson());
 * }
 * }</pre>
 *
 * <p><b>Defaults</b> are the complete checks, the same as the {@code ozg fim} commands': the import is strict (the
 * file must be valid against the official XDatenfelder XSD; {@link Builder#lenient(boolean)} turns deviations into
 * {@link FormSchema#warnings()}), a code list the schema references but the registry lacks fails the strict import
 * ({@code OZG-FIM-114}), and the schema's FIM rules apply where the SDK recognises their free text
 * ({@link Builder#fimRules(boolean)}), completed and overridden by rule side files ({@link Builder#rules(Path)}).
 *
 * <p><b>Derived data.</b> Modules built on forms keep what they compute once per form on the form itself with
 * {@link #derived(Class, Function)}, e.g. the generated XSD of the XML form data in {@code ozg-xoev}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FimForm {

    private final FormSchema schema;
    private final Optional<CodeListRegistry> codeLists;
    private final CodeValues codeValues;
    private final boolean lenient;
    private final Locale locale;
    private final DataLimits limits;
    private final Translations translations;
    private final FormValidator validator;
    private final FormBinder binder;
    private final FormDataJson json;
    private final ConcurrentMap<Class<?>, Derived> derived = new ConcurrentHashMap<>();

    private FimForm(FormSchema schema, Builder b, boolean lenient) {
        this.schema = schema;
        this.codeLists = b.codeLists;
        this.codeValues = b.codeLists.map(CodeValues::of).orElse(CodeValues.none());
        this.lenient = lenient;
        this.locale = b.locale;
        this.limits = b.limits;
        this.translations = b.translations;
        this.validator = FormValidator.builder(schema)
                .codeValues(codeValues)
                .fimRules(b.fimRules)
                .rules(b.sideRules())
                .clock(b.clock)
                .build();
        this.binder = FormBinder.of(schema, limits);
        this.json = FormDataJson.of(schema, limits);
    }

    /**
     * Loads a form with its code lists and the defaults of {@link Builder}: strict import, FIM rules on.
     *
     * @throws FimImportException when the file is not a valid XDatenfelder message or references a code list the
     *     registry does not have
     */
    public static FimForm load(Path fimFile, CodeListRegistry codeLists) {
        return builder().codeLists(codeLists).load(fimFile);
    }

    /** Loads a form without code lists (their values are not checked) and the defaults of {@link Builder}. */
    public static FimForm load(Path fimFile) {
        return builder().load(fimFile);
    }

    /** Starts a form: strict import, FIM rules on, no code lists, German, {@link DataLimits#DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The form's schema. */
    public FormSchema schema() {
        return schema;
    }

    /** The code lists given to the builder, if any. */
    public Optional<CodeListRegistry> codeLists() {
        return codeLists;
    }

    /**
     * The codes of the form's code lists as validation, JSON Schema export and XSD generation read them; nothing
     * when no registry was given.
     */
    public CodeValues codeValues() {
        return codeValues;
    }

    /** Whether the schema was imported leniently (deviations from the XSD are in {@link FormSchema#warnings()}). */
    public boolean isLenient() {
        return lenient;
    }

    /** The language of generated texts: JSON Schema titles and descriptions; default German. */
    public Locale locale() {
        return locale;
    }

    /** The limits of binding and reading data (values, value length, repetitions). */
    public DataLimits limits() {
        return limits;
    }

    /** The validator with the form's code lists and rules (e.g. for the Bean Validation bridge). */
    public FormValidator validator() {
        return validator;
    }

    /** The JSON form of the data ({@link FormDataJson}) with the form's limits. */
    public FormDataJson json() {
        return json;
    }

    /**
     * Binds an HTML form submission in the shape of a servlet's {@code request.getParameterMap()}; see
     * {@link FormBinder} for the parameter names.
     *
     * @throws InvalidInputException ({@code OZG-DATA-1xx}) for a crafted or outdated form: unknown element, malformed
     *     name, too many values
     */
    public BindResult bind(Map<String, String[]> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return binder.bind(FormBinder.fromArrays(parameters));
    }

    /**
     * Reads form data from JSON (keys are FIM ids, see {@link FormDataJson}).
     *
     * @throws InvalidInputException ({@code OZG-DATA-1xx}) for malformed JSON or an id the form does not have
     */
    public FormData readJson(String json) {
        return this.json.read(Objects.requireNonNull(json, "json"));
    }

    /** Reads form data from JSON, see {@link #readJson(String)}; the reader is not closed. */
    public FormData readJson(Reader json) {
        return this.json.read(Objects.requireNonNull(json, "json"));
    }

    /** The data as JSON, typed where the Datentyp says so (numbers, booleans, ISO dates). */
    public String toJson(FormData data) {
        return json.write(Objects.requireNonNull(data, "data"));
    }

    /**
     * Validates the data with everything the form knows: Multiplizität, Datentyp, Präzisierung, code lists, and the
     * executable rules. Never throws for bad values.
     */
    public ValidationResult validate(FormData data) {
        return validator.validate(Objects.requireNonNull(data, "data"));
    }

    /**
     * Validates the data and returns what to store and send: the data without the answers that rules hide
     * ({@link ValidationResult#visibleData()}).
     *
     * @throws InvalidFormDataException ({@code OZG-DATA-115}) when the data have violations; it carries them
     */
    public Submission submission(FormData data) {
        ValidationResult result = validate(data);
        if (!result.isValid()) {
            throw new InvalidFormDataException(schema.id().toString(), result);
        }
        return new Submission(this, result);
    }

    /**
     * The JSON Schema 2020-12 of the form's JSON data, with the codes of the form's code lists as {@code enum}s and
     * titles in {@link #locale()}; exported once (base URI {@value JsonSchemaExporter#DEFAULT_BASE_URI}). For another
     * base URI use {@code JsonSchemaExporter.builder().codeValues(form.codeValues())}.
     */
    public JsonSchemaExport jsonSchema() {
        return derived(JsonSchemaExport.class, form -> JsonSchemaExporter.builder()
                .codeValues(codeValues).locale(locale).build().export(schema));
    }

    /**
     * The HTML renderer of the form with its code lists (names of values for radios and selects) and the builder's
     * translations, built once; for other settings (steps, theme, URLs) start from {@link #rendererBuilder()}.
     */
    public FormRenderer renderer() {
        return derived(FormRenderer.class, form -> rendererBuilder().build());
    }

    /** A renderer builder with the form's code lists and translations, for a renderer of your own settings. */
    public FormRenderer.Builder rendererBuilder() {
        FormRenderer.Builder builder = FormRenderer.builder(schema).translations(translations);
        codeLists.ifPresent(builder::codeLists);
        return builder;
    }

    /**
     * Data derived from this form, computed once per key on first use and kept with the form, so that a module
     * built on forms can attach what it computes per form (ozg-xoev keeps the generated XSD of the form's XML data
     * here). The key is a type of the caller's own (this class uses {@link JsonSchemaExport} and
     * {@link FormRenderer}); {@code compute} may ask for other derived data of the same form, but the keys must not
     * depend on each other in a cycle (asking for its own key fails at once). Thread-safe: concurrent callers of one
     * key wait for a single computation; a computation that throws is not kept, the next call tries again.
     *
     * @throws IllegalStateException when {@code compute} asks for its own key (a cycle)
     * @throws NullPointerException when {@code compute} returns null
     */
    public <T> T derived(Class<T> key, Function<? super FimForm, ? extends T> compute) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(compute, "compute");
        return key.cast(derived.computeIfAbsent(key, k -> new Derived()).get(this, key, compute));
    }

    /** The form's schema id and version, the import mode and whether code lists are wired in. */
    @Override
    public String toString() {
        return "FimForm[" + schema.id() + (lenient ? ", lenient" : ", strict")
                + (codeLists.isPresent() ? ", code lists" : ", no code lists") + "]";
    }

    /** One derived value: computed once under its own lock, so that computing one key may ask for another. */
    private static final class Derived {
        private volatile Object value;
        private boolean computing;

        Object get(FimForm form, Class<?> key, Function<? super FimForm, ?> compute) {
            Object result = value;
            if (result != null) {
                return result;
            }
            synchronized (this) {
                if (value == null) {
                    if (computing) {
                        throw new IllegalStateException("derived data " + key.getName() + " of " + form.schema.id()
                                + " asks for itself while it is computed");
                    }
                    computing = true;
                    try {
                        value = Objects.requireNonNull(compute.apply(form), () -> "derived " + key.getName());
                    } finally {
                        computing = false;
                    }
                }
                return value;
            }
        }
    }

    /** Configures and loads a {@link FimForm}; every setter checks its argument. */
    public static final class Builder {
        private Optional<CodeListRegistry> codeLists = Optional.empty();
        private Optional<FimImporter> importer = Optional.empty();
        private Optional<Boolean> lenient = Optional.empty();
        private boolean fimRules = true;
        private final List<Path> ruleFiles = new ArrayList<>();
        private final List<RuleSet> ruleSets = new ArrayList<>();
        private Locale locale = Locale.GERMAN;
        private DataLimits limits = DataLimits.DEFAULT;
        private Translations translations = Translations.empty();
        private boolean translationsGiven;
        private Clock clock = Clock.system(ZoneId.of("Europe/Berlin"));

        private Builder() {
        }

        /**
         * The code lists of the form, wired into the import check (a referenced list missing here fails a strict
         * import, {@code OZG-FIM-114}), validation, the JSON Schema, rendering and {@link #codeValues()}. Default:
         * none (code list values are not checked).
         */
        public Builder codeLists(CodeListRegistry codeLists) {
            this.codeLists = Optional.of(Objects.requireNonNull(codeLists, "codeLists"));
            return this;
        }

        /**
         * The code lists of the genericode files in a directory (searched recursively), see
         * {@link #codeLists(CodeListRegistry)}.
         *
         * @throws de.ozgsdk.core.OzgException ({@code OZG-CL-…}) for a broken code list file
         */
        public Builder codeLists(Path directory) {
            Objects.requireNonNull(directory, "directory");
            return codeLists(CodeListRegistry.builder().addDirectory(directory).build());
        }

        /**
         * Whether the import reports deviations from the official XDatenfelder XSD as warnings instead of failing.
         * Default: false (strict), as {@link FimImporter} and the {@code ozg fim} commands.
         */
        public Builder lenient(boolean lenient) {
            this.lenient = Optional.of(lenient);
            return this;
        }

        /**
         * The importer whose settings (limits, XML parser, strictness) the form imports with; the form's code lists
         * are added to it, and {@link #lenient(boolean)}, if called, overrides its strictness. Default:
         * {@code FimImporter.builder().build()}.
         */
        public Builder importer(FimImporter importer) {
            this.importer = Optional.of(Objects.requireNonNull(importer, "importer"));
            return this;
        }

        /**
         * Whether the schema's own FIM rules apply where the SDK recognises their free text; default {@code true}
         * (see {@link FormValidator.Builder#fimRules(boolean)}).
         */
        public Builder fimRules(boolean fimRules) {
            this.fimRules = fimRules;
            return this;
        }

        /**
         * Adds a rule side file (JSON, {@code forms/RULES.md}), read when the form is loaded; its rules add to the FIM
         * rules and replace those of the same id. Files given later override earlier ones.
         */
        public Builder rules(Path ruleFile) {
            ruleFiles.add(Objects.requireNonNull(ruleFile, "ruleFile"));
            return this;
        }

        /** Adds rules (e.g. written in code or read with {@link RuleFiles}), after the rule files. */
        public Builder rules(RuleSet rules) {
            ruleSets.add(Objects.requireNonNull(rules, "rules"));
            return this;
        }

        /** The language of generated texts (JSON Schema titles and descriptions); default German. */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** Limits for binding and reading JSON; default {@link DataLimits#DEFAULT}. */
        public Builder limits(DataLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Translations of labels and help texts for {@link FimForm#renderer()}; default none. */
        public Builder translations(Translations translations) {
            this.translations = Objects.requireNonNull(translations, "translations");
            this.translationsGiven = true;
            return this;
        }

        /** The clock of {@code today()} in rules; default the system clock in Europe/Berlin. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Imports the FIM file and builds the form.
         *
         * @throws FimImportException when the file cannot be imported (see {@link FimImporter})
         * @throws RuleSyntaxException for a rule (side file or recognised) that does not fit the schema
         * @throws InvalidInputException for a broken rule file or translations naming unknown elements
         */
        public FimForm load(Path fimFile) {
            Objects.requireNonNull(fimFile, "fimFile");
            FimImporter configured = configuredImporter();
            return build(configured.importSchema(fimFile), configured.isLenient());
        }

        /**
         * Imports a FIM message from a stream (not closed) and builds the form, see {@link #load(Path)}.
         *
         * @param sourceName names the input in messages, e.g. the file name (never personal data)
         */
        public FimForm load(InputStream in, String sourceName) {
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(sourceName, "sourceName");
            FimImporter configured = configuredImporter();
            return build(configured.importSchema(in, sourceName), configured.isLenient());
        }

        /**
         * Builds the form of a schema imported elsewhere or built in code; nothing is imported, so the code lists
         * are not checked for presence (validation skips the values of a missing one).
         */
        public FimForm of(FormSchema schema) {
            Objects.requireNonNull(schema, "schema");
            return build(schema, lenient.orElse(false));
        }

        private FimImporter configuredImporter() {
            FimImporter.Builder builder = importer.map(FimImporter::newBuilder).orElseGet(FimImporter::builder);
            lenient.ifPresent(builder::lenient);
            codeLists.ifPresent(registry -> builder.codeLists(registry.availability()));
            return builder.build();
        }

        private FimForm build(FormSchema schema, boolean importedLeniently) {
            FimForm form = new FimForm(schema, this, importedLeniently);
            if (translationsGiven) {
                form.renderer(); // translations naming elements the schema lacks fail here, not on the first page
            }
            return form;
        }

        /** The rule files and rule sets in the order given, each overriding the ones before. */
        private RuleSet sideRules() {
            RuleSet rules = RuleSet.empty();
            for (Path file : ruleFiles) {
                rules = rules.overriddenBy(RuleFiles.read(file));
            }
            for (RuleSet set : ruleSets) {
                rules = rules.overriddenBy(set);
            }
            return rules;
        }
    }
}
