package de.ozgsdk.core.internal.xml;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.xml.XmlError;
import java.io.InputStream;
import java.io.Reader;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.TransformerFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Creates the JDK's own XML factories with every hardening setting applied: DTDs refused, no external entities,
 * DTDs, schemas or stylesheets, secure processing on, and the configured {@code jdk.xml.*} limits.
 *
 * <p>The JDK's built-in implementations are requested explicitly ({@code newDefaultInstance()}), so that a Xerces,
 * Saxon or Woodstox on the class path cannot silently replace them with differently configured ones. A setting the
 * implementation refuses is a {@link ConfigurationException}: the SDK never falls back to an unhardened parser.
 */
public final class JaxpHardening {

    static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES =
            "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    private static final String NAMESPACES = "http://xml.org/sax/features/namespaces";
    private static final String EXTENSION_FUNCTIONS =
            "http://www.oracle.com/xml/jaxp/properties/enableExtensionFunctions";

    private static final String WOODSTOX_MAX_ELEMENT_DEPTH = "com.ctc.wstx.maxElementDepth";

    private final XmlLimits limits;
    private final long maxDocumentBytes;
    private final long maxTextLength;
    private final long maxTotalCharacters;
    private final Supplier<? extends XMLInputFactory> staxFactory;
    /**
     * The factory {@link #newDocumentBuilder()} uses, made on first use: making and hardening a factory (a dozen
     * checked settings) cost more than parsing a small document. A factory is not thread-safe, so builders are made
     * from it under this lock; each builder is the caller's own, as before.
     */
    private final Object sharedFactoryLock = new Object();
    private DocumentBuilderFactory sharedFactory;

    /** @param staxFactory the StAX implementation to harden, or {@code null} for the JDK's */
    public JaxpHardening(XmlLimits limits, long maxDocumentBytes, long maxTextLength, long maxTotalCharacters,
                         Supplier<? extends XMLInputFactory> staxFactory) {
        this.limits = limits;
        this.maxDocumentBytes = maxDocumentBytes;
        this.maxTextLength = maxTextLength;
        this.maxTotalCharacters = maxTotalCharacters;
        this.staxFactory = staxFactory;
    }

