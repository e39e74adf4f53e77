package de.ozgsdk.bench.forms;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.CodeListAvailability;
import de.ozgsdk.forms.internal.fim.XdfParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
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
 * <pre class="language-sh">
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
    private XMLInputFactory jdkFactory;
    private XMLInputFactory woodstox;

    static final XdfParser.Options OPTIONS = new XdfParser.Options(false, CodeListAvailability.NO_CHECK, 64,
            100_000);

    @Setup
    public void readFixture() throws IOException {
        bytes = Files.readAllBytes(locate(file));
        importer = FimImporter.builder().build();
        domFactory = DocumentBuilderFactory.newInstance();
        domFactory.setNamespaceAware(true);
        jdkFactory = SecureXml.defaults().xmlInputFactory();
        woodstox = hardenedWoodstox();
    }

    /** Woodstox with the settings core gives the JDK's factory, in Woodstox's own property names. */
    static XMLInputFactory hardenedWoodstox() {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 256);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 256);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 1024 * 1024);
        factory.setProperty(WstxInputProperties.P_MAX_CHARACTERS, 32L * 1024 * 1024);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 100L);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external reference refused");
        });
        return factory;
    }

    /** Refuses the DOCTYPE Woodstox reports as an event when DTD support is off, as core's reader does. */
    static final class RefusingDtd extends StreamReaderDelegate {
        RefusingDtd(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("DOCTYPE refused", getLocation());
            }
            return event;
        }
    }

    @Benchmark
    public FormSchema fimImport() {
        return importer.importSchema(new ByteArrayInputStream(bytes), "bench.xml");
    }

    /**
     * The importer's parser over the JDK's StAX reader decoding the bytes itself, without core's reader around it:
     * the reading path before the SDK decoded the input itself and counted text (for the before/after ratio).
     */
    @Benchmark
    public FormSchema fimImportJdkStaxBare() throws Exception {
        XMLStreamReader reader = jdkFactory.createXMLStreamReader(new ByteArrayInputStream(bytes));
        return new XdfParser(reader, "bench.xml", OPTIONS).parse();
    }

    /** Candidate: the importer's parser over Woodstox 7, hardened the same way (no DTD, limits). */
    @Benchmark
    public FormSchema fimImportWoodstox() throws Exception {
        XMLStreamReader reader = new RefusingDtd(woodstox.createXMLStreamReader(new ByteArrayInputStream(bytes)));
        return new XdfParser(reader, "bench.xml", OPTIONS).parse();
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
