package de.ozgsdk.forms.snippets;

import static de.ozgsdk.forms.snippets.Bewohnerparken.HOLDER;
import static de.ozgsdk.forms.snippets.Bewohnerparken.HOLDER_ANSWER;
import static de.ozgsdk.forms.snippets.Bewohnerparken.SCHEMA;
import static de.ozgsdk.forms.snippets.Bewohnerparken.VEHICLE;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FimError;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.Submission;
import de.ozgsdk.forms.codelist.CodeList;
import de.ozgsdk.forms.codelist.CodeListQuery;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.codelist.GenericodeReader;
import de.ozgsdk.forms.data.BindResult;
import de.ozgsdk.forms.data.DataLimits;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormBinder;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.jsonschema.JsonSchemaExport;
import de.ozgsdk.forms.jsonschema.JsonSchemaExporter;
import de.ozgsdk.forms.rules.RuleFiles;
import de.ozgsdk.forms.snippets.Bewohnerparken.Request;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import de.ozgsdk.forms.validation.ViolationCode;
import de.ozgsdk.forms.validation.bean.FormConstraintValidatorFactory;
import de.ozgsdk.forms.validation.bean.FormSchemaResolver;
import de.ozgsdk.forms.validation.bean.ValidFormData;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code samples of the forms model, data, validation, code list and JSON Schema Javadoc and of {@code MODEL.md},
 * run against the real Bewohnerparkausweis schema: each region is copied verbatim into a sample (checked by
 * DocSnippetsTest in the examples module), and the assertions after it prove what the sample's comments claim.
 */
class FormsSnippetsTest {

    private static final Logger log = LoggerFactory.getLogger(FormsSnippetsTest.class);

    /** The shared FIM fixtures folder: {@code xdf2/}, {@code xdf3/}, {@code codelists/}. */
    private static Path fim;
    private static CodeListRegistry registry;

    @TempDir
    Path dir;

    private final List<String> stored = new ArrayList<>();
    private final List<FormData> shownAgain = new ArrayList<>();

    @BeforeAll
    static void readTheCodeLists() {
        fim = SharedFixtures.requireFim();
        registry = CodeListRegistry.builder().addDirectory(fim.resolve("codelists")).build();
    }