    /** A fresh, namespace-aware DOM factory that refuses DTDs and loads nothing external. */
    public DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        String component = "DocumentBuilderFactory";
        refuseDoctypeAndExternalEntities(component, factory::setFeature);
        refuseExternalAccessWithLimits(component, factory::setAttribute);
        return factory;
    }

    /** A DOM builder from {@link #documentBuilderFactory()} that reports errors by throwing, never on stderr. */
    public DocumentBuilder newDocumentBuilder() {
        DocumentBuilder builder;
        try {
            synchronized (sharedFactoryLock) {
                if (sharedFactory == null) {
                    sharedFactory = documentBuilderFactory();
                }
                builder = sharedFactory.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new ConfigurationException(XmlError.HARDENING_UNSUPPORTED, e, "newDocumentBuilder",
                    "DocumentBuilderFactory");
        }
        builder.setErrorHandler(StrictErrorHandler.INSTANCE);
        builder.setEntityResolver(RefusingResolver.INSTANCE);
        return builder;
    }

    /** A fresh, namespace-aware SAX factory that refuses DTDs and loads nothing external. */
    public SAXParserFactory saxParserFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        String component = "SAXParserFactory";
        refuseDoctypeAndExternalEntities(component, factory::setFeature);
        return factory;
    }

    /**
     * A SAX parser from {@link #saxParserFactory()} with the access restrictions and limits set; those are parser
     * properties in SAX, the factory cannot carry them.
     */
    public SAXParser newSaxParser() {
        SAXParser parser;
        try {
            parser = saxParserFactory().newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new ConfigurationException(XmlError.HARDENING_UNSUPPORTED, e, "newSAXParser", "SAXParserFactory");
        }
        String component = "SAXParser";
        refuseExternalAccessWithLimits(component, parser::setProperty);
        return parser;
    }

    /** A SAX reader from {@link #newSaxParser()} that reports errors by throwing and resolves no entity. */
    public XMLReader newXmlReader() {
        XMLReader reader;
        try {
            reader = newSaxParser().getXMLReader();
        } catch (SAXException e) {
            throw new ConfigurationException(XmlError.HARDENING_UNSUPPORTED, e, "getXMLReader", "SAXParser");
        }
        apply("XMLReader", NAMESPACES, () -> reader.setFeature(NAMESPACES, true));
        reader.setErrorHandler(StrictErrorHandler.INSTANCE);
        reader.setEntityResolver(RefusingResolver.INSTANCE);
        return reader;
    }

    /**
     * A fresh, namespace-aware StAX factory without DTD support and without external entities, with the limits set
     * in the implementation's own terms: the JDK's {@code jdk.xml.*} properties, or Woodstox's
     * {@code com.ctc.wstx.max*} properties. Any other implementation is refused, since its limits are unknown.
     */
    public XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = staxFactory == null ? XMLInputFactory.newDefaultFactory() : staxFactory.get();
        String component = factory.getClass().getName();
        apply(component, XMLInputFactory.SUPPORT_DTD, () -> factory.setProperty(XMLInputFactory.SUPPORT_DTD, false));
        apply(component, XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, () ->
                factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false));
        apply(component, XMLInputFactory.IS_NAMESPACE_AWARE, () ->
                factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true));
        apply(component, XMLInputFactory.IS_VALIDATING, () ->
                factory.setProperty(XMLInputFactory.IS_VALIDATING, false));
        if (isJdk(factory)) {
            apply(component, XMLConstants.ACCESS_EXTERNAL_DTD, () ->
                    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, ""));
            for (String[] limit : limits.asJdkProperties()) {
                apply(component, limit[0], () -> factory.setProperty(limit[0], limit[1]));
            }
        } else if (factory.isPropertySupported(WOODSTOX_MAX_ELEMENT_DEPTH)) {
            for (Object[] limit : woodstoxLimits()) {
                apply(component, (String) limit[0], () -> factory.setProperty((String) limit[0], limit[1]));
            }
        } else {
            throw new ConfigurationException(XmlError.HARDENING_UNSUPPORTED, null, "processing limits", component);
        }
        factory.setXMLResolver(RefusingResolver.INSTANCE);
        return factory;
    }

    /**
     * Woodstox's equivalents of the JDK limits; text length and total characters are counted by
     * {@link HardenedStreamReader} for every implementation, name lengths too where the implementation has no limit.
     */
    private Object[][] woodstoxLimits() {
        return new Object[][] {
            {WOODSTOX_MAX_ELEMENT_DEPTH, limits.maxElementDepth()},
            {"com.ctc.wstx.maxAttributesPerElement", limits.maxAttributesPerElement()},
            {"com.ctc.wstx.maxAttributeSize", (int) Math.min(Integer.MAX_VALUE, maxTextLength)},
            {"com.ctc.wstx.maxEntityCount", (long) limits.entityExpansionLimit()},
            // parse each event in next(), not when its text is asked for: errors then come from next() with a location
            {"com.ctc.wstx.lazyParsing", false},
        };
    }

    private static boolean isJdk(XMLInputFactory factory) {
        return factory.getClass().getName().startsWith("com.sun.xml.internal.stream.");
    }

    /**
     * A StAX reader over {@code in} that refuses a DOCTYPE with {@link XmlError#DTD_NOT_ALLOWED}, translates parse
     * errors into SDK exceptions and stops after {@code maxDocumentBytes}, at a text node longer than
     * {@code maxTextLength} or after {@code maxTotalCharacters} of text.
     */
    public XMLStreamReader newXmlStreamReader(InputStream in, String systemId) {
        InputStream limited = new SizeLimitedInputStream(in, maxDocumentBytes);
        XMLInputFactory factory = xmlInputFactory();
        try {
            // Characters decoded here: the JDK's reader prints bad bytes to stderr, Woodstox's locates them poorly.
            XMLStreamReader reader = factory.createXMLStreamReader(XmlDecoding.reader(limited));
            return new HardenedStreamReader(reader, systemId, maxTextLength, maxTotalCharacters,
                    isJdk(factory) ? 0 : limits.maxNameLength());
        } catch (XMLStreamException | RuntimeException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
    }

    /** Like {@link #newXmlStreamReader(InputStream, String)} for a character stream. */
    public XMLStreamReader newXmlStreamReader(Reader in, String systemId) {
        Reader limited = new SizeLimitedReader(in, maxDocumentBytes);
        XMLInputFactory factory = xmlInputFactory();
        try {
            return new HardenedStreamReader(factory.createXMLStreamReader(limited), systemId, maxTextLength,
                    maxTotalCharacters, isJdk(factory) ? 0 : limits.maxNameLength());
        } catch (XMLStreamException | RuntimeException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
    }

    /** Wraps {@code in} so that reading beyond {@code maxDocumentBytes} fails. */
    public InputStream limit(InputStream in) {
        return new SizeLimitedInputStream(in, maxDocumentBytes);
    }

    /**
     * A fresh XSLT factory with secure processing (no extension functions), no external DTDs or stylesheets, and a
     * URI resolver that refuses {@code document()}, {@code xsl:include} and {@code xsl:import}.
     */
    public TransformerFactory transformerFactory() {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        String component = "TransformerFactory";
        apply(component, XMLConstants.FEATURE_SECURE_PROCESSING, () ->
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true));
        apply(component, EXTENSION_FUNCTIONS, () -> factory.setFeature(EXTENSION_FUNCTIONS, false));
        apply(component, XMLConstants.ACCESS_EXTERNAL_DTD, () ->
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, ""));
        apply(component, XMLConstants.ACCESS_EXTERNAL_STYLESHEET, () ->
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, ""));
        for (String[] limit : limits.asJdkProperties()) {
            apply(component, limit[0], () -> factory.setAttribute(limit[0], limit[1]));
        }
        factory.setURIResolver(RefusingResolver.INSTANCE);
        factory.setErrorListener(StrictErrorHandler.INSTANCE);
        return factory;
    }

    /**
     * A fresh W3C XML Schema factory that refuses DTDs in schema documents, loads no external schema
     * ({@code xs:import}, {@code xs:include}, {@code xs:redefine} by {@code schemaLocation}) and treats every
     * schema warning as an error, so that a refused import cannot silently leave a schema incomplete.
     */
    public SchemaFactory schemaFactory() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        String component = "SchemaFactory";
        apply(component, XMLConstants.FEATURE_SECURE_PROCESSING, () ->
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true));
        apply(component, DISALLOW_DOCTYPE, () -> factory.setFeature(DISALLOW_DOCTYPE, true));
        refuseExternalAccessWithLimits(component, factory::setProperty);
        factory.setErrorHandler(StrictErrorHandler.INCLUDING_WARNINGS);
        factory.setResourceResolver(RefusingResolver.INSTANCE);
        return factory;
    }

    /**
     * A validator for {@code schema} that does not follow {@code xsi:schemaLocation} hints or DTDs and reports
     * every error by throwing.
     */
    public Validator newValidator(Schema schema) {
        Validator validator = schema.newValidator();
        String component = "Validator";
        apply(component, XMLConstants.ACCESS_EXTERNAL_DTD, () ->
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, ""));
        apply(component, XMLConstants.ACCESS_EXTERNAL_SCHEMA, () ->
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, ""));
        validator.setErrorHandler(StrictErrorHandler.INSTANCE);
        validator.setResourceResolver(RefusingResolver.INSTANCE);
        return validator;
    }

    /**
     * The features every parser factory gets: secure processing, no DOCTYPE, no external general or parameter
     * entities, no external DTD.
     */
    private static void refuseDoctypeAndExternalEntities(String component, NamedSetter<Boolean> feature) {
        apply(component, XMLConstants.FEATURE_SECURE_PROCESSING,
                () -> feature.set(XMLConstants.FEATURE_SECURE_PROCESSING, true));
        apply(component, DISALLOW_DOCTYPE, () -> feature.set(DISALLOW_DOCTYPE, true));
        apply(component, EXTERNAL_GENERAL_ENTITIES, () -> feature.set(EXTERNAL_GENERAL_ENTITIES, false));
        apply(component, EXTERNAL_PARAMETER_ENTITIES, () -> feature.set(EXTERNAL_PARAMETER_ENTITIES, false));
        apply(component, LOAD_EXTERNAL_DTD, () -> feature.set(LOAD_EXTERNAL_DTD, false));
    }

    /** No access to external DTDs or schemas, and the JDK's processing limits, set as attributes or properties. */
    private void refuseExternalAccessWithLimits(String component, NamedSetter<Object> property) {
        apply(component, XMLConstants.ACCESS_EXTERNAL_DTD, () -> property.set(XMLConstants.ACCESS_EXTERNAL_DTD, ""));
        apply(component, XMLConstants.ACCESS_EXTERNAL_SCHEMA,
                () -> property.set(XMLConstants.ACCESS_EXTERNAL_SCHEMA, ""));
        for (String[] limit : limits.asJdkProperties()) {
            apply(component, limit[0], () -> property.set(limit[0], limit[1]));
        }
    }

    /** A JAXP setter by name: {@code setFeature}, {@code setAttribute} or {@code setProperty}. */
    @FunctionalInterface
    private interface NamedSetter<T> {
        void set(String name, T value) throws Exception;
    }

    @FunctionalInterface
    private interface Setting {
        void apply() throws Exception;
    }

    private static void apply(String component, String name, Setting setting) {
        try {
            setting.apply();
        } catch (Exception e) {
            throw new ConfigurationException(XmlError.HARDENING_UNSUPPORTED, e, name, component);
        }
    }
}
