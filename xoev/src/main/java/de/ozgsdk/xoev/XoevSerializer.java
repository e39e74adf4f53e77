package de.ozgsdk.xoev;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.core.xml.XmlError;
import de.ozgsdk.xoev.internal.serial.CheckingStreamWriter;
import de.ozgsdk.xoev.internal.serial.IllegalXmlCharacterException;
import de.ozgsdk.xoev.internal.serial.JaxbContexts;
import de.ozgsdk.xoev.internal.serial.PrefixMapper;
import de.ozgsdk.xoev.internal.serial.ValidatingReader;
import de.ozgsdk.xoev.internal.serial.ViolationCollector;
import de.ozgsdk.xoev.internal.serial.WrittenDocumentCheck;
import de.ozgsdk.xoev.internal.serial.XmlTextEscaper;
import de.ozgsdk.xoev.internal.xml.Pool;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.glassfish.jaxb.runtime.api.JAXBRIContext;
import javax.xml.validation.ValidatorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and reads one JAXB-bound root type as XÖV XML: UTF-8, stable namespace prefixes, validated against a
 * {@link XoevSchemaSet} in both directions (switch off per call with {@link #withoutValidation()}), and read only
 * through core's hardened {@link SecureXml} (no DTDs, no external entities). Whole documents and fragments inside a
 * caller's StAX stream.
 *
 * <p>Build one per root type and share it: it is immutable and thread-safe. The JAXB context is cached per set of
 * classes for the whole process; marshallers, validators and parsers, which are not thread-safe, are pooled per
 * serializer (see {@code xoev/SERIALISATION.md}).
 *
 * <pre>{@code
 * XoevSerializer<Nachrichtenkopf> kopf = XoevSerializer.builder(Nachrichtenkopf.class)
 *         .schemaSet(XoevSchemaSet.basis())          // validation is on by default
 *         .build();                                  // once per root type; thread-safe, share it
 *
 * byte[] xml = kopf.toBytes(nachrichtenkopf);        // UTF-8, validated, <basis:nachrichtenkopf xmlns:basis=...>
 * Nachrichtenkopf back = kopf.read(xml, "kopf-4711.xml");    // hardened parser, validated while reading
 * kopf.withoutValidation().read(xml, "kopf-4711.xml");       // per call: validation off
 * try {
 *     kopf.read(untrusted, "upload-4712.xml");
 * } catch (XoevValidationException e) {
 *     e.violations().forEach(v -> page.showError(v.line() + ":" + v.column() + " " + v.message()));
 * }
 * }</pre>
 *
 * <p>Every failure is an {@link OzgException}: {@link XoevValidationException} for schema violations (all of them,
 * with line and column when reading), {@link InvalidInputException} with an {@link XoevError} or {@link XmlError}
 * code for refused or malformed input, {@link ProcessingException} when writing to the target fails. No JAXB, StAX
 * or SAX exception escapes. Logs carry counts and codes only, never the violation messages, which may quote values.
 *
 * @param <T> the root type
 */
public final class XoevSerializer<T> {

    private static final Logger LOG = LoggerFactory.getLogger(XoevSerializer.class);

    private static final String PREFIX_MAPPER = "org.glassfish.jaxb.namespacePrefixMapper";
    private static final String ESCAPE_HANDLER = "org.glassfish.jaxb.characterEscapeHandler";
    private static final int POOL_SIZE = 32;
    private static final Pattern NC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private final Class<T> rootType;
    private final QName elementName;
    private final JAXBContext context;
    private final XoevSchemaSet schemaSet;
    private final Map<String, String> prefixes;
    private final boolean prettyPrint;
    private final boolean validating;
    private final SecureXml secureXml;
    /** Idle document marshallers (fixed properties); a fragment's marshaller depends on the caller's writer. */
    private final Pool<Marshaller> marshallers;
    /** Idle validator handlers; creating one per document cost more than the marshalling itself (JMH). */
    private final Pool<ValidatorHandler> validators;
    private final WrittenDocumentCheck writtenCheck;

    private XoevSerializer(Builder<T> builder, JAXBContext context, QName elementName) {
        this.rootType = builder.rootType;
        this.elementName = elementName;
        this.context = context;
        this.schemaSet = builder.schemaSet;
        this.prefixes = Map.copyOf(builder.prefixes);
        this.prettyPrint = builder.prettyPrint;
        this.validating = builder.validation;
        this.secureXml = builder.secureXml;
        this.marshallers = new Pool<>(POOL_SIZE, this::newDocumentMarshaller);
        this.validators = new Pool<>(POOL_SIZE, () -> ValidatingReader.newHandler(schemaSet.schema()));
        this.writtenCheck = schemaSet == null ? null : new WrittenDocumentCheck(schemaSet.schema(), secureXml);
    }

    private XoevSerializer(XoevSerializer<T> other, boolean validating) {
        this.rootType = other.rootType;
        this.elementName = other.elementName;
        this.context = other.context;
        this.schemaSet = other.schemaSet;
        this.prefixes = other.prefixes;
        this.prettyPrint = other.prettyPrint;
        this.validating = validating;
        this.secureXml = other.secureXml;
        this.marshallers = other.marshallers;
        this.validators = other.validators;
        this.writtenCheck = other.writtenCheck;
    }

    /** Starts a serializer for {@code rootType}, which must be JAXB-annotated. */
    public static <T> Builder<T> builder(Class<T> rootType) {
        return new Builder<>(rootType);
    }

    /**
     * This serializer without schema validation, for one call or a few: {@code serializer.withoutValidation()
     * .write(value, out)}. Cheap (shares context and configuration). Reading still goes through the hardened parser
     * and still refuses elements the binding does not know.
     */
    public XoevSerializer<T> withoutValidation() {
        return validating ? new XoevSerializer<>(this, false) : this;
    }

    /** Whether this serializer validates against its schema set. */
    public boolean validates() {
        return validating;
    }

    /** The root type. */
    public Class<T> rootType() {
        return rootType;
    }

    /** The name of the root element written and expected. */
    public QName elementName() {
        return elementName;
    }

    /** The schema set validated against, if one was given. */
    public Optional<XoevSchemaSet> schemaSet() {
        return Optional.ofNullable(schemaSet);
    }

    // ---- writing ---------------------------------------------------------------------------------------------------

    /**
     * The document for {@code value}: UTF-8, with XML declaration, all configured prefixes declared on the root.
     * Equal values give identical bytes.
     *
     * @throws XoevValidationException with {@link XoevError#NOT_SCHEMA_VALID_ON_WRITE} if validating and the value
     *                                 does not conform to the schema set
     * @throws InvalidInputException   with {@link XoevError#ILLEGAL_XML_CHARACTER} if a value holds a character
     *                                 XML 1.0 does not allow
     */
    public byte[] toBytes(T value) {
        byte[] document = marshalToBytes(value);
        if (validating) {
            validateWritten(document);
        }
        return document;
    }

    /**
     * Writes the document for {@code value} to {@code out} (not closed), as {@link #toBytes(Object)}. When
     * validating, nothing is written unless the document is valid; without validation, a failure can leave part of a
     * document in {@code out}.
     *
     * @throws ProcessingException with {@link XoevError#WRITE_FAILED} if writing to {@code out} fails
     */
    public void write(T value, OutputStream out) {
        Objects.requireNonNull(out, "out");
        if (validating) {
            byte[] document = toBytes(value);
            try {
                out.write(document);
            } catch (IOException e) {
                throw new ProcessingException(XoevError.WRITE_FAILED, e, e.getClass().getSimpleName());
            }
            return;
        }
        marshal(value, false, documentPrefixes(), (marshaller, element) -> marshaller.marshal(element, out));
    }

    /**
     * Writes {@code value} as an element into the caller's StAX stream, at the writer's current position: no XML
     * declaration, and every namespace the writer has already bound keeps the caller's prefix (it is not declared
     * again); others get this serializer's prefixes, declared on the fragment's element. No pretty printing (the
     * caller's writer decides the layout). When validating, the element must be declared globally in the schema set;
     * it is validated as a document of its own before anything is written, so an invalid value writes nothing.
     *
     * @throws XoevValidationException as {@link #toBytes(Object)}
     */
    public void writeFragment(T value, XMLStreamWriter writer) {
        Objects.requireNonNull(writer, "writer");
        if (validating) {
            validateWritten(marshalToBytes(value));
        }
        marshal(value, true, fragmentPrefixes(writer),
                (marshaller, element) -> marshaller.marshal(element, new CheckingStreamWriter(writer)));
    }

    private byte[] marshalToBytes(T value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        marshal(value, false, documentPrefixes(), (marshaller, element) -> marshaller.marshal(element, out));
        return out.toByteArray();
    }

    /**
     * Validates a document just written by reading it back: JAXB's own validation while marshalling stops at the
     * first error, this way the caller gets all of them, with line and column in the written document.
     */
    private void validateWritten(byte[] document) {
        ViolationCollector collector = new ViolationCollector();
        try {
            writtenCheck.check(document, rootType.getName(), collector);
        } catch (ViolationCollector.Stop stopped) {
            // recorded in the collector
        } catch (IOException e) {
            throw new ProcessingException(XoevError.MARSHAL_FAILED, e, rootType.getName(), "unreadable output");
        }
        if (collector.hasErrors()) {
            throw writeInvalid(collector);
        }
    }

    /** JAXB declares every namespace the context knows on the root element by itself; it only needs the names. */
    private PrefixMapper documentPrefixes() {
        return new PrefixMapper(prefixes, new String[0], new String[0]);
    }

    private PrefixMapper fragmentPrefixes(XMLStreamWriter writer) {
        Map<String, String> preferred = new LinkedHashMap<>(prefixes);
        List<String> inScope = new ArrayList<>();
        NamespaceContext scope = writer.getNamespaceContext();
        if (scope == null) {
            return new PrefixMapper(preferred, new String[0], new String[0]);
        }
        String defaultNamespace = scope.getNamespaceURI("");
        if (defaultNamespace == null || defaultNamespace.isEmpty()) {
            // Tells JAXB that unqualified elements need no xmlns="" here.
            inScope.add("");
            inScope.add("");
        }
        for (String namespace : prefixes.keySet()) {
            String bound = scope.getPrefix(namespace);
            if (bound != null && !bound.isEmpty()) {
                preferred.put(namespace, bound);
                inScope.add(bound);
                inScope.add(namespace);
            }
        }
        return new PrefixMapper(preferred, new String[0], inScope.toArray(new String[0]));
    }

    @FunctionalInterface
    private interface MarshalCall {
        void marshal(Marshaller marshaller, Object element) throws JAXBException;
    }

    private void marshal(T value, boolean fragment, PrefixMapper mapper, MarshalCall call) {
        Objects.requireNonNull(value, "value");
        ViolationCollector collector = new ViolationCollector();
        try {
            Marshaller marshaller = fragment ? newMarshaller(true, mapper) : marshallers.take();
            marshaller.setEventHandler(collector);
            call.marshal(marshaller, new JAXBElement<>(elementName, rootType, value));
            if (!fragment) {
                marshaller.setEventHandler(null);
                marshallers.give(marshaller);
            }
        } catch (JAXBException e) {
            throw writeFailure(e, collector);
        }
        if (collector.hasErrors()) {
            throw writeInvalid(collector);
        }
    }

    private Marshaller newDocumentMarshaller() {
        try {
            return newMarshaller(false, documentPrefixes());
        } catch (JAXBException e) {
            throw new ProcessingException(XoevError.MARSHAL_FAILED, e, rootType.getName(), String.valueOf(e));
        }
    }

    private Marshaller newMarshaller(boolean fragment, PrefixMapper mapper) throws JAXBException {
        Marshaller marshaller = context.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, prettyPrint && !fragment);
        marshaller.setProperty(Marshaller.JAXB_FRAGMENT, fragment);
        marshaller.setProperty(PREFIX_MAPPER, mapper);
        marshaller.setProperty(ESCAPE_HANDLER, XmlTextEscaper.INSTANCE);
        return marshaller;
    }

    private OzgException writeFailure(JAXBException e, ViolationCollector collector) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalXmlCharacterException illegal) {
                return new InvalidInputException(XoevError.ILLEGAL_XML_CHARACTER, e, illegal.codeUnit());
            }
            if (cause instanceof OzgException sdk) {
                return sdk;
            }
        }
        if (collector.hasErrors()) {
            return writeInvalid(collector);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return new ProcessingException(XoevError.WRITE_FAILED, e, io.getClass().getSimpleName());
            }
        }
        return new ProcessingException(XoevError.MARSHAL_FAILED, e, rootType.getName(), String.valueOf(e));
    }

    private XoevValidationException writeInvalid(ViolationCollector collector) {
        List<SchemaViolation> violations = collector.violations();
        LOG.debug("refused to write {}: {} schema violations", rootType.getName(), violations.size());
        return new XoevValidationException(XoevError.NOT_SCHEMA_VALID_ON_WRITE, rootType.getName(), violations);
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    /**
     * Reads a document with the hardened parser, validating it on the way unless switched off.
     *
     * @param in       the document; not closed
     * @param systemId names the document in messages and logs (never resolved, no personal data)
     * @throws XoevValidationException with {@link XoevError#NOT_SCHEMA_VALID_ON_READ} listing every violation (line,
     *                                 column, message) if it does not conform or cannot be bound
     * @throws InvalidInputException   with {@link XoevError#UNEXPECTED_ROOT_ELEMENT}, or with an {@link XmlError}
     *                                 code for a refused (DTD, external entity) or malformed document
     */
    public T read(InputStream in, String systemId) {
        XMLStreamReader reader = secureXml.newXmlStreamReader(in, systemId);
        try {
            reader.nextTag();
        } catch (XMLStreamException e) {
            throw malformed(e, systemId);
        }
        T value = readElement(reader, systemId);
        try {
            // JAXB stops at the root's end tag; whatever follows must still be well-formed (comments only).
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw malformed(e, systemId);
        }
        return value;
    }

    /** Reads a document held in memory, as {@link #read(InputStream, String)}. */
    public T read(byte[] document, String systemId) {
        return read(new ByteArrayInputStream(Objects.requireNonNull(document, "document")), systemId);
    }

    /**
     * Reads the element the caller's StAX reader is positioned at (a fragment of a larger document); afterwards the
     * reader is positioned on the event after the element's end tag. Create the reader with
     * {@link SecureXml#newXmlStreamReader(InputStream, String)}: this method cannot check how it was made. Line and
     * column of violations refer to the caller's document. When validating, the element must be declared globally in
     * the schema set.
     *
     * @param systemId names the caller's document in messages and logs (no personal data)
     * @throws InvalidInputException {@link XoevError#VALUE_MALFORMED} if the reader is not at a start element
     */
    public T readFragment(XMLStreamReader reader, String systemId) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(systemId, "systemId");
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new InvalidInputException(XoevError.VALUE_MALFORMED, "reader", "XoevSerializer.readFragment",
                    "positioned at a start element");
        }
        return readElement(reader, systemId);
    }

    /** {@link #readFragment(XMLStreamReader, String)} naming the document by the reader's system id, if it has one. */
    public T readFragment(XMLStreamReader reader) {
        Objects.requireNonNull(reader, "reader");
        Location location = reader.getLocation();
        String systemId = location == null || location.getSystemId() == null ? "(fragment)" : location.getSystemId();
        return readFragment(reader, systemId);
    }

    private T readElement(XMLStreamReader reader, String systemId) {
        if (!elementName.equals(reader.getName())) {
            throw new InvalidInputException(XoevError.UNEXPECTED_ROOT_ELEMENT, systemId, reader.getName(),
                    elementName);
        }
        ViolationCollector collector = new ViolationCollector();
        ValidatorHandler handler = validating ? validators.take() : null;
        ValidatingReader tracking = new ValidatingReader(reader, handler, collector);
        Unmarshaller unmarshaller = secureXml.unmarshaller(context);
        JAXBElement<T> element;
        try {
            unmarshaller.setEventHandler(collector);
            element = unmarshaller.unmarshal(tracking, rootType);
            if (handler != null && tracking.finished()) {
                validators.give(handler);
            }
        } catch (ViolationCollector.Stop stopped) {
            throw readInvalid(collector.violations(), systemId);
        } catch (JAXBException e) {
            throw readFailure(e, collector, systemId, tracking);
        }
        if (collector.hasErrors()) {
            throw readInvalid(collector.violations(), systemId);
        }
        return element.getValue();
    }

    private OzgException readFailure(JAXBException e, ViolationCollector collector, String systemId,
                                     ValidatingReader tracking) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OzgException sdk) {
                return sdk;
            }
            if (cause instanceof ViolationCollector.Stop) {
                break;
            }
        }
        List<SchemaViolation> violations = new ArrayList<>(collector.violations());
        if (violations.isEmpty()) {
            Location location = tracking.getLocation();
            violations.add(new SchemaViolation(SchemaViolation.Severity.FATAL,
                    location == null ? -1 : location.getLineNumber(),
                    location == null ? -1 : location.getColumnNumber(),
                    String.valueOf(e.getMessage() != null ? e.getMessage() : e.getCause()), tracking.path()));
        }
        return readInvalid(violations, systemId);
    }

    private XoevValidationException readInvalid(List<SchemaViolation> violations, String systemId) {
        LOG.debug("refused document {}: {} schema violations", systemId, violations.size());
        return new XoevValidationException(XoevError.NOT_SCHEMA_VALID_ON_READ, systemId, violations);
    }

    private static InvalidInputException malformed(XMLStreamException e, String systemId) {
        Location location = e.getLocation();
        return new InvalidInputException(XmlError.MALFORMED, e, systemId,
                location == null ? -1 : location.getLineNumber(),
                location == null ? -1 : location.getColumnNumber(), "unexpected content.");
    }

    // ---- configuration ---------------------------------------------------------------------------------------------

    /**
     * Configures an {@link XoevSerializer}; every setter checks its argument.
     *
     * @param <T> the root type
     */
    public static final class Builder<T> {
        private final Class<T> rootType;
        private final Set<Class<?>> classes = new LinkedHashSet<>();
        private final Map<String, String> prefixes = new LinkedHashMap<>();
        private XoevSchemaSet schemaSet;
        private QName elementName;
        private boolean prettyPrint;
        private boolean validation = true;
        private SecureXml secureXml = SecureXml.defaults();

        private Builder(Class<T> rootType) {
            this.rootType = Objects.requireNonNull(rootType, "rootType");
            classes.add(rootType);
            prefixes.put(XoevSchemaSet.BASIS_NAMESPACE, XoevSchemaSet.BASIS_PREFIX);
        }

        /**
         * Further classes for the JAXB context, e.g. subtypes written with {@code xsi:type} that the root type does
         * not reference statically; default none.
         */
        public Builder<T> additionalClasses(Class<?>... additional) {
            for (Class<?> type : Arrays.asList(additional)) {
                classes.add(Objects.requireNonNull(type, "additionalClasses element"));
            }
            return this;
        }

        /** The schemas to validate against; required while validation is on (the default). */
        public Builder<T> schemaSet(XoevSchemaSet schemaSet) {
            this.schemaSet = Objects.requireNonNull(schemaSet, "schemaSet");
            return this;
        }

        /**
         * The prefix to write for {@code namespace}; declared on the root element of every document. Default:
         * {@code basis} for {@value XoevSchemaSet#BASIS_NAMESPACE}; namespaces without a prefix get JAXB's
         * {@code ns1}, {@code ns2}, ... (stable for one type set, but not pretty).
         *
         * @throws ConfigurationException {@link XoevError#SETTING_INVALID} if {@code prefix} is not an XML name
         *                                without colon, is reserved ({@code xml...}), or is given for another
         *                                namespace already, or {@code namespace} is empty
         */
        public Builder<T> prefix(String namespace, String prefix) {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(prefix, "prefix");
            if (namespace.isEmpty()) {
                throw setting("prefix", "a namespace that is not empty (elements without namespace have no prefix)");
            }
            if (!NC_NAME.matcher(prefix).matches() || prefix.toLowerCase(java.util.Locale.ROOT).startsWith("xml")) {
                throw setting("prefix", "an XML name without colon that does not start with 'xml'");
            }
            prefixes.forEach((otherNamespace, otherPrefix) -> {
                if (otherPrefix.equals(prefix) && !otherNamespace.equals(namespace)) {
                    throw setting("prefix", "'" + prefix + "' not used for another namespace (" + otherNamespace
                            + ")");
                }
            });
            prefixes.put(namespace, prefix);
            return this;
        }

        /** Whether to indent documents (not fragments); default {@code false}. */
        public Builder<T> prettyPrint(boolean prettyPrint) {
            this.prettyPrint = prettyPrint;
            return this;
        }

        /** Whether to validate against the schema set when writing and reading; default {@code true}. */
        public Builder<T> validation(boolean validation) {
            this.validation = validation;
            return this;
        }

        /** The hardened XML processing (limits) to read with; default {@link SecureXml#defaults()}. */
        public Builder<T> secureXml(SecureXml secureXml) {
            this.secureXml = Objects.requireNonNull(secureXml, "secureXml");
            return this;
        }

        /**
         * The root element's name; default the name given by the root type's {@code @XmlRootElement}. Required for a
         * root type without that annotation.
         */
        public Builder<T> elementName(QName elementName) {
            Objects.requireNonNull(elementName, "elementName");
            if (elementName.getLocalPart().isEmpty()) {
                throw setting("elementName", "a name with a local part");
            }
            this.elementName = elementName;
            return this;
        }

        /**
         * The serializer; creates the JAXB context on first use of this set of classes.
         *
         * @throws ConfigurationException                 {@link XoevError#SETTING_INVALID} if validation is on and
         *                                                 no schema set was given, or the root element's name is
         *                                                 unknown
         * @throws de.ozgsdk.core.ConfigurationException with {@link XoevError#CONTEXT_FAILED} if JAXB refuses the
         *                                                 classes
         */
        public XoevSerializer<T> build() {
            if (validation && schemaSet == null) {
                throw setting("schemaSet", "given while validation is on (the default): call schemaSet(...) or"
                        + " validation(false)");
            }
            JAXBContext context = JaxbContexts.of(classes);
            QName name = elementName != null ? elementName : annotatedName(context);
            return new XoevSerializer<>(this, context, name);
        }

        private static ConfigurationException setting(String name, String requirement) {
            return new ConfigurationException(XoevError.SETTING_INVALID, "XoevSerializer", name, requirement);
        }

        private QName annotatedName(JAXBContext context) {
            QName name;
            try {
                name = context instanceof JAXBRIContext ri ? ri.getElementName(rootType) : null;
            } catch (JAXBException e) {
                name = null;
            }
            if (name == null) {
                throw setting("elementName", "given, since " + rootType.getName() + " has no @XmlRootElement");
            }
            return name;
        }
    }
}
