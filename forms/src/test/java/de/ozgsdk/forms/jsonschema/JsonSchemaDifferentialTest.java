package de.ozgsdk.forms.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Differential test of the export: for generated data, networknt json-schema-validator on the exported JSON Schema
 * (applied to the JSON that {@link FormDataJson} writes) and {@link FormValidator} (applied to the data) agree on
 * valid / invalid. Data the JSON form refuses to write (an id where the schema has none) counts as invalid for
 * networknt, as a JSON document with that key would be.
 *
 * <p>Exclusions, each documented as a limit of the export in {@link JsonSchemaExporter}: rules (the validator does not
 * run them either); surrounding white space, text not in NFC, non-repeating elements with several values, currency
 * amounts with trailing zero decimals beyond two or a plus sign (the {@link DataGenerator} does not produce them);
 * fields whose constraint the export could not state ({@link ExportNote}s 103, 104, 106) stay empty.
 */
class JsonSchemaDifferentialTest {

    private static final Logger LOG = LoggerFactory.getLogger(JsonSchemaDifferentialTest.class);
    private static final long SEED = 20240131L;
    private static final Set<JsonSchemaError> NOT_STATED = Set.of(JsonSchemaError.PATTERN_NOT_PORTABLE,
            JsonSchemaError.PATTERN_ON_TYPED_VALUE, JsonSchemaError.CODES_ON_TYPED_VALUE);

    private record Outcome(int valid, int invalid, List<String> disagreements) {
    }

    @Test
    void networkntOnTheExportAgreesWithTheValidatorOnGeneratedData() {
        List<FormSchema> schemas = new ArrayList<>(TestForms.all());
        schemas.addAll(JsonSchemaExporterTest.fixtures());
        int valid = 0;
        int invalid = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < schemas.size(); i++) {
            Outcome outcome = compare(schemas.get(i), TestForms.CODES, i < TestForms.all().size() ? 120 : 50,
                    SEED + i);
            valid += outcome.valid();
            invalid += outcome.invalid();
            disagreements.addAll(outcome.disagreements());
        }

        LOG.info("{} generated cases ({} valid, {} invalid): networknt and the validator disagree on {}",
                valid + invalid, valid, invalid, disagreements.size());
        assertThat(disagreements).isEmpty();
        assertThat(valid + invalid).isGreaterThanOrEqualTo(500);
        assertThat(valid).as("valid cases").isGreaterThanOrEqualTo(150);
        assertThat(invalid).as("invalid cases").isGreaterThanOrEqualTo(150);
    }

    @Test
    void networkntOnTheExportAgreesWithTheValidatorOnRealFimSchemas() throws IOException {
        Optional<Path> fim = sharedFixtures();
        org.junit.jupiter.api.Assumptions.assumeTrue(fim.isPresent(),
                "shared/fixtures/fim not found next to the repository: real FIM schemas not compared");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fim.get())) {
            files = walk.filter(p -> p.toString().endsWith(".xml") && !p.toString().contains("xsd")).sorted()
                    .toList();
        }
        FimImporter importer = FimImporter.builder().lenient(true).build();
        CodeValues codes = CodeValues.of(CodeListRegistry.builder().addDirectory(fim.get().resolve("codelists"))
                .build());
        int cases = 0;
        int valid = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FormSchema schema = importer.importSchema(files.get(i));
            Outcome outcome = compare(schema, codes, 40, SEED * 7 + i);
            cases += outcome.valid() + outcome.invalid();
            valid += outcome.valid();
            disagreements.addAll(outcome.disagreements());
        }

        LOG.info("{} cases ({} valid) on {} real FIM schemas: networknt and the validator disagree on {}", cases,
                valid, files.size(), disagreements.size());
        assertThat(disagreements).isEmpty();
        assertThat(cases).isEqualTo(40 * files.size());
        assertThat(valid).as("valid cases").isPositive().isLessThan(cases);
    }

    private static Outcome compare(FormSchema schema, CodeValues codes, int cases, long seed) {
        JsonSchemaExport export = JsonSchemaExporter.builder().codeValues(codes).build().export(schema);
        LOG.info("{}: {} notes {}", schema.id(), export.notes().size(),
                export.notes().stream().map(n -> n.code().code()).distinct().sorted().toList());
        Networknt reference = Networknt.of(export.toJson());
        // JSON Schema has no rules (note OZG-JSCH-101): compare with the validator's own checks only
        FormValidator validator = FormValidator.builder(schema).codeValues(codes).fimRules(false).build();
        FormDataJson json = FormDataJson.of(schema);
        Set<String> skipped = export.notes().stream().filter(n -> NOT_STATED.contains(n.code()))
                .map(n -> n.elementId().replaceFirst("V.*$", "")).collect(Collectors.toSet());
        Random random = new Random(seed);
        int valid = 0;
        List<String> disagreements = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            // every third case without faults, so that large schemas yield valid data too
            double faultRate = c % 3 == 0 ? 0 : 0.08;
            FormData data = new DataGenerator(random, faultRate, codes, skipped).instance(schema.children(), false);
            ValidationResult ours = validator.validate(data);
            String written;
            List<String> errors;
            try {
                written = json.write(data);
                errors = reference.validate(written).stream().map(Object::toString).toList();
            } catch (InvalidInputException e) {
                written = e.getMessage();
                errors = List.of("not writable");
            }
            if (ours.isValid()) {
                valid++;
            }
            if (ours.isValid() != errors.isEmpty()) {
                disagreements.add(schema.id() + " case " + c + " (seed " + seed + "): validator " + ours.violations()
                        + ", networknt " + errors + ", JSON " + written);
            }
        }
        return new Outcome(valid, cases - valid, disagreements);
    }

    /** {@code shared/fixtures/fim} next to the repository, searched upwards from the working directory. */
    static Optional<Path> sharedFixtures() {
        return SharedFixtures.fim();
    }
}
