package de.ozgsdk.forms.render.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.internal.render.Ids;
import de.ozgsdk.forms.render.FormRenderer;
import de.ozgsdk.forms.render.RenderRequest;
import de.ozgsdk.forms.render.RenderedPage;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import de.ozgsdk.forms.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Measures the renderer's pages in Chromium: every step and the check-answers page of each Stammdatenschema among the
 * module's own test fixtures, in German and in Arabic (right to left), with no violations and with violations shown,
 * has no axe-core WCAG 2.1 A/AA violation, reflows at 320 px and at 200 % zoom, clips nothing and has touch targets
 * of at least 44×44 CSS px.
 */
class RenderedPagesAccessibilityTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources");
    private static final List<Locale> LOCALES = List.of(Locale.GERMAN, Locale.forLanguageTag("ar"));
    private static final FimImporter IMPORTER = FimImporter.builder().build();
    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z][^\\s>/]*)");

    private static AccessibilityHarness harness;

    /** One page to measure: a step (or the check-answers page when {@code step} is -1) of one fixture schema. */
    record PageCase(Path schemaFile, int step, Locale locale, boolean withViolations) {

        @Override
        public String toString() {
            return FIXTURES.relativize(schemaFile) + " " + (step < 0 ? "review" : "step " + (step + 1)) + " "
                    + locale.getLanguage() + (withViolations ? " with violations" : " without violations");
        }
    }

    @BeforeAll
    static void startBrowser() {
        harness = AccessibilityHarness.startIfInstalled().orElse(null);
    }

    @BeforeEach
    void requireBrowser() {
        AccessibilityHarness.assumeInstalled();
    }

    @AfterAll
    static void stopBrowser() {
        if (harness != null) {
            harness.close();
        }
    }

    static Stream<PageCase> pages() {
        List<PageCase> cases = new ArrayList<>();
        for (Path file : fixtureSchemas()) {
            int steps = FormRenderer.of(IMPORTER.importSchema(file)).steps().size();
            for (Locale locale : LOCALES) {
                for (boolean withViolations : List.of(false, true)) {
                    for (int step = -1; step < steps; step++) {
                        cases.add(new PageCase(file, step, locale, withViolations));
                    }
                }
            }
        }
        return cases.stream();
    }

    @Test
    void measuresEveryOwnFixtureSchema() {
        assertThat(fixtureSchemas()).extracting(file -> FIXTURES.relativize(file).toString().replace('\\', '/'))
                .contains("de/ozgsdk/forms/fim/xdf2-schema.xml", "de/ozgsdk/forms/fim/xdf3-schema.xml",
                        "de/ozgsdk/forms/validation/xdf3-rules.xml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void renderedPageIsAccessible(PageCase page) {
        FormSchema schema = IMPORTER.importSchema(page.schemaFile());
        FormRenderer renderer = FormRenderer.of(schema);
        FormData data = page.withViolations() ? invalidData(schema.children()) : FormData.empty();
        // validated with the schema's FIM rules (the default): the page gets what they hide and require
        ValidationResult result = FormValidator.of(schema).validate(data);
        List<Violation> violations = page.withViolations() ? result.violations() : List.of();
        RenderRequest request = page.withViolations()
                ? RenderRequest.builder(data).validation(result).locale(page.locale()).build()
                : RenderRequest.builder(data).locale(page.locale()).build();
        RenderedPage rendered = page.step() < 0
                ? renderer.renderReview(request)
                : renderer.renderStep(page.step(), request);
        String html = rendered.page();

        assertThat(html).as("page direction of %s", page)
                .contains(page.locale().getLanguage().equals("ar") ? "dir=\"rtl\"" : "dir=\"ltr\"");
        List<Violation> ofStep = page.step() < 0 ? List.of() : violationsOfStep(renderer, page.step(), violations);
        if (!ofStep.isEmpty()) {
            // a field's violation marks its input; a group's (e.g. a rule's "one of G1 or G2") is its fieldset's error
            List<String> marks = new ArrayList<>(List.of("aria-invalid=\"true\""));
            ofStep.stream().filter(v -> schema.group(v.elementId()).isPresent()).forEach(v -> {
                marks.add("id=\"" + Ids.error(Ids.group(v.path().withIndex(0))) + "\"");
                marks.add("id=\"" + Ids.error(Ids.group(v.path().withoutIndex())) + "\"");
            });
            assertThat(marks).as("%s shows one of its violations %s inline", page, ofStep).anyMatch(html::contains);
        }
        PageAudit audit = harness.audit(page.toString(), harness.publishPage(html));
        assertThat(audit.problems()).isEmpty();
    }

    private static List<Violation> violationsOfStep(FormRenderer renderer, int step, List<Violation> violations) {
        Set<String> ids = renderer.steps().step(step).elements().stream()
                .map(ref -> ref.id().id())
                .collect(Collectors.toSet());
        return violations.stream()
                .filter(v -> ids.contains(v.path().segments().get(0).id()))
                .toList();
    }

    /**
     * Data that violates as many fields as possible: a wrong format where the Datentyp has one, one character too
     * many where a maximum length is set, required texts left empty; one instance of every group.
     */
    private static FormData invalidData(List<ElementRef> elements) {
        FormData.Builder data = FormData.builder();
        for (ElementRef ref : elements) {
            if (ref.element() instanceof FieldGroup group) {
                data.group(group.metadata().id().id(), invalidData(group.children()));
            } else if (ref.element() instanceof Field field) {
                invalidValue(field).ifPresent(value -> data.value(field.metadata().id().id(), value));
            }
        }
        return data.build();
    }

    private static Optional<String> invalidValue(Field field) {
        if (field.kind() != FieldKind.INPUT && field.kind() != FieldKind.SELECT) {
            return Optional.empty();
        }
        DataType type = field.dataType();
        if (type == DataType.FILE || type == DataType.OBJ) {
            return Optional.empty();
        }
        boolean text = type == DataType.TEXT || type == DataType.TEXT_LATIN;
        if (!text || field.codeList().isPresent() || !field.values().isEmpty()) {
            return Optional.of("ungültig <b>&amp;</b>");
        }
        return field.precision().maxLength().stream().mapToObj(max -> "x".repeat(max + 1)).findFirst();
    }

    private static List<Path> fixtureSchemas() {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(file -> file.toString().endsWith(".xml"))
                    .filter(file -> !file.toString().contains("Inputs"))
                    .filter(RenderedPagesAccessibilityTest::isStammdatenschema)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The root element names the message: xdatenfelder.stammdatenschema.0102 (XDF3), ...stammdatenschema.0102 (XDF2).
    private static boolean isStammdatenschema(Path file) {
        try {
            Matcher root = ROOT_ELEMENT.matcher(Files.readString(file));
            return root.find() && root.group(1).contains("stammdatenschema");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
