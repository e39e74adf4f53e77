package de.ozgsdk.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.rules.FormRules;
import de.ozgsdk.forms.rules.Recognition;
import de.ozgsdk.forms.rules.RecognitionReport;
import de.ozgsdk.forms.rules.RuleError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conformance: the FIM rules of the real public files in {@code shared/fixtures/fim} (read in place, never copied)
 * are recognised, checked against their schema and applied in validation. Skipped when the fixtures are not there, a
 * failure under {@code CI} ({@link SharedFixtures}).
 */
class FimFixtureRulesTest {

    private static final Logger LOG = LoggerFactory.getLogger(FimFixtureRulesTest.class);

    private final FimImporter lenient = FimImporter.builder().lenient(true).build();

    @Test
    void bewohnerparkausweisRequiresTheHolderGroupWhenTheVehicleBelongsToAnotherPerson() {
        FormSchema schema = FimImporter.builder().build().importSchema(fixture("xdf2/S05000058V1.0_xdf2.xml"));
        FormValidator validator = FormValidator.builder(schema).rules(FormRules.recognize(schema).toRuleSet())
                .build();

        ValidationResult other = validator.validate(holder("02"));
        ValidationResult own = validator.validate(holder("01"));

        assertThat(other.requiredByRule()).contains(DataPath.of("G05000499"));
        assertThat(other.violations()).filteredOn(v -> v.path().toString().startsWith("G05000499"))
                .extracting(v -> v.path().toString())
                .contains("G05000499[0].F05001243", "G05000499[0].F05001244", "G05000499[0].F05001245");
        assertThat(own.requiredByRule()).doesNotContain(DataPath.of("G05000499"));
        assertThat(own.violations()).noneMatch(v -> v.path().toString().startsWith("G05000499"));
    }

    @Test
    void validatorOfTheSchemaAppliesItsFimRulesWithoutBeingAsked() {
        FormSchema schema = FimImporter.builder().build().importSchema(fixture("xdf2/S05000058V1.0_xdf2.xml"));

        ValidationResult byDefault = FormValidator.of(schema).validate(holder("02"));
        ValidationResult switchedOff = FormValidator.builder(schema).fimRules(false).build().validate(holder("02"));

        assertThat(byDefault.requiredByRule()).contains(DataPath.of("G05000499"));
        assertThat(byDefault.violations()).anyMatch(v -> v.path().toString().startsWith("G05000499[0]."));
        assertThat(switchedOff.requiredByRule()).isEmpty();
        assertThat(switchedOff.violations()).noneMatch(v -> v.path().toString().startsWith("G05000499"));
    }

    @Test
    void bewohnerparkausweisRequiresTheExistingPermitOnlyForARenewal() {
        FormSchema schema = FimImporter.builder().build().importSchema(fixture("xdf2/S05000058V1.0_xdf2.xml"));
        FormValidator validator = FormValidator.builder(schema).rules(FormRules.recognize(schema).toRuleSet())
                .build();

        ValidationResult renewal = validator.validate(permit("02"));
        ValidationResult first = validator.validate(permit("01"));

        assertThat(renewal.requiredByRule()).containsExactly(DataPath.parse("G05000493[0].G05000599"));
        assertThat(first.requiredByRule()).isEmpty();
    }

    @Test
    void reportListsEveryFimRuleOfTheRealFixturesAsExecutableOrNot() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(fixtureRoot())) {
            walk.filter(p -> p.toString().endsWith(".xml") && !p.toString().contains("xsd")).sorted()
                    .forEach(files::add);
        }
        int rules = 0;
        for (Path file : files) {
            FormSchema schema = lenient.importSchema(file);
            RecognitionReport report = FormRules.recognize(schema);
            LOG.info("{}:\n{}", file.getFileName(), report.format(Locale.ENGLISH));
            assertThat(report.entries()).hasSize(schema.rules().size())
                    .allMatch(r -> r.isExecutable() != r.reason().isPresent());
            rules += report.entries().size();
        }
        assertThat(rules).isPositive();
    }

    @Test
    void bothRulesOfTheBewohnerparkausweisSchemaAreExecutable() {
        FormSchema schema = lenient.importSchema(fixture("xdf2/S05000058V1.0_xdf2.xml"));

        RecognitionReport report = FormRules.recognize(schema);

        assertThat(report.entries()).extracting(Recognition::fimRuleId).containsExactly("R05000281", "R05000334");
        assertThat(report.executable()).hasSize(2);
    }

    @Test
    void anschriftRuleNamingGroupIdsTheFileDoesNotHaveIsNotExecutable() {
        FormSchema schema = lenient.importSchema(fixture("xdf3/flxbe-v3-simple.xml"));

        RecognitionReport report = FormRules.recognize(schema);

        // The free text names G60000086/G60000087 (XDatenfelder 2 shape); the file has G60000000086 only.
        assertThat(report.entries()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.fimRuleId()).isEqualTo("R60000000019");
            assertThat(r.reason().orElseThrow().code()).isEqualTo(RuleError.UNKNOWN_ELEMENT);
            assertThat(r.reason().orElseThrow().message(Locale.ENGLISH)).contains("G60000000086");
        });
    }

    /** Vehicle data with the holder answer (F05001047 in G05000477), nothing else. */
    private static FormData holder(String answer) {
        return FormData.builder()
                .group("G05000477", FormData.builder().value("F05001047", answer).build())
                .build();
    }

    /** Permit data with the kind of application (F05001347 in G05000493), nothing else. */
    private static FormData permit(String kind) {
        return FormData.builder()
                .group("G05000493", FormData.builder().value("F05001347", kind).build())
                .build();
    }

    private static Path fixture(String relative) {
        return SharedFixtures.requireFimFile(relative);
    }

    private static Path fixtureRoot() {
        return SharedFixtures.requireFim();
    }
}
