package de.ozgsdk.xoev.fim;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Multiplicity;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.jsonschema.DataGenerator;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Differential test of the generated XSD: for generated data with one planted fault of each kind (too long, wrong
 * pattern, out of range, impossible date or time, too many repetitions, code not in the list) and for valid data,
 * four judges agree on valid / invalid: the {@link FormValidator} on the data, {@link FormDataXml} writing them with
 * validation, {@link FormDataXml} reading the unvalidated XML back with validation, and xmllint (libxml2) on that XML
 * against the XSD. Over the example schemas and, when present, the real FIM schemas of shared/fixtures/fim.
 *
 * <p>Faults are planted only where the XSD states the constraint (see FIMXML.md, "What the XSD does not state"):
 * not at fields with an {@link XsdNote} about their pattern, limits, codes or Multiplizität, not at limits with an
 * offset, not at ids that occur at several places of one level.
 */
class GeneratedXsdDifferentialTest {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedXsdDifferentialTest.class);
    private static final long SEED = 20261207L;
    private static final int CASES_PER_FAULT = 12;

    @TempDir
    Path dir;

    private final Map<PlantedFault.Kind, Integer> invalidByKind = new EnumMap<>(PlantedFault.Kind.class);
    private final List<String> disagreements = new ArrayList<>();
    /** Planted faults the validator accepts, or unplanted data it refuses: the generator missed its aim. */
    private final List<String> ineffective = new ArrayList<>();
    private int cases;
    private int valid;

    @Test
    void xmllintTheSdkAndTheValidatorAgreeOnGeneratedDataWithPlantedFaults() throws Exception {
        FimXmlTestSupport.requireXmllint();
        List<FormSchema> schemas = new ArrayList<>(ExampleSchemas.all());
        schemas.add(limits());
        for (int i = 0; i < schemas.size(); i++) {
            compare(schemas.get(i), ExampleSchemas.CODES, SEED + i);
        }
        Optional<Path> fixtures = ExampleSchemas.fixtureRoot();
        if (fixtures.isPresent()) {
            CodeValues codes = CodeValues.of(CodeListRegistry.builder()
                    .addDirectory(fixtures.get().resolve("codelists")).build());
            FimImporter importer = FimImporter.builder().lenient(true).build();
            List<Path> files = ExampleSchemas.fixtureSchemas();
            for (int i = 0; i < files.size(); i++) {
                compare(importer.importSchema(files.get(i)), codes, SEED * 7 + i);
            }
        }

        LOG.info("{} cases ({} valid), invalid by planted fault {}: the four judges disagree on {}", cases, valid,
                invalidByKind, disagreements.size());
        assertThat(disagreements).isEmpty();
        assertThat(ineffective).isEmpty();
        assertThat(valid).as("valid cases").isGreaterThanOrEqualTo(60);
        for (PlantedFault.Kind kind : PlantedFault.Kind.values()) {
            assertThat(invalidByKind.getOrDefault(kind, 0)).as("invalid cases with a planted " + kind)
                    .isGreaterThanOrEqualTo(kind.keepsDataValid() ? 0 : 20);
        }
    }

    @Test
    void xmllintTheSdkAndTheValidatorAgreeOnRandomlyFaultyData() throws Exception {
        FimXmlTestSupport.requireXmllint();
        List<FormSchema> schemas = new ArrayList<>(ExampleSchemas.all());
        schemas.add(limits());
        for (int i = 0; i < schemas.size(); i++) {
            compareRandom(schemas.get(i), ExampleSchemas.CODES, SEED * 3 + i, 60);
        }
        Optional<Path> fixtures = ExampleSchemas.fixtureRoot();
        if (fixtures.isPresent()) {
            CodeValues codes = CodeValues.of(CodeListRegistry.builder()
                    .addDirectory(fixtures.get().resolve("codelists")).build());
            FimImporter importer = FimImporter.builder().lenient(true).build();
            List<Path> files = ExampleSchemas.fixtureSchemas();
            for (int i = 0; i < files.size(); i++) {
                compareRandom(importer.importSchema(files.get(i)), codes, SEED * 11 + i, 40);
            }
        }

        LOG.info("{} random cases ({} valid): the four judges disagree on {}", cases, valid, disagreements.size());
        assertThat(disagreements).isEmpty();
        assertThat(valid).as("valid cases").isGreaterThanOrEqualTo(60);
        assertThat(cases - valid).as("invalid cases").isGreaterThanOrEqualTo(100);
    }

    /** Limits in the notations real files use: German and ISO, date-times and times, non-integer integer limits. */
    static FormSchema limits() {
        return ExampleSchemas.schema("S40000000001", "Grenzen",
                ExampleSchemas.optional(ExampleSchemas.field("F40000000001", "Termin", DataType.DATETIME,
                        Precision.builder().minValue("2024-01-31T08:00").maxValue("31.12.2024 18:30").build())),
                ExampleSchemas.optional(ExampleSchemas.field("F40000000002", "Uhrzeit", DataType.TIME,
                        Precision.builder().minValue("08:00").maxValue("18:30:00").build())),
                ExampleSchemas.optional(ExampleSchemas.field("F40000000003", "Anzahl", DataType.NUM_INT,
                        Precision.builder().minValue("0.5").maxValue("10,5").build())),
                ExampleSchemas.optional(ExampleSchemas.field("F40000000004", "Betrag", DataType.NUM_CURRENCY,
                        Precision.builder().minValue("-5").maxValue("1000,5").build())),
                ExampleSchemas.optional(ExampleSchemas.field("F40000000005", "Datum", DataType.DATE,
                        Precision.builder().minValue("01.02.2024").maxValue("2024-12-31").build())),
                ExampleSchemas.optional(ExampleSchemas.field("F40000000006", "Gewicht", DataType.NUM,
                        Precision.builder().minValue("-1,5").maxValue("1.000").build())),
                ExampleSchemas.optional(ExampleSchemas.field("F40000000007", "Beginn", DataType.DATETIME,
                        Precision.builder().minValue("01.06.2024 12:00").build())),
                ExampleSchemas.optional(ExampleSchemas.field("F40000000008", "Ende", DataType.TIME,
                        Precision.builder().maxValue("23:59:59").build())),
                ExampleSchemas.optional(ExampleSchemas.text("F40000000009", "Kürzel", null, 3, "[A-Z]{2,5}")),
                new ElementRef(ExampleSchemas.group("G40000000001", false, new ElementRef(
                        ExampleSchemas.latin("F40000000010", "Name", 1, 10), Multiplicity.parse("1:2"))),
                        Multiplicity.parse("0:3")));
    }

    private void compare(FormSchema schema, CodeValues codes, long seed) throws Exception {
        GeneratedXsd xsd = FimXsdGenerator.builder().codeValues(codes).build().generate(schema);
        FormDataXml checked = FormDataXml.builder(schema).xsd(xsd).build();
        FormDataXml unchecked = FormDataXml.builder(schema).xsd(xsd).validation(false).build();
        // the XSD states no rules (note OZG-XFIM-108): compare with the validator's own checks
        FormValidator validator = FormValidator.builder(schema).codeValues(codes).fimRules(false).build();
        Random random = new Random(seed);
        PlantedFault planter = new PlantedFault(random, codes, xsd.notes());
        List<Case> batch = new ArrayList<>();
        for (PlantedFault.Kind kind : PlantedFault.Kind.values()) {
            for (int c = 0; c < CASES_PER_FAULT; c++) {
                FormData data = new ValidData(random, codes).instance(schema.children(), false);
                Optional<PlantedFault.Planted> planted = kind == PlantedFault.Kind.NONE
                        ? Optional.of(new PlantedFault.Planted(kind, "-", data)) : planter.plant(kind, schema, data);
                if (planted.isEmpty()) {
                    break; // the schema has no place for this fault
                }
                Path file = dir.resolve(schema.id().id() + "-" + kind + "-" + c + ".xml");
                batch.add(judge(planted.get(), validator, checked, unchecked, file));
            }
        }
        judgeAll(schema, xsd, batch);
        for (Case c : batch) {
            if (c.validatorValid() != c.planted().kind().keepsDataValid()) {
                ineffective.add(schema.id() + " " + c.planted().kind() + " at " + c.planted().path() + ": "
                        + c.violations());
            }
            if (!c.validatorValid()) {
                invalidByKind.merge(c.planted().kind(), 1, Integer::sum);
            }
        }
    }

    /** Runs xmllint over the batch and records counts and disagreements. */
    private void judgeAll(FormSchema schema, GeneratedXsd xsd, List<Case> batch) throws Exception {
        Path xsdFile = Files.writeString(dir.resolve(schema.id().id() + ".xsd"), xsd.text());
        List<Path> written = batch.stream().filter(c -> c.xml().isPresent()).map(Case::file).toList();
        Map<Path, Boolean> xmllint = written.isEmpty() ? Map.of() : FimXmlTestSupport.xmllintEach(xsdFile, written);
        for (Case c : batch) {
            boolean lintValid = c.xml().isPresent() && xmllint.get(c.file());
            cases++;
            if (c.validatorValid()) {
                valid++;
            }
            if (c.validatorValid() != c.writeValid() || c.validatorValid() != c.readValid()
                    || c.validatorValid() != lintValid) {
                disagreements.add(schema.id() + " " + c.planted().kind() + " at " + c.planted().path()
                        + ": validator " + c.violations() + ", SDK write " + c.writeValid() + ", SDK read "
                        + c.readValid() + ", xmllint " + lintValid + " (" + c.file().getFileName() + ")");
            }
        }
    }

    /** Data from forms' {@link DataGenerator}: every third case without faults, the others with a fault rate. */
    private void compareRandom(FormSchema schema, CodeValues codes, long seed, int count) throws Exception {
        GeneratedXsd xsd = FimXsdGenerator.builder().codeValues(codes).build().generate(schema);
        FormDataXml checked = FormDataXml.builder(schema).xsd(xsd).build();
        FormDataXml unchecked = FormDataXml.builder(schema).xsd(xsd).validation(false).build();
        // the XSD states no rules (note OZG-XFIM-108): compare with the validator's own checks
        FormValidator validator = FormValidator.builder(schema).codeValues(codes).fimRules(false).build();
        Set<String> notStated = PlantedFault.notStated(xsd.notes());
        Random random = new Random(seed);
        List<Case> batch = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            FormData data = new DataGenerator(random, c % 3 == 0 ? 0 : 0.08, codes, notStated)
                    .instance(schema.children(), false);
            Path file = dir.resolve(schema.id().id() + "-random-" + c + ".xml");
            batch.add(judge(new PlantedFault.Planted(PlantedFault.Kind.NONE, "random", data), validator, checked,
                    unchecked, file));
        }
        judgeAll(schema, xsd, batch);
    }

    private static Case judge(PlantedFault.Planted planted, FormValidator validator, FormDataXml checked,
                              FormDataXml unchecked, Path file) throws Exception {
        ValidationResult result = validator.validate(planted.data());
        boolean writeValid = refusedNot(() -> checked.write(planted.data()));
        Optional<String> xml;
        try {
            xml = Optional.of(unchecked.write(planted.data()));
            Files.writeString(file, xml.get());
        } catch (InvalidInputException e) {
            xml = Optional.empty(); // not writable at all (e.g. a character XML cannot carry): invalid for xmllint
        }
        String text = xml.orElse("");
        boolean readValid = xml.isPresent() && refusedNot(() -> checked.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        return new Case(planted, file, xml, result.isValid(), result.violations().toString(), writeValid, readValid);
    }

    private static boolean refusedNot(Runnable action) {
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private record Case(PlantedFault.Planted planted, Path file, Optional<String> xml, boolean validatorValid,
                        String violations, boolean writeValid, boolean readValid) {
    }
}
