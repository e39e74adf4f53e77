package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.XoevError;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Compiles a set of XSDs into one {@link Schema} with the hardened schema factory of core: the XSDs go in ordered so
 * that each namespace comes before the XSDs importing it, and an {@code xs:import} or {@code xs:include} is resolved
 * from the set's own bytes (by namespace, else by file name), never from a file or URL. Compiled schemas are cached
 * process-wide by the digests of their XSDs.
 *
 * <p>The cache holds no class loader of an application, so it is safe in a container that redeploys web applications
 * (checked by {@code JaxbContextsClassLoaderTest}): its keys are digest strings, and a compiled schema is an object of
 * the JDK's own schema factory ({@code SchemaFactory.newDefaultInstance()}, loaded by the platform), built from the
 * XSDs' bytes; an XSD read from a web application's class path keeps nothing of that class path. The cache lives as
 * long as the SDK's classes and grows by one entry per distinct schema set (a handful per application).
 */
public final class SchemaCompiler {

    private static final Map<List<String>, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaCompiler() {
    }

    /** The schema of these XSDs, compiled on first use. */
    public static Schema compile(List<XsdDocument> documents, SecureXml xml) {
        List<XsdDocument> ordered = ordered(documents);
        List<String> key = ordered.stream().map(XsdDocument::digest).toList();
        Schema cached = SCHEMAS.get(key);
        if (cached != null) {
            return cached;
        }
        Schema schema = newSchema(ordered, xml);
        SCHEMAS.putIfAbsent(key, schema);
        return SCHEMAS.get(key);
    }

    /** Imported namespaces first; fails for an import no XSD of the set provides. */
    public static List<XsdDocument> ordered(List<XsdDocument> documents) {
        Map<String, List<XsdDocument>> byNamespace = new LinkedHashMap<>();
        for (XsdDocument document : documents) {
            byNamespace.computeIfAbsent(document.targetNamespace(), ns -> new ArrayList<>()).add(document);
        }
        for (XsdDocument document : documents) {
            for (String imported : document.imports()) {
                if (!byNamespace.containsKey(imported) && !XMLConstants.XML_NS_URI.equals(imported)) {
                    throw new InvalidInputException(XoevError.SCHEMA_IMPORT_UNKNOWN, document.systemId(), imported);
                }
            }
        }
        List<String> namespaces = new ArrayList<>();
        for (String namespace : byNamespace.keySet()) {
            visit(namespace, byNamespace, namespaces, new ArrayList<>());
        }
        List<XsdDocument> ordered = new ArrayList<>();
        namespaces.forEach(ns -> ordered.addAll(byNamespace.get(ns)));
        return ordered;
    }

    private static void visit(String namespace, Map<String, List<XsdDocument>> byNamespace, List<String> done,
                              List<String> inProgress) {
        if (done.contains(namespace) || inProgress.contains(namespace) || !byNamespace.containsKey(namespace)) {
            // A cycle of imports is legal in XML Schema; the resolver serves whichever comes second.
            return;
        }
        inProgress.add(namespace);
        for (XsdDocument document : byNamespace.get(namespace)) {
            for (String imported : document.imports()) {
                visit(imported, byNamespace, done, inProgress);
            }
        }
        inProgress.remove(namespace);
        done.add(namespace);
    }

    private static Schema newSchema(List<XsdDocument> ordered, SecureXml xml) {
        SchemaFactory factory = xml.schemaFactory();
        factory.setResourceResolver(new SetResolver(ordered));
        Source[] sources = ordered.stream()
                .map(document -> {
                    InputSource input = new InputSource(new ByteArrayInputStream(document.content()));
                    input.setSystemId(document.systemId());
                    // Read through core's hardened reader, which refuses a DOCTYPE on every JDK.
                    return (Source) new SAXSource(xml.newXmlReader(), input);
                })
                .toArray(Source[]::new);
        try {
            return factory.newSchema(sources);
        } catch (SAXParseException e) {
            throw new InvalidInputException(XoevError.SCHEMA_SET_INVALID, e, givenSystemId(ordered, e.getSystemId()),
                    e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        } catch (SAXException e) {
            if (e.getCause() instanceof OzgException sdk) {
                throw sdk;
            }
            throw new InvalidInputException(XoevError.SCHEMA_SET_INVALID, e, "(schema set)", -1, -1, e.getMessage());
        }
    }

    /** The schema factory makes system ids absolute ("file:///cwd/x.xsd"); messages show the caller's name. */
    private static String givenSystemId(List<XsdDocument> documents, String reported) {
        if (reported == null) {
            return "(schema set)";
        }
        return documents.stream()
                .map(XsdDocument::systemId)
                .filter(reported::endsWith)
                .findFirst()
                .orElse(reported);
    }

    /** Hands out the set's own XSDs for {@code xs:import} (by namespace) and {@code xs:include} (by file name). */
    private static final class SetResolver implements LSResourceResolver {
        private final List<XsdDocument> documents;

        SetResolver(List<XsdDocument> documents) {
            this.documents = documents;
        }

        @Override
        public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId,
                                       String baseUri) {
            List<XsdDocument> sameNamespace = documents.stream()
                    .filter(d -> d.targetNamespace().equals(namespaceUri == null ? "" : namespaceUri))
                    .toList();
            if (sameNamespace.size() == 1) {
                return new BytesInput(sameNamespace.get(0));
            }
            String fileName = fileName(systemId);
            return documents.stream()
                    .filter(d -> !fileName.isEmpty() && fileName(d.systemId()).equals(fileName))
                    .findFirst()
                    .<LSInput>map(BytesInput::new)
                    // null: the factory tries to load it itself, which core's hardening refuses with a clear error
                    .orElse(null);
        }

        private static String fileName(String systemId) {
            if (systemId == null) {
                return "";
            }
            return systemId.substring(Math.max(systemId.lastIndexOf('/'), systemId.lastIndexOf('\\')) + 1);
        }
    }

    /** An XSD of the set handed to the schema factory as bytes. */
    private static final class BytesInput implements LSInput {
        private final XsdDocument document;

        BytesInput(XsdDocument document) {
            this.document = document;
        }

        @Override
        public InputStream getByteStream() {
            return new ByteArrayInputStream(document.content());
        }

        @Override
        public String getSystemId() {
            return document.systemId();
        }

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setByteStream(InputStream byteStream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setSystemId(String systemId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String publicId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseUri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
            throw new UnsupportedOperationException();
        }
    }
}
