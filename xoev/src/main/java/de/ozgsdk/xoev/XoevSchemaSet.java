package de.ozgsdk.xoev;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.internal.serial.SchemaCompiler;
import de.ozgsdk.xoev.internal.serial.XsdDocument;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.xml.validation.Schema;

/**
 * A set of XML Schemas (XSDs) compiled into one {@link Schema}, against which {@link XoevSerializer} validates: class
 * path resources and XSDs given as text (e.g. a generated Fachdaten XSD), importing each other by namespace. Nothing
 * is loaded from files or URLs: an {@code xs:import} is served from the set itself and fails if no XSD of the set
 * has that namespace. Compiled once; equal sets share one compiled schema in the process.
 *
 * <pre>{@code
 * XoevSchemaSet schemas = XoevSchemaSet.builder()
 *         .add(XoevSchemaSet.basis())                     // meldung.xsd imports urn:ozgsdk:xoev:basis:1.0
 *         .xsd("meldung.xsd", meldungXsd)                 // or .classpathResource("com/example/meldung.xsd")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class XoevSchemaSet {

    /** Namespace of the SDK's building blocks ({@code de.ozgsdk.xoev.types}). */
    public static final String BASIS_NAMESPACE = "urn:ozgsdk:xoev:basis:1.0";
    /** The prefix the SDK writes for {@link #BASIS_NAMESPACE}. */
    public static final String BASIS_PREFIX = "basis";
    /** Class path resource of the building blocks' XSD. */
    public static final String BASIS_RESOURCE = "de/ozgsdk/xoev/schema/ozg-xoev-basis-1.0.xsd";

    private static final XoevSchemaSet BASIS = builder().classpathResource(BASIS_RESOURCE).build();

    private final List<XsdDocument> documents;
    private final Schema schema;

    private XoevSchemaSet(List<XsdDocument> documents, Schema schema) {
        this.documents = List.copyOf(documents);
        this.schema = schema;
    }

    /** The schema of the building blocks ({@code ozg-xoev-basis-1.0.xsd}). */
    public static XoevSchemaSet basis() {
        return BASIS;
    }

    /** Starts an empty set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The compiled schema; thread-safe. */
    public Schema schema() {
        return schema;
    }

    /** The target namespaces of the XSDs in the set ("" for an XSD without target namespace). */
    public Set<String> namespaces() {
        Set<String> namespaces = new LinkedHashSet<>();
        documents.forEach(d -> namespaces.add(d.targetNamespace()));
        return Set.copyOf(namespaces);
    }

    /** The system ids of the XSDs in the set, imported ones first. */
    public List<String> systemIds() {
        return documents.stream().map(XsdDocument::systemId).toList();
    }

    List<XsdDocument> documents() {
        return documents;
    }

    /** Collects the XSDs of a set; each method checks its arguments. */
    public static final class Builder {
        private final List<XsdDocument> documents = new ArrayList<>();
        private SecureXml secureXml = SecureXml.defaults();

        private Builder() {
        }

        /**
         * Adds an XSD from the class path of the SDK's own class loader.
         *
         * @param path resource path without leading slash, e.g. {@value #BASIS_RESOURCE}
         * @throws ConfigurationException with {@link XoevError#SCHEMA_RESOURCE_MISSING} if there is none
         */
        public Builder classpathResource(String path) {
            return classpathResource(XoevSchemaSet.class.getClassLoader(), path);
        }

        /**
         * Adds an XSD from the class path of {@code loader} (e.g. the class loader of the application's own JAXB
         * classes, when the SDK sits in a container's shared library).
         */
        public Builder classpathResource(ClassLoader loader, String path) {
            Objects.requireNonNull(loader, "loader");
            Objects.requireNonNull(path, "path");
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new ConfigurationException(XoevError.SCHEMA_RESOURCE_MISSING, path);
                }
                documents.add(XsdDocument.of(path, in.readAllBytes(), secureXml));
            } catch (IOException e) {
                throw new ConfigurationException(XoevError.SCHEMA_RESOURCE_MISSING, e, path);
            }
            return this;
        }

        /**
         * Adds an XSD given as text.
         *
         * @param systemId names the XSD in messages and for {@code xs:include schemaLocation} (file name); never
         *                 resolved
         * @param xsd      the XSD
         */
        public Builder xsd(String systemId, String xsd) {
            Objects.requireNonNull(systemId, "systemId");
            Objects.requireNonNull(xsd, "xsd");
            documents.add(XsdDocument.of(systemId, xsd, secureXml));
            return this;
        }

        /** Adds an XSD given as bytes (encoding as declared in the XSD, UTF-8 by default). */
        public Builder xsd(String systemId, byte[] xsd) {
            Objects.requireNonNull(systemId, "systemId");
            Objects.requireNonNull(xsd, "xsd");
            documents.add(XsdDocument.of(systemId, xsd, secureXml));
            return this;
        }

        /** Adds all XSDs of another set, e.g. {@link XoevSchemaSet#basis()}. */
        public Builder add(XoevSchemaSet other) {
            Objects.requireNonNull(other, "other");
            for (XsdDocument document : other.documents()) {
                boolean present = documents.stream().anyMatch(d -> d.digest().equals(document.digest()));
                if (!present) {
                    documents.add(document);
                }
            }
            return this;
        }

        /** The hardened XML processing to read and compile the XSDs with; default {@link SecureXml#defaults()}. */
        public Builder secureXml(SecureXml secureXml) {
            this.secureXml = Objects.requireNonNull(secureXml, "secureXml");
            return this;
        }

        /**
         * Compiles the set.
         *
         * @throws de.ozgsdk.core.InvalidInputException with {@link XoevError#SCHEMA_SET_INVALID} (line, column and
         *                                              the schema error) or {@link XoevError#SCHEMA_IMPORT_UNKNOWN}
         * @throws de.ozgsdk.core.ConfigurationException {@link XoevError#SETTING_INVALID} if no XSD was added
         */
        public XoevSchemaSet build() {
            if (documents.isEmpty()) {
                throw new ConfigurationException(XoevError.SETTING_INVALID, "XoevSchemaSet", "XSD",
                        "at least one; add one with classpathResource, xsd or add");
            }
            List<XsdDocument> ordered = SchemaCompiler.ordered(documents);
            return new XoevSchemaSet(ordered, SchemaCompiler.compile(ordered, secureXml));
        }
    }
}
