package de.ozgsdk.bench.forms;

import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.w3c.dom.Document;

/**
 * Bench 6a: the streaming FIM import of the largest real schema (builds the whole model) against the baseline of a
 * bare, namespace-aware JDK DOM parse of the same bytes. Target: import time ≤ 1.0 × DOM time.
 *
 * <p>The fixture is read at run time from the shared fixtures, never copied: pass its path as
 * {@code -p file=/path/to/S00000009_xdatenfelder.xml}, or leave the default and run from inside the repository (the
 * file is then searched as {@code shared/fixtures/fim/xdf2/S00000009_xdatenfelder.xml} upwards from the working
 * directory).
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar FimImportBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FimImportBenchmark {

    static final String DEFAULT_FILE = "shared/fixtures/fim/xdf2/S00000009_xdatenfelder.xml";

    /** Path of the schema to import; relative paths are searched upwards from the working directory. */
    @Param(DEFAULT_FILE)
    public String file;

    private byte[] bytes;
    private FimImporter importer;
    private DocumentBuilderFactory domFactory;

    @Setup
    public void readFixture() throws IOException {
        bytes = Files.readAllBytes(locate(file));
        importer = FimImporter.builder().build();
        domFactory = DocumentBuilderFactory.newInstance();
        domFactory.setNamespaceAware(true);
    }

    @Benchmark
    public FormSchema fimImport() {
        return importer.importSchema(new ByteArrayInputStream(bytes), "bench.xml");
    }

    @Benchmark
    public Document domParseBaseline() throws Exception {
        return domFactory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** The fixture file: as given, or searched upwards from the working directory (shared by the benchmarks). */
    static Path locate(String name) {
        Path given = Path.of(name);
        if (given.isAbsolute() || Files.exists(given)) {
            return given;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Fixture " + name + " not found from " + Path.of("").toAbsolutePath()
                + "; pass -p file=/path/to/S00000009_xdatenfelder.xml");
    }
}
