package de.ozgsdk.forms.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.rules.FormRules;
import de.ozgsdk.forms.validation.CodeValues;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance: every step and the check-answers page of every real FIM schema in {@code shared/fixtures/fim} (read
 * in place, never copied), in German and Arabic, with and without violations, have the accessible structure.
 */
class FimFixtureRenderTest {

    static Stream<String> schemas() throws IOException {
        Optional<Path> root = root();
        if (root.isEmpty()) {
            return Stream.of("(none)");
        }
        try (Stream<Path> files = Files.walk(root.get())) {
            List<String> names = files.filter(f -> f.toString().endsWith(".xml"))
                    .filter(f -> !f.toString().contains("xsd")).map(f -> root.get().relativize(f).toString())
                    .sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void rendersEveryStepWithTheAccessibleStructure(String name) {
        Optional<Path> root = root();
        assumeTrue(root.isPresent(), "shared/fixtures/fim not found above the working directory: conformance skipped");
        FormSchema schema = FimImporter.builder().lenient(true).build().importSchema(root.get().resolve(name));
        CodeListRegistry registry = CodeListRegistry.builder().addDirectory(root.get().resolve("codelists")).build();
        FormRenderer renderer = FormRenderer.builder(schema).codeLists(registry).build();
        ValidationResult result = FormValidator.builder(schema).codeValues(CodeValues.of(registry))
                .rules(FormRules.recognize(schema).toRuleSet()).build().validate(FormData.empty());
        assertThat(result.violations()).isNotEmpty();
        for (Locale locale : List.of(Locale.GERMAN, Locale.forLanguageTag("ar"))) {
            for (int step = 0; step < renderer.steps().size(); step++) {
                FormRendererTest.checkPage(renderer.renderStep(step, FormData.empty(), List.of(), locale), locale);
                FormRendererTest.checkPage(renderer.renderStep(step, RenderRequest.builder(FormData.empty())
                        .validation(result).locale(locale).build()), locale);
            }
            FormRendererTest.checkPage(renderer.renderReview(RenderRequest.builder(FormData.empty())
                    .validation(result).locale(locale).build()), locale);
        }
    }

    private static Optional<Path> root() {
        return SharedFixtures.fim();
    }
}