    @Test
    void fimFormBindsValidatesAndGivesTheDataToSubmit() {
        Request request = Bewohnerparken.validPost();

        // @start region="fim-form"
        CodeListRegistry codeLists = CodeListRegistry.builder().addDirectory(fim.resolve("codelists")).build();
        FimForm form = FimForm.load(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"), codeLists); // once, at start-up

        // per request
        BindResult bound = form.bind(request.getParameterMap());
        ValidationResult result = form.validate(bound.data());       // FIM rules and code lists included
        if (result.isValid()) {
            Submission submission = form.submission(bound.data());  // hidden answers dropped
            store(submission.toJson());
        }
        // @end

        assertThat(result.violations()).isEmpty();
        assertThat(stored).singleElement().asString().contains("\"F05000059\":\"Mustermann\"");
        assertThat(form.validator().rules().rules()).extracting(rule -> rule.origin().location())
                .contains("R05000281");
        FormData otherHolder = form.bind(request.with("G05000477[0].F05001047", "02").getParameterMap()).data();
        assertThat(form.validate(otherHolder).requiredByRule()).contains(DataPath.of(HOLDER));
        FormData unknownCode = form.bind(request.with("G05000477[0].F05001047", "99").getParameterMap()).data();
        assertThat(form.validate(unknownCode).violations()).extracting(Violation::code)
                .containsExactly(ViolationCode.NOT_IN_CODE_LIST);
    }

    @Test
    void modelSampleBindsValidatesSubmitsExportsAndRenders() {
        Request request = Bewohnerparken.validPost();

        // @start region="model-fim-form"
        CodeListRegistry codeLists = CodeListRegistry.builder().addDirectory(fim.resolve("codelists")).build();
        FimForm form = FimForm.load(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"), codeLists); // strict, FIM rules on

        BindResult bound = form.bind(request.getParameterMap());      // Map<String, String[]> of a servlet
        ValidationResult result = form.validate(bound.data());        // code lists and FIM rules included
        if (result.isValid()) {
            Submission submission = form.submission(bound.data());    // hidden answers dropped: store and send this
            store(submission.toJson());
        }
        String jsonSchema = form.jsonSchema().toJson();               // with the code lists as enums, exported once
        String page = form.renderer().renderStep(0, bound.data(), result.violations(), Locale.GERMAN).page();
        // @end

        assertThat(form.isLenient()).isFalse();
        assertThat(stored).singleElement().asString().contains("\"F05001047\":\"01\"");
        assertThat(jsonSchema).contains("\"enum\"").contains("\"02\"");
        assertThat(form.jsonSchema()).isSameAs(form.jsonSchema());
        assertThat(page).startsWith("<!DOCTYPE html>").contains("name=\"F05001344\"");
    }

    @Test
    void formsPackageSampleReadsJsonAndReportsCodeListAndRuleViolations() throws IOException {
        Files.writeString(dir.resolve("antrag.json"), """
                {"G05000477": {"F05000627": "K-OZ 2026", "F05001062": 4711, "F05001047": "02"},
                 "G05000496": {"F05000523": "999"}}
                """, StandardCharsets.UTF_8);

        // @start region="forms-package"
        CodeListRegistry codeLists = CodeListRegistry.builder().addDirectory(fim.resolve("codelists")).build();
        FimForm form = FimForm.load(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"), codeLists); // once, thread-safe

        FormData data = form.readJson(Files.readString(dir.resolve("antrag.json")));
        ValidationResult result = form.validate(data);    // code lists and the recognised FIM rules included
        for (Violation v : result.violations()) {
            System.out.println(v.path() + ": " + v.message(Locale.GERMAN));
        }
        String jsonSchema = form.jsonSchema().toJson();    // the same constraints for a front end
        // @end

        assertThat(result.violationsAt(DataPath.parse("G05000496[0].F05000523"))).extracting(Violation::code)
                .containsExactly(ViolationCode.NOT_IN_CODE_LIST);
        assertThat(result.requiredByRule()).containsExactly(DataPath.of(HOLDER));
        assertThat(result.violations()).anySatisfy(v -> assertThat(v.path().toString()).startsWith(HOLDER + "[0]."));
        assertThat(jsonSchema).contains("\"G05000499\"");
    }

    @Test
    void importerCollectsDeviationsAsWarningsWhenLenient() {
        CodeListRegistry registry = CodeListRegistry.builder()
                .addDirectory(fim.resolve("codelists")).build();

        // @start region="fim-importer"
        FimImporter importer = FimImporter.builder()
                .lenient(true)                                         // keep working copies usable, collect warnings
                .codeLists(registry.availability())                    // report missing code lists at load
                .build();
        FormSchema schema = importer.importSchema(fim.resolve("xdf2/S00000009_xdatenfelder.xml"));
        schema.warnings().forEach(w -> log.warn("{}", w));
        Field field = schema.field("F00000152").orElseThrow();
        // @end

        assertThat(schema.warnings()).extracting(w -> w.code()).contains(FimError.CODE_LIST_MISSING);
        assertThat(field.label().get(Locale.GERMAN)).isEqualTo("Name der entgegennehmenden Gemeinde");
    }

    @Test
    void formSchemaListsItsTopLevelElements() {

        // @start region="form-schema"
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"));
        Field street = schema.field("F00000053").orElseThrow();      // found at any depth
        for (ElementRef child : schema.children()) {
            System.out.println(child.element().label().get(Locale.GERMAN) + " " + child.multiplicity());
        }
        // @end

        assertThat(street.label().get(Locale.GERMAN)).isEqualTo("Straße");
        assertThat(schema.children()).extracting(child -> child.id().id()).containsExactly(
                "F00-4cb0dd14-629c-4661-9435-4e9eadc43e07", "F05001344", "G05000496", "G05000493", VEHICLE, HOLDER);
    }

    @Test
    void binderAddsAnInstanceOfARepeatableGroup() {
        // @start region="data-package"
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S00000009_xdatenfelder.xml"));
        FormBinder binder = FormBinder.of(schema);
        BindResult bound = binder.bind(Map.of(
                "F00000152", List.of("Köln"),
                "G00000091[0].F00000034", List.of("Muster GmbH"),
                "_add", List.of("G00000091")));        // the "add another" button was pressed
        FormData data = bound.data();
        String json = FormDataJson.of(schema).write(data); // {"F00000152":"Köln","G00000091":[{...},{}]}
        ValidationResult result = FormValidator.of(schema).validate(data);
        // @end

        assertThat(bound.added()).containsExactly(DataPath.parse("G00000091[1]"));
        assertThat(json).isEqualTo("{\"F00000152\":\"Köln\",\"G00000091\":[{\"F00000034\":\"Muster GmbH\"},{}]}");
        assertThat(result.isValid()).isFalse();
    }

    @Test
    void binderTakesAServletParameterMapThroughFromArrays() {
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S00000009_xdatenfelder.xml"));
        Request request = new Request(Map.of("G00000091[0].F00000034", new String[] {"Muster GmbH"},
                "_add", new String[] {"G00000091"}));

        // @start region="form-binder"
        FormBinder binder = FormBinder.of(schema);
        BindResult bound = binder.bind(FormBinder.fromArrays(request.getParameterMap())); // a servlet's parameters
        if (bound.changedStructure()) {
            showStepAgain(bound.data());   // "add" or "remove" was pressed: one instance more or less
        }
        // @end

        assertThat(shownAgain).singleElement().satisfies(data -> assertThat(data.groups("G00000091")).hasSize(2));
    }

    @Test
    void formDataValueIsFoundByItsPath() {
        // @start region="form-data"
        FormData data = FormData.builder()
                .value("F05001344", "01")
                .group("G05000496", FormData.builder().value("F05000059", "Mustermann").build())
                .build();
        data.value(DataPath.parse("G05000496[0].F05000059")); // Optional[Mustermann]
        // @end

        assertThat(data.value(DataPath.parse("G05000496[0].F05000059"))).contains("Mustermann");
    }

    @Test
    void dataLimitsKeepTheOtherDefaults() {
        // @start region="data-limits"
        DataLimits limits = DataLimits.builder().maxValues(500).build();
        // @end

        assertThat(limits.maxValues()).isEqualTo(500);
        assertThat(limits.maxValueLength()).isEqualTo(DataLimits.DEFAULT.maxValueLength());
    }

    @Test
    void validationPackageSampleChecksTheGivenCodes() {
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve(SCHEMA));
        String json = "{\"F00-4cb0dd14-629c-4661-9435-4e9eadc43e07\": \"03\"}";

        // @start region="validation-package"
        FormValidator validator = FormValidator.builder(schema)     // the schema's FIM rules apply by default
                .codeValues(CodeValues.of(Map.of("urn:de:fim:codeliste:zustimmung", Set.of("01", "02"))))
                .build();
        ValidationResult result = validator.validate(FormDataJson.of(schema).read(json));
        for (Violation v : result.violations()) {
            System.out.println(v.path() + " " + v.code() + ": " + v.message(Locale.ENGLISH));
        }
        // @end

        assertThat(result.violationsAt(DataPath.parse("F00-4cb0dd14-629c-4661-9435-4e9eadc43e07")))
                .extracting(Violation::code).containsExactly(ViolationCode.NOT_IN_CODE_LIST);
        assertThat(validator.rules().rules()).isNotEmpty();
    }

    @Test
    void validatorReportsEachViolationWithPathAndGermanMessage() {
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve(SCHEMA));
        FormData data = FormData.builder()
                .group("G05000496", FormData.builder().value("F05000059", "M".repeat(300)).build()).build();

        // @start region="form-validator"
        FormValidator validator = FormValidator.builder(schema).codeValues(CodeValues.of(registry)).build();
        ValidationResult result = validator.validate(data);
        for (Violation v : result.violations()) {
            System.out.println(v.path() + ": " + v.message(Locale.GERMAN));
            // G05000496[0].F05000059: Bitte geben Sie bei „Familienname“ höchstens 120 Zeichen ein.
        }
        // @end

        assertThat(result.violationsAt(DataPath.parse("G05000496[0].F05000059")))
                .extracting(v -> v.message(Locale.GERMAN))
                .containsExactly("Bitte geben Sie bei „Familienname“ höchstens 120 Zeichen ein.");
    }

    @Test
    void validatorWithSideFileHidesWhatAVisibilityRuleHides() throws IOException {
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve(SCHEMA));
        Files.writeString(dir.resolve("S05000058.rules.json"), """
                {"schema": "S05000058", "rules": [{"id": "R-halter-sichtbar", "kind": "visible",
                  "target": "G05000499", "when": "F05001047 == '02'"}]}
                """, StandardCharsets.UTF_8);
        FormData data = FormData.builder()
                .group(VEHICLE, FormData.builder().value(HOLDER_ANSWER, "01").build())
                .group(HOLDER, FormData.builder().value("F05001243", "Halter").build())
                .build();

        // @start region="form-validator-rules"
        FormValidator validator = FormValidator.builder(schema)   // the schema's own FIM rules apply by default
                .rules(RuleFiles.read(dir.resolve("S05000058.rules.json")))   // added; replace FIM rules of the same id
                .build();                                            // fails here for a bad rule
        ValidationResult result = validator.validate(data);
        result.hiddenElements();  // e.g. [G05000499]: do not render, do not submit
        FormData toSubmit = result.visibleData();
        // @end

        assertThat(result.hiddenElements()).containsExactly(DataPath.of(HOLDER));
        assertThat(toSubmit.groups(HOLDER)).isEmpty();
        assertThat(toSubmit.groups(VEHICLE)).hasSize(1);
    }

