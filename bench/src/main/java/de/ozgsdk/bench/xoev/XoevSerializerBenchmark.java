package de.ozgsdk.bench.xoev;

import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.XoevSerializer;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
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
 * Issue 6 §1/§4: the serialisation framework on its own. {@link XoevSerializer} writing a Nachrichtenkopf with
 * schema validation (marshal, then read back through a validating reader, so that every violation is reported with
 * line and column) and reading it with validation, against raw JAXB with reused parts: {@code Marshaller.marshal}
 * into a byte array + {@code Validator.validate} of those bytes, and {@code Unmarshaller.unmarshal} with the schema
 * set on the unmarshaller (which stops at the first violation). Target: ours / baseline ≤ 1.2.
 *
 * <pre class="language-sh">
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar XoevSerializerBenchmark -f 1 -wi 10 -w 1 -i 10 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class XoevSerializerBenchmark {

    private XoevSerializer<Nachrichtenkopf> serializer;
    private XoevSerializer<Nachrichtenkopf> unvalidated;
    private Nachrichtenkopf header;
    private byte[] document;
    private Marshaller marshaller;
    private Unmarshaller unmarshaller;
    private Validator validator;
    private SecureXml xml;

    @Setup
    public void prepare() throws JAXBException, IOException, SAXException, XMLStreamException {
        header = new SampleApplication(1, 1).header;
        XoevSchemaSet schemas = XoevSchemaSet.basis();
        serializer = XoevSerializer.builder(Nachrichtenkopf.class).schemaSet(schemas).build();
        unvalidated = serializer.withoutValidation();
        JAXBContext context = JAXBContext.newInstance(Nachrichtenkopf.class);
        marshaller = context.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        xml = SecureXml.defaults();
        unmarshaller = xml.unmarshaller(context);
        unmarshaller.setSchema(schemas.schema());
        validator = xml.newValidator(schemas.schema());
        document = serializerWrite();
        validator.validate(new StreamSource(new ByteArrayInputStream(jaxbMarshalAndValidate())));
        if (!header.equals(serializerRead()) || !header.equals(jaxbUnmarshalValidating())) {
            throw new IllegalStateException("the two sides do not read the same Nachrichtenkopf");
        }
    }

    @Benchmark
    public byte[] serializerWrite() {
        return serializer.toBytes(header);
    }

    /** Where the time of {@link #serializerWrite()} goes: the marshalling part alone. */
    @Benchmark
    public byte[] serializerWriteWithoutValidation() {
        return unvalidated.toBytes(header);
    }

    @Benchmark
    public byte[] jaxbMarshalAndValidate() throws JAXBException, IOException, SAXException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        marshaller.marshal(header, out);
        byte[] bytes = out.toByteArray();
        validator.validate(new StreamSource(new ByteArrayInputStream(bytes)));
        return bytes;
    }

    @Benchmark
    public Nachrichtenkopf serializerRead() {
        return serializer.read(document, "kopf.xml");
    }

    @Benchmark
    public Object jaxbUnmarshalValidating() throws JAXBException, XMLStreamException {
        XMLStreamReader reader = xml.newXmlStreamReader(new ByteArrayInputStream(document), "kopf.xml");
        try {
            return unmarshaller.unmarshal(reader, Nachrichtenkopf.class).getValue();
        } finally {
            reader.close();
        }
    }
}
