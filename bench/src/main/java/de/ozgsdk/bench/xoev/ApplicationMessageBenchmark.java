package de.ozgsdk.bench.xoev;

import de.ozgsdk.bench.xoev.jaxb.JaxbAntrag;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMessageReader;
import de.ozgsdk.xoev.message.ApplicationMessageWriter;
import de.ozgsdk.xoev.message.ReceivedApplication;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
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
import org.xml.sax.SAXException;

/**
 * Issue 6 §4a: writing a typical application message (Nachrichtenkopf, metadata, Fachdaten of 50 fields, two
 * attachments of 4 KB) with {@link ApplicationMessageWriter}, schema validation on, against the baseline of raw JAXB:
 * {@code Marshaller.marshal} of the same message as one JAXB object graph ({@link JaxbAntrag}, content as
 * {@code byte[]}) into a byte array, then {@code javax.xml.validation.Validator.validate} of those bytes with the
 * same compiled schema. The baseline reuses its marshaller and validator (a writer creates its per-call parts).
 * Target: writer / baseline ≤ 1.2.
 *
 * <pre class="language-sh">
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ApplicationMessageBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApplicationMessageBenchmark {

    private ApplicationMessageWriter writer;
    private ApplicationMessage message;
    private JaxbAntrag jaxbMessage;
    private Marshaller marshaller;
    private Validator validator;

    @Setup
    public void prepare() throws JAXBException, IOException, SAXException {
        SampleApplication sample = new SampleApplication(50, 4096);
        writer = ApplicationMessageWriter.create();
        message = sample.message();
        jaxbMessage = sample.jaxb();
        marshaller = JAXBContext.newInstance(JaxbAntrag.class).createMarshaller();
        Schema schema = XoevSchemaSet.builder().add(XoevSchemaSet.basis())
                .classpathResource("de/ozgsdk/xoev/schema/ozg-antrag-1.0.xsd").build().schema();
        validator = SecureXml.defaults().newValidator(schema);
        checkBothWriteValidEquivalentMessages();
    }

    private void checkBothWriteValidEquivalentMessages() throws IOException, SAXException {
        byte[] ours = applicationMessageWriter();
        byte[] baseline = jaxbMarshalAndValidate();
        validator.validate(new StreamSource(new ByteArrayInputStream(ours)));
        validator.validate(new StreamSource(new ByteArrayInputStream(baseline)));
        ReceivedApplication fromOurs = ApplicationMessageReader.create()
                .read(new ByteArrayInputStream(ours), "ours.xml", (n, name, type) -> OutputStream.nullOutputStream());
        ReceivedApplication fromBaseline = ApplicationMessageReader.create().read(
                new ByteArrayInputStream(baseline), "jaxb.xml", (n, name, type) -> OutputStream.nullOutputStream());
        if (!Arrays.equals(fromOurs.submissionDigest(), fromBaseline.submissionDigest())) {
            throw new IllegalStateException("the two sides write different messages");
        }
    }

    @Benchmark
    public byte[] applicationMessageWriter() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        writer.write(message, out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] jaxbMarshalAndValidate() throws IOException, SAXException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            marshaller.marshal(jaxbMessage, out);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = out.toByteArray();
        validator.validate(new StreamSource(new ByteArrayInputStream(bytes)));
        return bytes;
    }
}
