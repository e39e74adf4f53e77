package de.ozgsdk.bench.forms;

import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.render.FormRenderer;
import de.ozgsdk.forms.render.RenderRequest;
import de.ozgsdk.forms.render.StepPlan;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5 §3: {@link FormRenderer} rendering the largest step of the largest real schema, with data and the
 * violations of a validation, against the baseline of the same page assembled by hand in one {@link StringBuilder}
 * ({@link HandWrittenPage}: same fieldsets, labels, hints, inputs with values, error summary, progress and inlined
 * style sheet, same HTML escaping). The score ratio renderer / baseline is the overhead of the theme machinery
 * ({@code Theme} view records, {@code HtmlWriter} checks, translations, language marking).
 *
 * <p>The fixture is read at run time from the shared fixtures, as in {@link FimImportBenchmark}:
 *
 * <pre class="language-sh">
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar RenderBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1 \
 *     -p file=/path/to/shared/fixtures/fim/xdf2/S00000009_xdatenfelder.xml
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {

    private static final Pattern LABEL = Pattern.compile("<label ");
    private static final Pattern INPUT = Pattern.compile("<(input|textarea|select) ");

    /** Path of the schema; relative paths are searched upwards from the working directory. */
    @Param(FimImportBenchmark.DEFAULT_FILE)
    public String file;

    private FormRenderer renderer;
    private RenderRequest request;
    private HandWrittenPage baseline;
    private int step;

    @Setup
    public void prepare() throws IOException {
        byte[] bytes = Files.readAllBytes(FimImportBenchmark.locate(file));
        FormSchema schema = FimImporter.builder().lenient(true).build()
                .importSchema(new ByteArrayInputStream(bytes), "bench.xml");
        renderer = FormRenderer.of(schema);
        step = largestStep(renderer.steps());
        FormData data = data(renderer.steps().step(step).elements());
        ValidationResult result = FormValidator.of(schema).validate(data);
        request = RenderRequest.builder(data).validation(result).locale(Locale.GERMAN).build();
        baseline = new HandWrittenPage(renderer, step, data, result.violations());
        checkEquivalent(renderer.renderStep(step, request).page(), baseline.render());
    }

    @Benchmark
    public String formRenderer() {
        return renderer.renderStep(step, request).page();
    }

    @Benchmark
    public String handWrittenStringBuilder() {
        return baseline.render();
    }

    /** Both pages must show the same labels and inputs, and violations, or the comparison says nothing. */
    private static void checkEquivalent(String rendered, String handWritten) {
        int labels = count(LABEL, rendered);
        int inputs = count(INPUT, rendered);
        if (labels != count(LABEL, handWritten) || inputs != count(INPUT, handWritten)) {
            throw new IllegalStateException("baseline not equivalent: renderer " + labels + " labels, " + inputs
                    + " inputs; hand-written " + count(LABEL, handWritten) + " labels, "
                    + count(INPUT, handWritten) + " inputs");
        }
        if (!rendered.contains("aria-invalid=\"true\"") || !handWritten.contains("aria-invalid=\"true\"")) {
            throw new IllegalStateException("the step shows no violations; the data must produce some");
        }
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static int largestStep(StepPlan plan) {
        int largest = 0;
        int largestSize = -1;
        for (int i = 0; i < plan.size(); i++) {
            int size = plan.step(i).elements().stream().mapToInt(RenderBenchmark::size).sum();
            if (size > largestSize) {
                largest = i;
                largestSize = size;
            }
        }
        return largest;
    }

    private static int size(ElementRef ref) {
        return ref.element() instanceof FieldGroup group
                ? 1 + group.children().stream().mapToInt(RenderBenchmark::size).sum() : 1;
    }

    /**
     * Data for the step: one instance per group; text fields filled (with characters that need escaping), every third
     * one left empty (a violation where it is required), numbers and dates every other one unparseable.
     */
    private static FormData data(List<ElementRef> elements) {
        Counter counter = new Counter();
        return fill(elements, counter);
    }

    private static FormData fill(List<ElementRef> elements, Counter counter) {
        FormData.Builder data = FormData.builder();
        for (ElementRef ref : elements) {
            SchemaElement element = ref.element();
            String id = element.id().id();
            if (element instanceof FieldGroup group) {
                data.group(id, fill(group.children(), counter));
            } else if (element instanceof Field field && field.kind() == FieldKind.INPUT) {
                int n = counter.next();
                value(field, n).ifPresent(value -> data.value(id, value));
            }
        }
        return data.build();
    }

    private static Optional<String> value(Field field, int n) {
        if (n % 3 == 0 || field.dataType() == DataType.FILE || field.dataType() == DataType.OBJ) {
            return Optional.empty();
        }
        boolean invalid = n % 2 == 0;
        switch (field.dataType()) {
            case BOOL:
                return Optional.of("true");
            case NUM: case NUM_INT: case NUM_CURRENCY:
                return Optional.of(invalid ? "zwölf" : "12");
            case DATE:
                return Optional.of(invalid ? "31.02.2024" : "01.03.2024");
            default:
                return Optional.of("Müller & Söhne <" + n + ">");
        }
    }

    /** Numbers the fields in page order. */
    private static final class Counter {
        private int n;

        int next() {
            return ++n;
        }
    }
}
