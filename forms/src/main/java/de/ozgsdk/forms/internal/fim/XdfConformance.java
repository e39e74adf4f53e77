package de.ozgsdk.forms.internal.fim;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.FimError;
import de.ozgsdk.forms.XdfVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.TypeInfoProvider;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.TypeInfo;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks an XDatenfelder message against the official XSD of its version (bundled under
 * {@code de/ozgsdk/forms/xsd/}) while the importer streams it: the importer's StAX events go to a JDK schema
 * validator as SAX events, so the file is parsed once. Every deviation the XSD finds is collected as a
 * {@link Deviation}; the importer decides whether it is an error (strict) or a warning (lenient).
 *
 * <p>The one exception to "the JDK validator decides" is the pattern of XÖV {@code String.Latin}, the type of nearly
 * every text: the JDK's regular expression engine needs about twice as long as parsing the whole file to match it,
 * so the bundled schema is compiled without that facet and {@link StringLatin} checks every element whose type is or
 * derives from String.Latin (the validator says which) in one pass over its characters, with the same result.
 *
 * <p>One instance per import; not thread-safe. The compiled schemas are shared and thread-safe.
 */
final class XdfConformance {

    private static final String RESOURCES = "/de/ozgsdk/forms/xsd/";
    private static final Map<XdfVersion, Schema> SCHEMAS = new EnumMap<>(XdfVersion.class);
    private static final Pattern RULE = Pattern.compile("^(cvc-[A-Za-z0-9.-]+):");
    private static final Pattern EXPECTED = Pattern.compile("\"[^\"]*\":([A-Za-z0-9_.-]+)");
    private static final Pattern NAME_LIST = Pattern.compile("\\{[^{}]*\":[^{}]*}");
    private static final int MAX_VALUE_CHARS = 80;
    private static final Set<String> SUMMARIES = Set.of("cvc-type.3.1.3", "cvc-attribute.3", "cvc-elt.5.2.1",
            "cvc-complex-type.2.2");

    /** One finding of the XSD validator: its rule ({@code cvc-pattern-valid}), kind and the names it concerns. */
    record Deviation(FimError code, String rule, List<String> expected, String value) {
    }

    private final ValidatorHandler validator;
    private final XMLStreamReader reader;
    private final List<Deviation> found = new ArrayList<>(2);
    private final AttributesImpl attributes = new AttributesImpl();
    private final StringBuilder text = new StringBuilder();

    private XdfConformance(Schema schema, XMLStreamReader reader) {
        this.reader = reader;
        this.validator = schema.newValidatorHandler();
        refuseExternalAccess(validator);
        validator.setErrorHandler(new Collector());
        validator.setContentHandler(new LatinCheck(validator.getTypeInfoProvider()));
        validator.setDocumentLocator(new StreamLocator(reader));
    }

    /** Starts checking at the root element the reader is positioned at (its start is passed on at once). */
    static XdfConformance start(XdfVersion version, XMLStreamReader reader) {
        XdfConformance conformance = new XdfConformance(schema(version), reader);
        try {
            conformance.validator.startDocument();
        } catch (SAXException e) {
            throw new IllegalStateException("schema validator refused to start", e);
        }
        conformance.startElement();
        return conformance;
    }