    @Test
    void beanValidationReportsFormViolationsUnderThePropertyPath() {
        FimForm form = FimForm.load(fim.resolve(SCHEMA), registry);
        FormData data = FormData.builder()
                .group("G05000496", FormData.builder().value("F05000059", "M".repeat(300)).build()).build();

        // @start region="bean-package"
        record Application(@ValidFormData(schema = "S05000058") FormData formData) { }

        Configuration<?> config = Validation.byDefaultProvider().configure();
        Validator validator = config.constraintValidatorFactory(new FormConstraintValidatorFactory(
                        config.getDefaultConstraintValidatorFactory(),
                        FormSchemaResolver.of(List.of(form.validator())), Locale.GERMAN))
                .buildValidatorFactory().getValidator();
        Set<ConstraintViolation<Application>> violations = validator.validate(new Application(data));
        // property paths such as formData.G05000496[0].F05000059
        // @end

        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .contains("formData.G05000496[0].F05000059");
    }

    @Test
    void validFormDataOnAFieldIsCheckedByTheFactory() {
        FimForm form = FimForm.load(fim.resolve(SCHEMA), registry);
        FormValidator formValidator = form.validator();

        // @start region="valid-form-data"
        class Application {
            @ValidFormData(schema = "S05000058")
            FormData formData;
        }
        // @end

        Application application = new Application();
        application.formData = FormData.builder().value("F05001344", "99").build();

        // @start region="constraint-validator-factory"
        Configuration<?> config = Validation.byDefaultProvider().configure();
        ValidatorFactory factory = config.constraintValidatorFactory(new FormConstraintValidatorFactory(
                config.getDefaultConstraintValidatorFactory(), FormSchemaResolver.of(List.of(formValidator)),
                Locale.GERMAN)).buildValidatorFactory();
        Set<ConstraintViolation<Application>> violations = factory.getValidator().validate(application);
        // @end

        assertThat(violations).extracting(v -> v.getPropertyPath().toString()).contains("formData.F05001344");
    }

