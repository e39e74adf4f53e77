package de.ozgsdk.bench.xoev;

import de.ozgsdk.bench.forms.SyntheticForm;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.xoev.fim.FormDataXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
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
 * Issue 11 §7: {@link FormDataXml#write(FormData, java.io.OutputStream)} of the synthetic 1,000-field form
 * ({@link SyntheticForm}: 100 groups of 10 fields of every Datentyp, 1,000 values, 52 KB of XML) into a byte array,
 * against a hand-written loop over the same elements and the same (already canonical) texts into a reused JDK
 * {@link XMLStreamWriter} on the same kind of byte array. Measured with and without validation against the
 * generated XSD, so that each ratio compares like with like:
 *
 * <ul>
 *   <li>{@code formDataXml} (validation on: the data are converted to their canonical XML texts, written and validated
 *   from the same events) / {@code rawStaxAndValidator} (raw StAX + {@code Validator.validate} of the bytes, one
 *   reused validator of the same compiled XSD, as the other xoev benchmarks do);</li>
 *   <li>{@code formDataXmlWithoutValidation} / {@code rawStax}.</li>
 * </ul>
 *
 * <p>{@code @Setup} checks that both sides write byte-identical, schema-valid documents.
 *
 * <pre class="language-sh">
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar FormDataXmlBenchmark -f 1 -wi 10 -w 1 -i 10 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class FormDataXmlBenchmark {

    private FormData data;
    private FormDataXml validating;
    private FormDataXml unvalidated;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private XMLOutputFactory factory;
    private Validator validator;
    private String namespace;
    private String root;
    /** The elements as the baseline writes them: per group its name and its fields' names and texts. */
    private List<Group> groups;

    /** One group instance of the baseline: element name, field names, field texts. */
    private record Group(String name, String[] fields, String[] texts) {
    }

    @Setup
    public void prepare() throws IOException, SAXException, XMLStreamException {
        FormSchema schema = SyntheticForm.schema();
        data = SyntheticForm.data();
        validating = FormDataXml.of(schema);
        unvalidated = FormDataXml.builder(schema).xsd(validating.xsd()).validation(false).build();
        namespace = validating.xsd().targetNamespace();
        root = validating.xsd().rootElement();
        groups = elements(schema, data);
        // the JDK's own writer, as FormDataXml's baseline was measured: the bench has Woodstox on its class path (for
        // the FIM import benchmarks), which newFactory() would pick
        factory = XMLOutputFactory.newDefaultFactory();
        SecureXml xml = SecureXml.defaults();
        Schema compiled = xml.newSchema(new ByteArrayInputStream(validating.xsd().bytes()), "bench.xsd");
        validator = xml.newValidator(compiled);
        byte[] ours = formDataXml().clone();
        byte[] raw = rawStaxAndValidator().clone();
        if (!Arrays.equals(ours, raw) || !Arrays.equals(formDataXmlWithoutValidation(), raw)) {
            throw new IllegalStateException("the two sides do not write the same document:\n" + new String(ours,
                    java.nio.charset.StandardCharsets.UTF_8) + "\n----\n" + new String(raw,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Benchmark
    public byte[] formDataXml() {
        out.reset();
        validating.write(data, out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] formDataXmlWithoutValidation() {
        out.reset();
        unvalidated.write(data, out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] rawStax() throws XMLStreamException {
        out.reset();
        XMLStreamWriter writer = factory.createXMLStreamWriter(out, "UTF-8");
        writer.writeStartDocument("UTF-8", "1.0");
        writer.writeCharacters("\n");
        writer.writeStartElement("", root, namespace);
        writer.writeDefaultNamespace(namespace);
        for (Group group : groups) {
            writer.writeCharacters("\n  ");
            writer.writeStartElement("", group.name(), namespace);
            for (int i = 0; i < group.fields().length; i++) {
                writer.writeCharacters("\n    ");
                writer.writeStartElement("", group.fields()[i], namespace);
                writer.writeCharacters(group.texts()[i]);
                writer.writeEndElement();
            }
            writer.writeCharacters("\n  ");
            writer.writeEndElement();
        }
        writer.writeCharacters("\n");
        writer.writeEndElement();
        writer.writeCharacters("\n");
        writer.writeEndDocument();
        writer.close();
        return out.toByteArray();
    }

    @Benchmark
    public byte[] rawStaxAndValidator() throws XMLStreamException, IOException, SAXException {
        byte[] bytes = rawStax();
        validator.validate(new StreamSource(new ByteArrayInputStream(bytes)));
        return bytes;
    }

    /** The group instances of the data in schema order, with the texts of their fields (canonical already). */
    private static List<Group> elements(FormSchema schema, FormData data) {
        List<Group> groups = new ArrayList<>();
        for (ElementRef ref : schema.children()) {
            FieldGroup group = (FieldGroup) ref.element();
            for (FormData instance : data.groups(group.id().id())) {
                List<String> fields = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (ElementRef child : group.children()) {
                    for (String value : instance.values(child.id().id())) {
                        fields.add(child.id().id());
                        texts.add(value);
                    }
                }
                groups.add(new Group(group.id().id(), fields.toArray(new String[0]), texts.toArray(new String[0])));
            }
        }
        return groups;
    }
}