    /** Passes on the start element the reader is at, with its namespace declarations and attributes. */
    void startElement() {
        text.setLength(0);
        try {
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                validator.startPrefixMapping(nonNull(reader.getNamespacePrefix(i)), nonNull(reader.getNamespaceURI(i)));
            }
            attributes.clear();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                String prefix = nonNull(reader.getAttributePrefix(i));
                String local = reader.getAttributeLocalName(i);
                attributes.addAttribute(nonNull(reader.getAttributeNamespace(i)), local,
                        prefix.isEmpty() ? local : prefix + ":" + local, "CDATA", reader.getAttributeValue(i));
            }
            String prefix = nonNull(reader.getPrefix());
            String local = reader.getLocalName();
            validator.startElement(nonNull(reader.getNamespaceURI()), local,
                    prefix.isEmpty() ? local : prefix + ":" + local, attributes);
        } catch (SAXException e) {
            found(e);
        }
    }

    /** Passes on the characters the reader is at. */
    void characters() {
        int length = reader.getTextLength();
        if (text.length() < MAX_VALUE_CHARS + 1) {
            text.append(reader.getTextCharacters(), reader.getTextStart(),
                    Math.min(length, MAX_VALUE_CHARS + 1 - text.length()));
        }
        try {
            validator.characters(reader.getTextCharacters(), reader.getTextStart(), length);
        } catch (SAXException e) {
            found(e);
        }
    }

    /** Passes on the end element the reader is at. */
    void endElement() {
        try {
            String prefix = nonNull(reader.getPrefix());
            String local = reader.getLocalName();
            validator.endElement(nonNull(reader.getNamespaceURI()), local,
                    prefix.isEmpty() ? local : prefix + ":" + local);
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                validator.endPrefixMapping(nonNull(reader.getNamespacePrefix(i)));
            }
        } catch (SAXException e) {
            found(e);
        }
        text.setLength(0);
    }

    /** The deviations found since the last call, oldest first; the list is emptied. */
    List<Deviation> drain() {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Deviation> result = List.copyOf(found);
        found.clear();
        return result;
    }

    /** Whether there are deviations to {@link #drain()}. */
    boolean hasDeviations() {
        return !found.isEmpty();
    }

    private void found(SAXException e) {
        String message = String.valueOf(e.getMessage());
        Matcher rule = RULE.matcher(message);
        String key = rule.find() ? rule.group(1) : "xsd";
        if (SUMMARIES.contains(key) && !found.isEmpty()) {
            // the validator repeats a facet or datatype finding of the same value as "value not valid"
            return;
        }
        found.add(new Deviation(kind(key), key, expected(key, message), value()));
    }

    /**
     * The local names of the elements the validator expected, from the last {@code {"ns":name, ...}} list of its
     * message: the message text depends on the JVM locale, these lists do not. Only 2.4.a (after the list naming
     * the unexpected element) and 2.4.b carry one.
     */
    private static List<String> expected(String rule, String message) {
        List<String> lists = new ArrayList<>();
        Matcher list = NAME_LIST.matcher(message);
        while (list.find()) {
            lists.add(list.group());
        }
        int needed = "cvc-complex-type.2.4.a".equals(rule) ? 2 : "cvc-complex-type.2.4.b".equals(rule) ? 1 : 0;
        if (needed == 0 || lists.size() < needed) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Matcher name = EXPECTED.matcher(lists.get(lists.size() - 1));
        while (name.find()) {
            names.add(name.group(1));
        }
        return List.copyOf(names);
    }

    private String value() {
        String value = text.toString().strip();
        return value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value;
    }

    /** Where an element is not allowed, where one is missing, or a value or attribute that breaks its type. */
    private static FimError kind(String rule) {
        return switch (rule) {
            case "cvc-complex-type.2.4.a", "cvc-complex-type.2.4.c", "cvc-complex-type.2.4.d",
                    "cvc-complex-type.2.4.e", "cvc-complex-type.2.4.f", "cvc-complex-type.2.1",
                    "cvc-complex-type.2.3", "cvc-type.3.1.2", "cvc-elt.1.a", "cvc-elt.1" ->
                    FimError.XSD_ELEMENT_UNEXPECTED;
            case "cvc-complex-type.2.4.b" -> FimError.XSD_ELEMENT_MISSING;
            default -> FimError.XSD_VALUE_INVALID;
        };
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    // ---- schemas ---------------------------------------------------------------------------------------------------

    /** The compiled official XSD of the version, compiled on first use (about 100 ms) and shared. */
    static Schema schema(XdfVersion version) {
        synchronized (SCHEMAS) {
            return SCHEMAS.computeIfAbsent(version, XdfConformance::compile);
        }
    }

    /** The class-path folder of a version's XSD set. */
    static String folder(XdfVersion version) {
        return RESOURCES + (version == XdfVersion.XDF2 ? "xdatenfelder-2.0/" : "xdatenfelder-3.0.0/");
    }

    private static Schema compile(XdfVersion version) {
        String folder = folder(version);
        // String.Latin's pattern is checked by StringLatin, see the class comment
        SchemaFactory factory = SecureXml.defaults().schemaFactory();
        factory.setResourceResolver(new FolderResolver(folder));
        try (InputStream main = open(folder + "xdatenfelder.xsd")) {
            return factory.newSchema(new StreamSource(main, folder + "xdatenfelder.xsd"));
        } catch (SAXException | IOException | UncheckedIOException e) {
            throw new ConfigurationException(FimError.XSD_UNAVAILABLE, e, folder, String.valueOf(e.getMessage()));
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = XdfConformance.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return in;
    }

    private static void refuseExternalAccess(ValidatorHandler validator) {
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK schema validator lacks the JAXP access properties", e);
        }
    }

    /** Serves the includes and imports of the bundled XSD set from its own class-path folder, nothing else. */
    private static final class FolderResolver implements LSResourceResolver {
        private final String folder;

        FolderResolver(String folder) {
            this.folder = folder;
        }

        @Override
        public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId,
                                       String baseUri) {
            String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            if (!name.matches("[A-Za-z0-9_.-]+\\.xsd")) {
                throw new UncheckedIOException(new IOException("refused schema location " + systemId));
            }
            try (InputStream in = open(folder + name)) {
                byte[] content = in.readAllBytes();
                if (name.equals("latinchars.xsd")) {
                    content = StringLatin.withoutPattern(content);
                }
                return new ResourceInput(new ByteArrayInputStream(content), folder + name, publicId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class ResourceInput implements LSInput {
        private final InputStream in;
        private final String systemId;
        private final String publicId;

        ResourceInput(InputStream in, String systemId, String publicId) {
            this.in = in;
            this.systemId = systemId;
            this.publicId = publicId;
        }

        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader characterStream) { }
        @Override public InputStream getByteStream() { return in; }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseUri) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }

    /**
     * Receives the validated events with their XSD types and checks the text of every String.Latin element; the
     * finding is the one the pattern facet would give ({@code cvc-pattern-valid}).
     */
    private final class LatinCheck extends DefaultHandler {
        private final TypeInfoProvider types;
        /** The JDK validator hands out one type object per type of the schema: cache the answer per object. */
        private final Map<TypeInfo, Boolean> latinTypes = new IdentityHashMap<>();
        private final StringBuilder content = new StringBuilder();
        private boolean[] latin = new boolean[32];
        private int depth;

        LatinCheck(TypeInfoProvider types) {
            this.types = types;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (depth == latin.length) {
                latin = Arrays.copyOf(latin, depth * 2);
            }
            latin[depth++] = isLatin(types.getElementTypeInfo());
            content.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (depth > 0 && latin[depth - 1]) {
                content.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (latin[--depth] && !StringLatin.matches(content)) {
                found.add(new Deviation(FimError.XSD_VALUE_INVALID, "cvc-pattern-valid", List.of(), value()));
            }
            content.setLength(0);
        }

        private boolean isLatin(TypeInfo type) {
            if (type == null) {
                return false;
            }
            Boolean latin = latinTypes.get(type);
            if (latin == null) {
                latin = derivesFromLatin(type);
                latinTypes.put(type, latin);
            }
            return latin;
        }

        private boolean derivesFromLatin(TypeInfo type) {
            return StringLatin.NAMESPACE.equals(type.getTypeNamespace()) && "String.Latin".equals(type.getTypeName())
                    || type.isDerivedFrom(StringLatin.NAMESPACE, "String.Latin",
                    TypeInfo.DERIVATION_RESTRICTION | TypeInfo.DERIVATION_EXTENSION);
        }
    }

    /** Collects errors instead of throwing, so that the validator goes on and the importer decides. */
    private final class Collector implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) {
            // XSD warnings are not deviations
        }

        @Override
        public void error(SAXParseException exception) {
            found(exception);
        }

        @Override
        public void fatalError(SAXParseException exception) {
            found(exception);
        }
    }

    /** Line and column of the StAX reader, for the validator's own bookkeeping. */
    private record StreamLocator(XMLStreamReader reader) implements Locator {
        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public String getSystemId() {
            return null;
        }

        @Override
        public int getLineNumber() {
            Location at = reader.getLocation();
            return at == null ? -1 : at.getLineNumber();
        }

        @Override
        public int getColumnNumber() {
            Location at = reader.getLocation();
            return at == null ? -1 : at.getColumnNumber();
        }
    }
}