    @Test
    void registryFindsCodeListsOfADirectoryAndOfTheClassPath() {
        // @start region="code-list-registry"
        CodeListRegistry registry = CodeListRegistry.builder()
                .addDirectory(fim.resolve("codelists"))                    // *.gc, *.genericode, *.xml, recursively
                .addClasspathIndex(getClass().getClassLoader(), "de/ozgsdk/forms/codelist/classpath/index.txt")
                .build();
        Optional<CodeList> staat = registry.find("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat",
                "2020-05-11");
        CodeList zustimmung = registry.require(
                CodeListQuery.byVersionUri("urn:de:fim:codeliste:zustimmung_2021-01-11"));
        // @end

        assertThat(staat).hasValueSatisfying(list -> assertThat(list.name("000")).contains("Deutschland"));
        assertThat(zustimmung.codes()).containsExactly("01");
        assertThat(registry.locations()).anyMatch(location -> location.contains("index.txt")
                || location.contains("einwilligung"));
    }

    @Test
    void genericodeReaderReadsOneList() {

        // @start region="genericode-reader"
        GenericodeReader reader = GenericodeReader.create();
        CodeList staat = reader.read(fim.resolve("codelists/C60000016_genericode.gc"));
        System.out.println(staat.canonicalUri() + " " + staat.version().orElse("-") + ": " + staat.size() + " codes");
        System.out.println(staat.name("000").orElse("?"));   // "Deutschland"
        // @end

        assertThat(staat.canonicalUri()).isEqualTo("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat");
        assertThat(staat.name("000")).contains("Deutschland");
    }

    @Test
    void jsonSchemaExporterWritesTheSchemaAndItsNotes() throws IOException {
        // @start region="json-schema-exporter"
        FormSchema schema = FimImporter.builder().build().importSchema(fim.resolve("xdf2/S05000058V1.0_xdf2.xml"));
        JsonSchemaExporter exporter = JsonSchemaExporter.builder()   // with a FimForm: form.jsonSchema()
                .baseUri("https://formulare.example.de/schemas/")
                .codeValues(CodeValues.of(registry))
                .build();
        JsonSchemaExport export = exporter.export(schema);
        Files.writeString(dir.resolve("S05000058.schema.json"), export.toJson());
        export.notes().forEach(note -> log.info("{}", note)); // what the JSON Schema cannot state
        // @end

        assertThat(Files.readString(dir.resolve("S05000058.schema.json")))
                .contains("\"$id\": \"https://formulare.example.de/schemas/S05000058V1.0\"");
        assertThat(export.notes()).noneMatch(note -> note.code().code().equals("OZG-JSCH-105"));
    }

    private void showStepAgain(FormData data) {
        shownAgain.add(data);
    }

    private void store(String json) {
        stored.add(json);
    }
}
