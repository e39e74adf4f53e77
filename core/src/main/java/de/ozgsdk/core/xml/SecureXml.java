package de.ozgsdk.core.xml;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.internal.xml.HardenedUnmarshaller;
import de.ozgsdk.core.internal.xml.JaxpHardening;
import de.ozgsdk.core.internal.xml.XmlFailures;
import de.ozgsdk.core.internal.xml.XmlLimits;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.JAXBIntrospector;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The one place where the SDK creates XML parsers, schema and XSLT factories and JAXB unmarshallers, all hardened
 * against XML attacks: DTDs are refused (no XXE, no billion laughs), nothing external is loaded (no external
 * entities, DTDs, schemas, stylesheets, no XInclude, no {@code xsi:schemaLocation} hints), secure processing is on
 * and the {@code jdk.xml.*} processing limits are set.
 *
 * <p>It uses the JDK's built-in implementations, so that a Xerces, Saxon or Woodstox on the class path cannot
 * silently weaken the settings; only for StAX a caller may choose Woodstox explicitly
 * ({@link Builder#staxFactory(Supplier)}), which gets the same hardening. Every {@code ...Factory()} method returns
 * a fresh factory (JAXP factories are not thread-safe); changing the security settings of a returned factory voids
 * the guarantees. The convenience methods ({@link #parse(InputStream, String)},
 * {@link #newXmlStreamReader(InputStream, String)}, {@link #validate},
 * {@link #unmarshal(JAXBContext, Class, InputStream, String)}) also limit the document size and report every problem
 * as an {@link de.ozgsdk.core.OzgException} with an {@link XmlError} code, line and column, for example
 * {@link XmlError#DTD_NOT_ALLOWED} as an {@link InvalidInputException}.
 *
 * <p>Instances are immutable and thread-safe; create one and share it.
 *
 * <pre>{@code
 * SecureXml xml = SecureXml.defaults();
 * try (InputStream in = Files.newInputStream(upload)) {
 *     Document document = xml.parse(in, "antrag-4711.xml");
 *     page.show(document.getDocumentElement().getLocalName());
 * } catch (InvalidInputException e) {
 *     page.showError(e.userMessage(Locale.GERMAN)); // OZG-XML-101: the document contains a DOCTYPE, line 2 …
 * }
 * }</pre>
 *
 * <p>Stricter limits for one kind of document, here with a JAXB binding ({@code Antrag}) generated from its schema:
 *
 * <pre>{@code
 * SecureXml strict = SecureXml.builder().maxElementDepth(64).maxDocumentBytes(1_000_000).build();
 * Antrag antrag = strict.unmarshal(JAXBContext.newInstance(Antrag.class), Antrag.class, in, "antrag-4711.xml");
 * }</pre>
 *
 * <p>The {@code systemId} arguments name the document in error messages and logs only; they are never resolved. They
 * must not contain personal data (use a file name or an id, not the applicant's name).
 */
public final class SecureXml {

    private static final SecureXml DEFAULTS = builder().build();

    private final int maxElementDepth;
    private final int maxAttributesPerElement;
    private final int maxNameLength;
    private final int entityExpansionLimit;
    private final long maxDocumentBytes;
    private final long maxTextLength;
    private final long maxTotalCharacters;
    private final Supplier<? extends XMLInputFactory> staxFactory;
    private final JaxpHardening hardening;

    private SecureXml(Builder builder) {
        this.maxElementDepth = builder.maxElementDepth;
        this.maxAttributesPerElement = builder.maxAttributesPerElement;
        this.maxNameLength = builder.maxNameLength;
        this.entityExpansionLimit = builder.entityExpansionLimit;
        this.maxDocumentBytes = builder.maxDocumentBytes;
        this.maxTextLength = builder.maxTextLength;
        this.maxTotalCharacters = builder.maxTotalCharacters;
        this.staxFactory = builder.staxFactory;
        this.hardening = new JaxpHardening(
                new XmlLimits(maxElementDepth, maxAttributesPerElement, maxNameLength, entityExpansionLimit),
                maxDocumentBytes, maxTextLength, maxTotalCharacters, staxFactory);
    }

    /** Hardened XML processing with the default limits documented on {@link Builder}. */
    public static SecureXml defaults() {
        return DEFAULTS;
    }

    /** Starts a configuration with the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder seeded with this instance's limits. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.staxFactory = staxFactory;
        return builder
                .maxElementDepth(maxElementDepth)
                .maxAttributesPerElement(maxAttributesPerElement)
                .maxNameLength(maxNameLength)
                .entityExpansionLimit(entityExpansionLimit)
                .maxDocumentBytes(maxDocumentBytes)
                .maxTextLength(maxTextLength)
                .maxTotalCharacters(maxTotalCharacters);
    }

    /** Maximum nesting depth of elements. */
    public int maxElementDepth() {
        return maxElementDepth;
    }

    /** Maximum number of attributes on one element. */
    public int maxAttributesPerElement() {
        return maxAttributesPerElement;
    }

    /** Maximum length of an element or attribute name. */
    public int maxNameLength() {
        return maxNameLength;
    }

    /** Maximum number of entity expansions where the JDK parses something with a DTD internally. */
    public int entityExpansionLimit() {
        return entityExpansionLimit;
    }

    /** Maximum size of a document read by the convenience methods, in bytes (characters for character input). */
    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /** Maximum length of one text node read through a StAX reader of this class (and JAXB), in characters. */
    public long maxTextLength() {
        return maxTextLength;
    }

    /** Maximum number of text characters in a document read through a StAX reader of this class (and JAXB). */
    public long maxTotalCharacters() {
        return maxTotalCharacters;
    }

    // ---- DOM -------------------------------------------------------------------------------------------------------

    /** A fresh, namespace-aware, hardened DOM factory. */
    public DocumentBuilderFactory documentBuilderFactory() {
        return hardening.documentBuilderFactory();
    }

    /** A hardened DOM builder that reports errors by throwing (never on stderr) and resolves no entity. */
    public DocumentBuilder newDocumentBuilder() {
        return hardening.newDocumentBuilder();
    }

    /**
     * Parses a document into a namespace-aware DOM.
     *
     * @param in       the document; not closed
     * @param systemId names the document in error messages (never resolved, no personal data)
     * @throws InvalidInputException with {@link XmlError#DTD_NOT_ALLOWED}, {@link XmlError#MALFORMED},
     *                               {@link XmlError#LIMIT_EXCEEDED} or {@link XmlError#DOCUMENT_TOO_LARGE}
     * @throws de.ozgsdk.core.ProcessingException with {@link XmlError#READ_FAILED} if reading {@code in} fails
     */
    public Document parse(InputStream in, String systemId) {
        InputSource source = inputSource(in, systemId);
        try {
            return newDocumentBuilder().parse(source);
        } catch (SAXException | IOException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
    }

    // ---- SAX -------------------------------------------------------------------------------------------------------

    /**
     * A fresh, namespace-aware, hardened SAX factory. Access restrictions and limits are parser properties in SAX:
     * prefer {@link #newSaxParser()}, which sets them too.
     */
    public SAXParserFactory saxParserFactory() {
        return hardening.saxParserFactory();
    }

    /** A hardened SAX parser with access restrictions and limits set. */
    public SAXParser newSaxParser() {
        return hardening.newSaxParser();
    }

    /** A hardened SAX reader that reports errors by throwing and resolves no entity. */
    public XMLReader newXmlReader() {
        return hardening.newXmlReader();
    }

    /**
     * Parses a document with SAX, reporting its content to {@code handler}.
     *
     * @param in       the document; not closed
     * @param systemId names the document in error messages (never resolved, no personal data)
     * @param handler  receives the content; a {@code SAXException} it throws is reported as
     *                 {@link XmlError#MALFORMED}, a {@code RuntimeException} passes through unchanged
     * @throws InvalidInputException as {@link #parse(InputStream, String)} does
     */
    public void parse(InputStream in, String systemId, ContentHandler handler) {
        Objects.requireNonNull(handler, "handler");
        InputSource source = inputSource(in, systemId);
        XMLReader reader = newXmlReader();
        reader.setContentHandler(handler);
        try {
            reader.parse(source);
        } catch (SAXException | IOException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
    }

    // ---- StAX ------------------------------------------------------------------------------------------------------

    /**
     * A fresh, namespace-aware StAX factory without DTD support and without external entities. Its readers skip a
     * DOCTYPE and report it as a {@code DTD} event; prefer {@link #newXmlStreamReader(InputStream, String)}, which
     * refuses it.
     */
    public XMLInputFactory xmlInputFactory() {
        return hardening.xmlInputFactory();
    }

    /**
     * A hardened StAX reader over {@code in}. Its methods throw {@link InvalidInputException} (unchecked) instead of
     * {@code XMLStreamException}: {@link XmlError#DTD_NOT_ALLOWED} when it reaches a DOCTYPE,
     * {@link XmlError#MALFORMED}, {@link XmlError#LIMIT_EXCEEDED} or {@link XmlError#DOCUMENT_TOO_LARGE}.
     *
     * @param in       the document; not closed by {@link XMLStreamReader#close()}
     * @param systemId names the document in error messages (never resolved, no personal data)
     */
    public XMLStreamReader newXmlStreamReader(InputStream in, String systemId) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(systemId, "systemId");
        return hardening.newXmlStreamReader(in, systemId);
    }

    // ---- XSLT ------------------------------------------------------------------------------------------------------

    /**
     * A fresh XSLT factory with secure processing (no extension functions), no external DTDs or stylesheets, and a
     * URI resolver that refuses {@code document()}, {@code xsl:include} and {@code xsl:import}. Give its transformers
     * input parsed by this class (a {@code DOMSource} of {@link #parse(InputStream, String)}), since a
     * {@code StreamSource} is parsed by the XSLT processor's own parser.
     */
    public TransformerFactory transformerFactory() {
        return hardening.transformerFactory();
    }

    // ---- XML Schema ------------------------------------------------------------------------------------------------

    /**
     * A fresh W3C XML Schema factory that refuses DTDs in schema documents and loads no external schema: an
     * {@code xs:import}, {@code xs:include} or {@code xs:redefine} with a {@code schemaLocation} fails. Pass all
     * schema documents of a schema set to {@link SchemaFactory#newSchema(javax.xml.transform.Source[])} yourself,
     * imported ones first, or let {@link #newSchema(SchemaResources, String)} load them from local resources. Every
     * schema warning is treated as an error. On JDK 22 and newer, a schema document with a DOCTYPE given as a
     * {@code StreamSource} may fail with an entity expansion limit error rather than the DOCTYPE error, because the
     * JDK consults its built-in catalog first; {@link #newSchema(InputStream, String)} reads through the hardened
     * parser and reports {@link XmlError#DTD_NOT_ALLOWED} on every JDK.
     */
    public SchemaFactory schemaFactory() {
        return hardening.schemaFactory();
    }

    /**
     * Compiles a self-contained XML Schema document.
     *
     * @param in       the schema document (XSD); not closed
     * @param systemId names the schema in error messages (never resolved, no personal data)
     * @throws InvalidInputException with {@link XmlError#SCHEMA_INVALID},
     *                               {@link XmlError#EXTERNAL_REFERENCE_NOT_ALLOWED} or {@link XmlError#DTD_NOT_ALLOWED}
     */
    public Schema newSchema(InputStream in, String systemId) {
        // Read through our own hardened reader: the schema loader's parser does not refuse a DOCTYPE the same way
        // on every JDK (JDK 22+ first consults its built-in catalog).
        SAXSource source = new SAXSource(newXmlReader(), inputSource(in, systemId));
        try {
            return schemaFactory().newSchema(source);
        } catch (SAXException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.SCHEMA);
        }
    }

    /**
     * A schema factory like {@link #schemaFactory()} whose {@code xs:import}, {@code xs:include} and
     * {@code xs:redefine} are served from {@code resources} only; a reference outside them fails with
     * {@link XmlError#SCHEMA_RESOURCE_NOT_ALLOWED}. Give it sources with the system ids of
     * {@link #newSchema(SchemaResources, String)}, or use that method.
     */
    public SchemaFactory schemaFactory(SchemaResources resources) {
        SchemaFactory factory = hardening.schemaFactory();
        factory.setResourceResolver(Objects.requireNonNull(resources, "resources").resolver());
        return factory;
    }

    /**
     * Compiles a schema set: the schema document at {@code location} in {@code resources} and every document it
     * imports or includes, each loaded from {@code resources} (by relative location inside its folder, by a mapped
     * location, or by namespace), never from the network or another file.
     *
     * @param location path of the main schema document inside the folder of {@code resources}, e.g.
     *                 {@code "xbau-nachrichten.xsd"}
     * @throws InvalidInputException with {@link XmlError#SCHEMA_RESOURCE_NOT_ALLOWED} for a reference outside the
     *                               set, or a code of {@link #newSchema(InputStream, String)}
     */
    public Schema newSchema(SchemaResources resources, String location) {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(location, "location");
        try (InputStream in = resources.open(location, location)) {
            InputSource input = inputSource(in, location);
            input.setSystemId(SchemaResources.systemId(location));
            // the main document through our own hardened reader (see newSchema(InputStream, String))
            return schemaFactory(resources).newSchema(new SAXSource(newXmlReader(), input));
        } catch (SAXException | IOException | RuntimeException e) {
            throw XmlFailures.translate(e, location, XmlFailures.Context.SCHEMA);
        }
    }

    /** A validator for {@code schema} that follows no {@code xsi:schemaLocation} hint and throws on every error. */
    public Validator newValidator(Schema schema) {
        return hardening.newValidator(Objects.requireNonNull(schema, "schema"));
    }

    /**
     * Validates a document against {@code schema}, parsing it with the hardened parser.
     *
     * @param in       the document; not closed
     * @param systemId names the document in error messages (never resolved, no personal data)
     * @throws InvalidInputException with {@link XmlError#NOT_SCHEMA_VALID} (naming the violated rule, never the
     *                               value) or one of the codes of {@link #parse(InputStream, String)}
     */
    public void validate(Schema schema, InputStream in, String systemId) {
        Validator validator = newValidator(schema);
        SAXSource source = new SAXSource(newXmlReader(), inputSource(in, systemId));
        try {
            validator.validate(source);
        } catch (SAXException | IOException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.VALIDATION);
        }
    }

    // ---- JAXB ------------------------------------------------------------------------------------------------------

    /**
     * A JAXB unmarshaller for {@code context} that never lets JAXB parse raw input itself: streams, readers, files,
     * URLs, {@code InputSource}s, {@code StreamSource}s and {@code SAXSource}s are read through a hardened StAX
     * reader. A refused or malformed document fails with an unchecked {@link InvalidInputException}; binding errors
     * fail with a {@code JAXBException} as usual. Not thread-safe, like every JAXB unmarshaller.
     *
     * @throws ConfigurationException with {@link XmlError#UNMARSHALLER_UNAVAILABLE} if JAXB cannot create one
     */
    public Unmarshaller unmarshaller(JAXBContext context) {
        return new HardenedUnmarshaller(createUnmarshaller(context), hardening);
    }

    /**
     * Reads a document into an instance of {@code type}, rejecting elements the binding does not know (plain JAXB
     * would drop them silently).
     *
     * @param in       the document; not closed
     * @param systemId names the document in error messages (never resolved, no personal data)
     * @throws InvalidInputException with {@link XmlError#BINDING_FAILED} or one of the codes of
     *                               {@link #parse(InputStream, String)}
     */
    public <T> T unmarshal(JAXBContext context, Class<T> type, InputStream in, String systemId) {
        return bind(context, null, type, in, systemId);
    }

    /**
     * Reads a document into an instance of {@code type}, validating it against {@code schema} on the way.
     *
     * @throws InvalidInputException with {@link XmlError#NOT_SCHEMA_VALID} or one of the codes of
     *                               {@link #unmarshal(JAXBContext, Class, InputStream, String)}
     */
    public <T> T unmarshal(JAXBContext context, Schema schema, Class<T> type, InputStream in, String systemId) {
        return bind(context, Objects.requireNonNull(schema, "schema"), type, in, systemId);
    }

    private <T> T bind(JAXBContext context, Schema schema, Class<T> type, InputStream in, String systemId) {
        Objects.requireNonNull(type, "type");
        Unmarshaller unmarshaller = createUnmarshaller(context);
        unmarshaller.setSchema(schema);
        AtomicReference<ValidationEvent> firstProblem = new AtomicReference<>();
        try {
            unmarshaller.setEventHandler(event -> {
                firstProblem.compareAndSet(null, event);
                return false;
            });
        } catch (JAXBException e) {
            throw new ConfigurationException(XmlError.UNMARSHALLER_UNAVAILABLE, e, context.getClass().getName());
        }
        XMLStreamReader reader = newXmlStreamReader(in, systemId);
        Object value;
        try {
            value = JAXBIntrospector.getValue(unmarshaller.unmarshal(reader));
        } catch (UnmarshalException e) {
            // Parse errors leave the hardened reader as SDK exceptions; an event here is a binding or schema problem.
            ValidationEvent event = firstProblem.get();
            if (event != null) {
                throw XmlFailures.bindingFailure(event, e, systemId, type.getName());
            }
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.VALIDATION);
        } catch (JAXBException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
        if (!type.isInstance(value)) {
            throw XmlFailures.unexpectedType(systemId, type.getName());
        }
        return type.cast(value);
    }

    private static Unmarshaller createUnmarshaller(JAXBContext context) {
        Objects.requireNonNull(context, "context");
        try {
            return context.createUnmarshaller();
        } catch (JAXBException e) {
            throw new ConfigurationException(XmlError.UNMARSHALLER_UNAVAILABLE, e, context.getClass().getName());
        }
    }

    private InputSource inputSource(InputStream in, String systemId) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(systemId, "systemId");
        return new InputSource(hardening.limit(in));
    }

    /** Configures the limits of a {@link SecureXml}; every setter checks its argument. */
    public static final class Builder {
        private int maxElementDepth = 256;
        private int maxAttributesPerElement = 256;
        private int maxNameLength = 1000;
        private int entityExpansionLimit = 100;
        private long maxDocumentBytes = 64L * 1024 * 1024;
        private long maxTextLength = 16L * 1024 * 1024;
        private long maxTotalCharacters = 64L * 1024 * 1024;
        private Supplier<? extends XMLInputFactory> staxFactory;

        private Builder() {
        }

        /** Maximum nesting depth of elements; default 256 (XÖV messages nest a few dozen levels). */
        public Builder maxElementDepth(int maxElementDepth) {
            this.maxElementDepth = positive("maxElementDepth", maxElementDepth);
            return this;
        }

        /** Maximum number of attributes on one element; default 256. */
        public Builder maxAttributesPerElement(int maxAttributesPerElement) {
            this.maxAttributesPerElement = positive("maxAttributesPerElement", maxAttributesPerElement);
            return this;
        }

        /** Maximum length of an element or attribute name; default 1000. */
        public Builder maxNameLength(int maxNameLength) {
            this.maxNameLength = positive("maxNameLength", maxNameLength);
            return this;
        }

        /**
         * Maximum number of entity expansions; default 100. Documents exchanged with the SDK have no DTD and hence
         * no entities; the limit guards where the JDK parses DTDs internally.
         */
        public Builder entityExpansionLimit(int entityExpansionLimit) {
            this.entityExpansionLimit = positive("entityExpansionLimit", entityExpansionLimit);
            return this;
        }

        /**
         * Maximum size of a document read by the convenience methods, in bytes (in characters for character input);
         * default 64 MiB.
         */
        public Builder maxDocumentBytes(long maxDocumentBytes) {
            this.maxDocumentBytes = positive("maxDocumentBytes", maxDocumentBytes);
            return this;
        }

        /**
         * Maximum length of one text node in characters (a text run between two tags, comments and CDATA sections
         * included), checked by the StAX readers and JAXB unmarshallers of this class while they stream, before the
         * text is in memory; a longer one fails with {@link XmlError#TEXT_TOO_LONG}. Default 16 Mi characters
         * (16,777,216): room for base64 content of about 12 MB inside an XÖV message, far above any form text.
         */
        public Builder maxTextLength(long maxTextLength) {
            this.maxTextLength = positive("maxTextLength", maxTextLength);
            return this;
        }

        /**
         * Maximum number of text characters in one document, all text nodes together, checked like
         * {@link #maxTextLength(long)}; more fails with {@link XmlError#TOO_MANY_CHARACTERS}. It bounds what a
         * consumer that keeps the text (JAXB, a DOM fragment) may hold, also for character input. Default 64 Mi
         * characters (67,108,864).
         */
        public Builder maxTotalCharacters(long maxTotalCharacters) {
            this.maxTotalCharacters = positive("maxTotalCharacters", maxTotalCharacters);
            return this;
        }

        /**
         * The StAX implementation of {@link #newXmlStreamReader(InputStream, String)} and the JAXB methods, e.g.
         * {@code WstxInputFactory::new} for Woodstox 7, which reads FIM files in about half the time of the JDK's
         * (bench {@code FimImportPairBenchmark}). Core has no dependency on it: the caller brings the library. It
         * gets the same hardening: no DTD, no external entities, a resolver that refuses everything, and the limits
         * of this builder in Woodstox's own properties ({@code com.ctc.wstx.max*}) or checked by the SDK's reader.
         * Only the JDK's and Woodstox are accepted; another implementation fails with
         * {@link XmlError#HARDENING_UNSUPPORTED} when a reader is created. Default: the JDK's.
         */
        public Builder staxFactory(Supplier<? extends XMLInputFactory> staxFactory) {
            this.staxFactory = Objects.requireNonNull(staxFactory, "staxFactory");
            return this;
        }

        public SecureXml build() {
            return new SecureXml(this);
        }

        private static int positive(String name, int value) {
            // The JDK reads 0 or a negative limit as "no limit", which is never what a caller of this means.
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }

        private static long positive(String name, long value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }
    }
}
