package de.ozgsdk.bench.forms;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.jsonschema.JsonSchemaExporter;
import de.ozgsdk.forms.validation.FormValidator;
import de.ozgsdk.forms.validation.ValidationResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bench 6b: validation of valid data for a synthetic 1,000-field schema (100 groups of 10 fields of every Datentyp
 * with lengths, patterns, ranges, DIN SPEC 91379 text and inline values; every tenth group repeats) by
 * {@link FormValidator}, against the baseline of networknt json-schema-validator on the schema's JSON Schema export
 * ({@link JsonSchemaExporter}) with the same data as {@code FormDataJson} writes it. Target: ours ≥ 3 × faster.
 *
 * <p>{@code validator} / {@code networknt} start from parsed data ({@code FormData} / a Jackson tree);
 * {@code validatorFromJson} / {@code networkntFromJson} include reading the JSON text.
 *
 * <pre class="language-sh">
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar FormValidationBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FormValidationBenchmark {

    private FormValidator validator;
    private FormDataJson formDataJson;
    private FormData data;
    private String json;
    private Schema networknt;
    private JsonMapper mapper;
    private JsonNode tree;

    @Setup
    public void build() {
        FormSchema schema = SyntheticForm.schema();
        validator = FormValidator.of(schema);
        formDataJson = FormDataJson.of(schema);
        data = SyntheticForm.data();
        ValidationResult result = validator.validate(data);
        if (!result.isValid()) {
            throw new IllegalStateException("benchmark data must be valid: " + result.violations());
        }
        json = formDataJson.write(data);
        networknt = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(JsonSchemaExporter.of().export(schema).toJson(), InputFormat.JSON);
        networknt.initializeValidators();
        mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        tree = mapper.readTree(json);
        List<Error> errors = networknt.validate(tree);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("networknt disagrees with the validator: " + errors);
        }
    }

    @Benchmark
    public ValidationResult validator() {
        return validator.validate(data);
    }

    @Benchmark
    public List<Error> networknt() {
        return networknt.validate(tree);
    }

    @Benchmark
    public ValidationResult validatorFromJson() {
        return validator.validate(formDataJson.read(json));
    }

    @Benchmark
    public List<Error> networkntFromJson() {
        return networknt.validate(mapper.readTree(json));
    }
}
