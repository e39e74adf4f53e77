package de.ozgsdk.xoev.fim;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.DataLimits;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.xoev.internal.fim.FormDataDocument;
import de.ozgsdk.xoev.internal.fim.FormDataWalk;
import de.ozgsdk.xoev.internal.fim.LexicalValues;
import de.ozgsdk.xoev.internal.fim.StructureCheck;
import de.ozgsdk.xoev.internal.xml.Utf8;
import de.ozgsdk.xoev.internal.fim.XmlRendering;
import de.ozgsdk.xoev.internal.fim.XmlTree;
import de.ozgsdk.xoev.internal.serial.ValidatingReader;
import de.ozgsdk.xoev.internal.xml.Pool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Writes {@link FormData} of one FIM schema as XML valid against its {@link GeneratedXsd}, and reads it back: one
 * root element named by the schema id in the XSD's namespace, an element per field value and group instance, values
 * in the canonical form of {@link FormDataJson} (so XML and JSON round trips agree). Blank values and blank group
 * instances mean "not given" and are not written.
 *
 * <pre>{@code
 * FormDataXml xml = FormDataXml.builder(schema)
 *         .generator(FimXsdGenerator.builder().codeValues(CodeValues.of(registry)).build())
 *         .build();
 * try (OutputStream out = Files.newOutputStream(file)) {
 *     xml.write(data, out);                  // validated against the XSD, else FimDataException
 * }
 * FormData back;
 * try (InputStream in = Files.newInputStream(file)) {
 *     back = xml.read(in);
 * }
 * }</pre>
 *
 * <p>Both directions validate against the XSD by default ({@link Builder#validation(boolean)}); violations are
 * reported together in a {@link FimDataException} with data path, line and column. Reading parses through
 * {@link SecureXml} (no DTD, no external entities, size limits) and applies {@link DataLimits}. Thread-safe; create
 * once per schema.
 */
public final class FormDataXml {

    private static final Logger LOG = LoggerFactory.getLogger(FormDataXml.class);
    private static final int MAX_VIOLATIONS = 100;
    private static final int POOL_SIZE = 4;

    private final FormSchema schema;
    private final GeneratedXsd xsd;
    private final Schema compiled;
    private final boolean validation;
    private final DataLimits limits;
    private final SecureXml xml;
    private final FormDataWalk walk;
    /** Validator handlers for written documents (creating one sets up the whole schema processor). */
    private final Pool<ValidatorHandler> validators;
    /** The length of the document written last: only a capacity hint for the next one. */
    private volatile int lastLength;

    private FormDataXml(Builder b, GeneratedXsd xsd) {
        this.schema = b.schema;
        this.xsd = xsd;
        this.validation = b.validation;
        this.limits = b.limits;
        this.xml = b.xml;
        this.walk = new FormDataWalk(schema);
        try {
            this.compiled = xml.newSchema(new ByteArrayInputStream(xsd.bytes()), xsd.schemaId() + ".xsd");
        } catch (InvalidInputException e) {
            throw new ProcessingException(FimXmlError.SCHEMA_NOT_COMPILABLE, e, xsd.schemaId(), e.getMessage());
        }
        this.validators = new Pool<>(POOL_SIZE, () -> ValidatingReader.newHandler(compiled));
    }

    /**
     * The XML of a FIM form: its XSD generated with the form's code lists, the form's data limits, validation on.
     * Made once per form and kept with it ({@link FimForm#derived}), so every caller shares one compiled schema.
     */
    public static FormDataXml of(FimForm form) {
        Objects.requireNonNull(form, "form");
        return form.derived(FormDataXml.class, f -> builder(f.schema())
                .generator(FimXsdGenerator.builder().codeValues(f.codeValues()).build())
                .limits(f.limits())
                .build());
    }

    /** XML for the schema with a default {@link FimXsdGenerator}, validation on. */
    public static FormDataXml of(FormSchema schema) {
        return builder(schema).build();
    }

    /** Starts the XML form of a schema: XSD from {@link FimXsdGenerator#of()}, validation on, default limits. */
    public static Builder builder(FormSchema schema) {
        return new Builder(schema);
    }

    /** The XSD the XML is written for and validated against. */
    public GeneratedXsd xsd() {
        return xsd;
    }

    /** The schema. */
    public FormSchema schema() {
        return schema;
    }

    // ---- writing

    /**
     * The data as an XML document (UTF-8 text with declaration, indented).
     *
     * @throws FimDataException       when the data are not valid against the XSD (validation on), a value holds a
     *                                character XML cannot carry, or a label field holds a value
     * @throws InvalidInputException  (forms {@code OZG-DATA-102/103}) when the data hold an id the schema lacks
     */
    public String write(FormData data) {
        return document(data, true, true).toString();
    }

    /** Writes the data as an XML document (UTF-8) to the stream, which stays open; see {@link #write(FormData)}. */
    public void write(FormData data, OutputStream out) {
        StringBuilder text = document(data, true, true);
        try {
            Utf8.write(text, out);
            out.flush();
        } catch (IOException e) {
            throw new ProcessingException(FimXmlError.WRITE_FAILED, e, e.getClass().getSimpleName());
        }
    }

    /**
     * Writes exactly one element, the root element of the data, to a writer positioned where it belongs (for
     * embedding in another document, whose prefixes do not matter: the element declares its namespace as default
     * namespace). Validated as {@link #write(FormData)}, before anything reaches the writer.
     */
    public void write(FormData data, XMLStreamWriter writer) {
        Objects.requireNonNull(writer, "writer");
        document(data, false, false);
        try {
            walk.walk(data, xsd.rootElement(), new StaxEvents(writer, xsd.targetNamespace()));
        } catch (StaxEvents.Failed e) {
            throw new ProcessingException(FimXmlError.WRITE_FAILED, e.getCause(),
                    e.getCause().getClass().getSimpleName());
        }
    }

    /**
     * The text of the data's document, written straight from the data and validated from the same events as it is
     * written (validation on), or the first reason not to write it: the data do not fit the schema, values that
     * cannot be written, violations of the XSD.
     */
    private StringBuilder document(FormData data, boolean pretty, boolean declaration) {
        Objects.requireNonNull(data, "data");
        StringBuilder text = new StringBuilder(Math.max(1024, lastLength + lastLength / 8));
        ValidatorHandler handler = validation ? validators.take() : null;
        FormDataDocument document = new FormDataDocument(text, pretty, declaration, xsd.targetNamespace(), handler);
        List<FormDataWalk.Problem> problems;
        try {
            problems = walk.walk(data, xsd.rootElement(), document);
        } catch (FormDataDocument.Stopped e) {
            if (document.violations().isEmpty()) {
                throw new ProcessingException(FimXmlError.WRITE_FAILED, e.getCause(),
                        e.getCause().getClass().getSimpleName());
            }
            throw new FimDataException(xsd.schemaId(), refined(data, document.violations()));
        }
        if (!problems.isEmpty()) {
            throw new FimDataException(xsd.schemaId(), problems.stream()
                    .map(problem -> violation(problem.code(), problem.path())).toList());
        }
        if (!document.violations().isEmpty()) {
            throw new FimDataException(xsd.schemaId(), refined(data, document.violations()));
        }
        if (handler != null) {
            validators.give(handler);
        }
        lastLength = text.length();
        return text;
    }

    /**
     * The validator's violations of written data as one per cause, missing and surplus elements named by FIM id and
     * label ({@link StructureCheck}); the data are walked once more, which costs only when they are invalid.
     */
    private List<FimDataViolation> refined(FormData data, List<FimDataViolation> reported) {
        StructureCheck structure = new StructureCheck(schema);
        walk.walk(data, xsd.rootElement(), structure.recorder());
        return structure.refine(reported);
    }

    /** Hands the elements of a {@link FormDataWalk} to a caller's StAX writer. */
    private static final class StaxEvents implements FormDataWalk.Sink {
        private final XMLStreamWriter writer;
        private final String namespace;

        StaxEvents(XMLStreamWriter writer, String namespace) {
            this.writer = writer;
            this.namespace = namespace;
        }

        @Override
        public void start(String localName, int index) {
            try {
                writer.writeStartElement("", localName, namespace);
                if (index < 0) {
                    writer.writeDefaultNamespace(namespace);
                }
            } catch (XMLStreamException e) {
                throw new Failed(e);
            }
        }

        @Override
        public void text(String text) {
            try {
                writer.writeCharacters(text);
            } catch (XMLStreamException e) {
                throw new Failed(e);
            }
        }

        @Override
        public void end() {
            try {
                writer.writeEndElement();
            } catch (XMLStreamException e) {
                throw new Failed(e);
            }
        }

        /** The writer failed. */
        static final class Failed extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Failed(XMLStreamException cause) {
                super(cause.getClass().getSimpleName(), cause, false, false);
            }
        }
    }

    /** The first place of each id at one level, in schema order (as the XSD declares them). */
    private static Map<String, ElementRef> placesById(List<ElementRef> children) {
        Map<String, ElementRef> places = new LinkedHashMap<>();
        children.forEach(child -> places.putIfAbsent(child.id().id(), child));
        return places;
    }

    // ---- reading

    /**
     * Reads a document holding the data's root element (the stream stays open).
     *
     * @throws FimDataException      when the XML is not valid against the XSD (validation on) or does not fit the
     *                               schema (unknown elements, text in groups)
     * @throws InvalidInputException for XML that is not well-formed, has a DOCTYPE, or exceeds limits
     *                               ({@code OZG-XML-…} of core, {@link FimXmlError#LIMIT_EXCEEDED})
     */
    public FormData read(InputStream in) {
        Objects.requireNonNull(in, "in");
        XMLStreamReader reader = xml.newXmlStreamReader(in, xsd.schemaId() + "-data.xml");
        try {
            while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                reader.next();
            }
            FormData data = read(reader);
            while (reader.hasNext()) {
                reader.next();
            }
            return data;
        } catch (XMLStreamException e) {
            throw readFailure(e);
        } finally {
            close(reader);
        }
    }

    /**
     * Reads the data from a DOM element, e.g. {@code ReceivedApplication.fachdaten()} of an application message. The
     * element is serialised (with the namespace declarations in scope) and read like a document, so line and column
     * in violations refer to that serialised form, not to the message it came from.
     *
     * @throws FimDataException      as {@link #read(InputStream)}
     * @throws InvalidInputException as {@link #read(InputStream)}
     */
    public FormData read(Element element) {
        Objects.requireNonNull(element, "element");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Transformer copy = xml.transformerFactory().newTransformer();
            copy.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            copy.transform(new DOMSource(element), new StreamResult(bytes));
        } catch (TransformerException e) {
            throw new ProcessingException(FimXmlError.WRITE_FAILED, e, e.getClass().getSimpleName());
        }
        return read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    /**
     * Reads the data's root element from a reader positioned at its {@code START_ELEMENT}, consuming it through its
     * {@code END_ELEMENT} (the reader is then at that event), e.g. from inside an application message. The caller's
     * reader should come from {@link SecureXml}; positions in violations are those the reader reports.
     */
    public FormData read(XMLStreamReader reader) {
        Objects.requireNonNull(reader, "reader");
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT
                || !xsd.rootElement().equals(reader.getLocalName())
                || !xsd.targetNamespace().equals(Objects.toString(reader.getNamespaceURI(), ""))) {
            String found = reader.getEventType() == XMLStreamConstants.START_ELEMENT
                    ? "{" + Objects.toString(reader.getNamespaceURI(), "") + "}" + reader.getLocalName()
                    : "event " + reader.getEventType();
            throw new InvalidInputException(FimXmlError.WRONG_ROOT, found,
                    "{" + xsd.targetNamespace() + "}" + xsd.rootElement());
        }
        XmlTree root;
        try {
            root = copy(reader);
        } catch (XMLStreamException e) {
            throw readFailure(e);
        }
        check(root, XmlRendering.of(root, false, true), true);
        List<FimDataViolation> problems = new ArrayList<>();
        FormData data = toData(root, schema.children(), problems);
        if (!problems.isEmpty()) {
            throw new FimDataException(xsd.schemaId(), problems);
        }
        LOG.debug("read form data of {}: {} values", xsd.schemaId(), data.valueCount());
        return data;
    }

    private XmlTree copy(XMLStreamReader reader) throws XMLStreamException {
        List<XmlTree> stack = new ArrayList<>();
        Map<XmlTree, Map<String, Integer>> counts = new HashMap<>();
        int[] budget = {0, 0};
        XmlTree root = null;
        do {
            switch (reader.getEventType()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    XmlTree parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
                    String local = reader.getLocalName();
                    String path = parent == null ? "/" : childPath(parent, local, counts);
                    Location at = reader.getLocation();
                    XmlTree element = new XmlTree(Objects.toString(reader.getNamespaceURI(), ""), local, path,
                            at.getLineNumber(), at.getColumnNumber());
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        element.attributes().add(new XmlTree.Attribute(
                                Objects.toString(reader.getAttributeNamespace(i), ""),
                                reader.getAttributeLocalName(i), reader.getAttributeValue(i)));
                    }
                    if (++budget[0] > 4L * limits.maxValues()) {
                        throw new InvalidInputException(FimXmlError.LIMIT_EXCEEDED, "elements",
                                4L * limits.maxValues());
                    }
                    if (parent == null) {
                        root = element;
                    } else {
                        parent.add(element);
                    }
                    stack.add(element);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    XmlTree current = stack.get(stack.size() - 1);
                    current.appendText(reader.getText());
                    if (current.textLength() > limits.maxValueLength()) {
                        throw new InvalidInputException(FimXmlError.LIMIT_EXCEEDED, "value length",
                                limits.maxValueLength());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlTree done = stack.remove(stack.size() - 1);
                    Location at = reader.getLocation();
                    done.end(at.getLineNumber(), at.getColumnNumber());
                    counts.remove(done);
                }
                default -> {
                    // comments and processing instructions carry no data
                }
            }
            if (stack.isEmpty()) {
                return root;
            }
            reader.next();
        } while (true);
    }

    private String childPath(XmlTree parent, String local, Map<XmlTree, Map<String, Integer>> counts) {
        int index = counts.computeIfAbsent(parent, p -> new HashMap<>()).merge(local, 1, Integer::sum) - 1;
        if (index >= limits.maxRepetitions()) {
            throw new InvalidInputException(FimXmlError.LIMIT_EXCEEDED, "repetitions of " + local,
                    limits.maxRepetitions());
        }
        return ("/".equals(parent.path()) ? "" : parent.path() + ".") + local + "[" + index + "]";
    }

    private FormData toData(XmlTree element, List<ElementRef> children, List<FimDataViolation> problems) {
        FormData.Builder builder = FormData.builder();
        Map<String, ElementRef> places = placesById(children);
        if (!element.text().isBlank()) {
            problems.add(located(FimXmlError.WRONG_CONTENT, element, List.of()));
        }
        for (XmlTree child : element.children()) {
            ElementRef place = xsd.targetNamespace().equals(child.namespace()) ? places.get(child.localName())
                    : null;
            if (place == null || place.element() instanceof Field f && f.kind() == FieldKind.LABEL) {
                problems.add(located(place == null ? FimXmlError.UNKNOWN_ELEMENT : FimXmlError.LABEL_HOLDS_VALUE,
                        child, List.of(child.localName())));
            } else if (place.element() instanceof Field field) {
                if (!child.children().isEmpty()) {
                    problems.add(located(FimXmlError.WRONG_CONTENT, child, List.of()));
                }
                builder.addValue(child.localName(), LexicalValues.fromXml(field.dataType(), child.text()));
            } else if (place.element() instanceof FieldGroup group) {
                builder.group(child.localName(), toData(child, group.children(), problems));
            }
        }
        return builder.build();
    }

    // ---- validation

    /** Validates the rendered text; positions are mapped to the elements (and, for read XML, to the source). */
    private void check(XmlTree root, XmlRendering rendering, boolean fromSource) {
        if (!validation) {
            return;
        }
        List<FimDataViolation> violations = new ArrayList<>();
        Validator validator = xml.newValidator(compiled);
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make data invalid
            }

            @Override
            public void error(SAXParseException e) {
                if (violations.size() < MAX_VIOLATIONS) {
                    violations.add(xsdViolation(rendering, e, fromSource));
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                violations.add(xsdViolation(rendering, e, fromSource));
                throw e;
            }
        });
        try {
            InputSource source = new InputSource(new StringReader(rendering.text()));
            source.setSystemId(xsd.schemaId() + "-data.xml");
            validator.validate(new SAXSource(xml.newXmlReader(), source));
        } catch (SAXException | IOException e) {
            if (violations.isEmpty()) {
                throw new ProcessingException(FimXmlError.WRITE_FAILED, e, e.getClass().getSimpleName());
            }
        } catch (OzgException e) {
            throw e;
        }
        if (!violations.isEmpty()) {
            StructureCheck structure = new StructureCheck(schema);
            structure.tree(root, xsd.targetNamespace());
            throw new FimDataException(xsd.schemaId(), structure.refine(violations));
        }
    }

    private static FimDataViolation xsdViolation(XmlRendering rendering, SAXParseException e, boolean fromSource) {
        XmlRendering.Tag tag = rendering.tagAt(e.getLineNumber(), e.getColumnNumber());
        String message = Objects.toString(e.getMessage(), "");
        int colon = message.indexOf(':');
        String rule = colon > 0 && message.startsWith("cvc-") ? message.substring(0, colon) : "other";
        XmlTree element = tag.element();
        int line = fromSource ? (tag.end() ? element.endLine() : element.line()) : e.getLineNumber();
        int column = fromSource ? (tag.end() ? element.endColumn() : element.column()) : e.getColumnNumber();
        return new FimDataViolation(FimXmlError.XSD_VIOLATION, element.path(), positive(line), positive(column),
                Optional.empty(), List.of(rule));
    }

    private static OptionalInt positive(int n) {
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }

    private static FimDataViolation violation(FimXmlError code, String path) {
        return new FimDataViolation(code, path, OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                List.of());
    }

    private static FimDataViolation located(FimXmlError code, XmlTree element, List<String> details) {
        return new FimDataViolation(code, element.path(), positive(element.line()), positive(element.column()),
                Optional.empty(), details);
    }

    private InvalidInputException readFailure(XMLStreamException e) {
        Location at = e.getLocation();
        String reason = Objects.toString(e.getMessage(), e.getClass().getSimpleName()).replaceAll("\\s+", " ");
        return new InvalidInputException(FimXmlError.XML_READ_FAILED, e, xsd.schemaId() + "-data.xml",
                at == null ? -1 : at.getLineNumber(), at == null ? -1 : at.getColumnNumber(),
                reason.length() > 200 ? reason.substring(0, 200) + "…" : reason);
    }

    private static void close(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            LOG.debug("closing the XML reader failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Builds a {@link FormDataXml}. */
    public static final class Builder {
        private final FormSchema schema;
        private GeneratedXsd xsd;
        private FimXsdGenerator generator = FimXsdGenerator.of();
        private boolean validation = true;
        private DataLimits limits = DataLimits.DEFAULT;
        private SecureXml xml = SecureXml.defaults();

        private Builder(FormSchema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        /** The XSD to use, generated for this schema (e.g. kept from {@link FimXsdGenerator#generate}). */
        public Builder xsd(GeneratedXsd xsd) {
            Objects.requireNonNull(xsd, "xsd");
            if (!xsd.schemaId().equals(schema.id().toString())) {
                throw new InvalidInputException(FimXmlError.XSD_OF_OTHER_SCHEMA, xsd.schemaId(), schema.id().toString());
            }
            this.xsd = xsd;
            return this;
        }

        /** The generator of the XSD when none is given with {@link #xsd}; default {@link FimXsdGenerator#of()}. */
        public Builder generator(FimXsdGenerator generator) {
            this.generator = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /** Whether written and read XML is validated against the XSD; default {@code true}. */
        public Builder validation(boolean validation) {
            this.validation = validation;
            return this;
        }

        /** Limits for reading: values, value length, repetitions; default {@link DataLimits#DEFAULT}. */
        public Builder limits(DataLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The hardened XML processing to read and validate with; default {@link SecureXml#defaults()}. */
        public Builder xml(SecureXml xml) {
            this.xml = Objects.requireNonNull(xml, "xml");
            return this;
        }

        /**
         * Builds the converter and compiles the XSD.
         *
         * @throws ProcessingException ({@link FimXmlError#SCHEMA_NOT_COMPILABLE}) if the XSD does not compile
         */
        public FormDataXml build() {
            return new FormDataXml(this, xsd != null ? xsd : generator.generate(schema));
        }
    }
}
