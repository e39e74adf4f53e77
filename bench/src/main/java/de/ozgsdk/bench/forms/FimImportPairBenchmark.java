package de.ozgsdk.bench.forms;

import de.ozgsdk.forms.FimImporter;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.internal.fim.XdfParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * {@link FimImportBenchmark} for a loaded machine: each candidate runs in a JMH group at the same time as the DOM
 * baseline (one thread each), so that both see the same load and their ratio stays meaningful when other processes
 * come and go; sequential runs on a machine with a load of 12 to 15 on two cores gave ratios that moved by a factor
 * of two between runs. Compare each {@code *Import} score with the {@code *Dom} score of its own group; group
 * {@code change} compares the SDK's import with the importer over the bare JDK reader directly.
 *
 * <pre class="language-sh">
 * java -jar bench/target/benchmarks.jar FimImportPairBenchmark -f 2 -wi 12 -w 1 -i 10 -r 1 \
 *     -p file=/work/shared/fixtures/fim/xdf2/S00000009_xdatenfelder.xml
 * </pre>
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class FimImportPairBenchmark {

    @Param(FimImportBenchmark.DEFAULT_FILE)
    public String file;

    private byte[] bytes;
    private FimImporter importer;
    private DocumentBuilderFactory domFactory;
    private XMLInputFactory jdkFactory;
    private XMLInputFactory woodstox;

    @Setup
    public void readFixture() throws IOException {
        bytes = Files.readAllBytes(FimImportBenchmark.locate(file));
        importer = FimImporter.builder().build();
        domFactory = DocumentBuilderFactory.newInstance();
        domFactory.setNamespaceAware(true);
        jdkFactory = SecureXml.defaults().xmlInputFactory();
        woodstox = FimImportBenchmark.hardenedWoodstox();
    }

    private Document dom() throws Exception {
        return domFactory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** The SDK's import as users call it: with Woodstox, which the bench has on its class path, as the CLI has. */
    @Benchmark
    @Group("sdk")
    @GroupThreads(1)
    public FormSchema sdkImport() {
        return importer.importSchema(new ByteArrayInputStream(bytes), "bench.xml");
    }

    @Benchmark
    @Group("sdk")
    @GroupThreads(1)
    public Document sdkDom() throws Exception {
        return dom();
    }

    /** The importer's parser over the bare JDK StAX reader on the bytes: the reading path before Woodstox. */
    @Benchmark
    @Group("bare")
    @GroupThreads(1)
    public FormSchema bareImport() throws Exception {
        return new XdfParser(jdkFactory.createXMLStreamReader(new ByteArrayInputStream(bytes)), "bench.xml",
                FimImportBenchmark.OPTIONS).parse();
    }

    @Benchmark
    @Group("bare")
    @GroupThreads(1)
    public Document bareDom() throws Exception {
        return dom();
    }

    /** The SDK's import against the importer over the bare JDK reader, at the same time: the cost of this change. */
    @Benchmark
    @Group("change")
    @GroupThreads(1)
    public FormSchema changeSdkImport() {
        return sdkImport();
    }

    @Benchmark
    @Group("change")
    @GroupThreads(1)
    public FormSchema changeBareImport() throws Exception {
        return bareImport();
    }

    /** The importer's parser over a hardened Woodstox 7.1 reader (candidate). */
    @Benchmark
    @Group("woodstox")
    @GroupThreads(1)
    public FormSchema woodstoxImport() throws Exception {
        return new XdfParser(new FimImportBenchmark.RefusingDtd(woodstox.createXMLStreamReader(
                new ByteArrayInputStream(bytes))), "bench.xml", FimImportBenchmark.OPTIONS).parse();
    }

    @Benchmark
    @Group("woodstox")
    @GroupThreads(1)
    public Document woodstoxDom() throws Exception {
        return dom();
    }
}
