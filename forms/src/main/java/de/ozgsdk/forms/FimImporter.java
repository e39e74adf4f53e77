package de.ozgsdk.forms;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.forms.internal.fim.XdfParser;
import de.ozgsdk.forms.internal.fim.XdfScanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports XDatenfelder 2.0 and 3.0 messages (Stammdatenschema, Datenfeldgruppe, Datenfeld) into a {@link FormSchema},
 * streaming and with a hardened XML parser. Create once, use from any thread.
 *
 * <pre>{@code
 * FimImporter importer = FimImporter.builder()
 *         .lenient(true)                                         // keep working copies usable, collect warnings
 *         .codeLists(registry.availability())                    // report missing code lists at load
 *         .build();
 * FormSchema schema = importer.importSchema(fim.resolve("xdf2/S00000009_xdatenfelder.xml"));
 * schema.warnings().forEach(w -> log.warn("{}", w));
 * Field field = schema.field("F00000152").orElseThrow();
 * }</pre>
 *
 * <p><b>Strict is the default</b>, here, in {@link FimForm} and in every {@code ozg fim} command (which take
 * {@code --lenient}): a schema that the command line accepts without {@code --lenient} imports in Java without
 * {@code lenient(true)}, and the other way round. Strict mode accepts exactly what the official XDatenfelder XSD of
 * the file's version (2.0 or 3.0.0, bundled with the SDK) accepts: the file is checked against it while it is
 * streamed, and the first deviation (element order, a repeated single element, an unknown element, a character
 * outside String.Latin, a code outside an enumerated list, ...) fails with a {@link FimImportException}
 * ({@code OZG-FIM-122..124}) saying where. Lenient mode reports each deviation as one of {@link FormSchema#warnings()}
 * and goes on. With a code list registry given to
 * {@link Builder#codeLists}, a missing code list is an error in strict mode too. Both modes fail on what leaves no
 * usable model: unknown namespace, missing id, unknown Feldart or Datentyp, malformed Multiplizität, malformed XML, a
 * DTD. Both modes only warn about what XSD-valid files may contain (ids of working copies, a redefined id,
 * descriptions in place of patterns, unreadable XDatenfelder 2 Präzisierung strings, groups without children).
 *
 * <p>UTF-8 documents (every FIM export) are read by the importer's own scanner, other encodings by core's hardened
 * StAX reader; both refuse DTDs, know no external entities and keep the limits of the {@link SecureXml} given to
 * {@link Builder#xml}, with the same results.
 */
public final class FimImporter {

    private static final Logger LOG = LoggerFactory.getLogger(FimImporter.class);
    private static final String WOODSTOX = "com.ctc.wstx.stax.WstxInputFactory";
    /** Enough for a byte order mark and any XML declaration the scanner reads. */
    private static final int PROLOG_BYTES = 1024;

    /**
     * Core's defaults with limits that fit XDatenfelder: real exports are below 1 MB with texts below 1,000
     * characters, so a larger file or text is refused while it streams rather than risking the heap.
     */
    private static final SecureXml FIM_XML = woodstoxIfPresent(SecureXml.defaults().toBuilder())
            .maxTextLength(1024 * 1024)
            .maxTotalCharacters(32L * 1024 * 1024)
            .maxDocumentBytes(32L * 1024 * 1024)
            .build();

    private final boolean lenient;
    private final CodeListAvailability codeLists;
    private final int maxDepth;
    private final int maxElements;
    private final SecureXml xml;
    private final boolean scanner;

    private FimImporter(Builder builder) {
        this.lenient = builder.lenient;
        this.codeLists = builder.codeLists;
        this.maxDepth = builder.maxDepth;
        this.maxElements = builder.maxElements;
        this.xml = builder.xml;
        this.scanner = builder.scanner;
    }

    /**
     * Reads with Woodstox (hardened by core like the JDK's parser, which takes about twice as long for the same file)
     * when the application has {@code com.fasterxml.woodstox:woodstox-core} on its class path; forms declares it
     * optional, so that it never replaces the StAX implementation of an application that did not choose it.
     */
    private static SecureXml.Builder woodstoxIfPresent(SecureXml.Builder builder) {
        Class<?> woodstox;
        try {
            woodstox = Class.forName(WOODSTOX, false, FimImporter.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("Woodstox not on the class path; the FIM import reads with the JDK's StAX");
            return builder;
        }
        return builder.staxFactory(() -> {
            try {
                return (XMLInputFactory) woodstox.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + WOODSTOX, e);
            }
        });
    }

    /** Starts a strict importer without code list check. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether this importer reports deviations from the official XSD as warnings instead of failing. */
    public boolean isLenient() {
        return lenient;
    }

    /** A builder seeded with this importer's settings. */
    public Builder newBuilder() {
        return new Builder().lenient(lenient).codeLists(codeLists).maxDepth(maxDepth).maxElements(maxElements)
                .xml(xml).scanner(scanner);
    }

    /** Imports a file; its file name is the source name in messages. */
    public FormSchema importSchema(Path file) {
        Objects.requireNonNull(file, "file");
        String sourceName = Optional.ofNullable(file.getFileName()).map(Path::toString).orElse(file.toString());
        try (InputStream in = Files.newInputStream(file)) {
            return importSchema(in, sourceName);
        } catch (IOException e) {
            throw new FimImportException(FimError.READ_FAILED, new ImportLocation(sourceName, 0, 0, "/",
                    Optional.empty()), e, e.getClass().getSimpleName());
        }
    }

    /**
     * Imports a message from a stream (not closed).
     *
     * @param sourceName names the input in messages and warnings, e.g. the file name (never personal data)
     * @throws FimImportException when the input is not an importable XDatenfelder message; the exception says where
     */
    public FormSchema importSchema(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        try {
            return importFrom(openReader(in, sourceName), sourceName);
        } catch (UncheckedIOException e) {
            throw new FimImportException(FimError.READ_FAILED, new ImportLocation(sourceName, 0, 0, "/",
                    Optional.empty()), e, e.getClass().getSimpleName());
        }
    }

    private FormSchema importFrom(XMLStreamReader reader, String sourceName) {
        try {
            FormSchema schema = new XdfParser(reader, sourceName,
                    new XdfParser.Options(lenient, codeLists, maxDepth, maxElements)).parse();
            LOG.debug("imported {} {} from {}: {} fields, {} groups, {} warnings", schema.xdfVersion(), schema.id(),
                    sourceName, schema.fields().size(), schema.groups().size(), schema.warnings().size());
            return schema;
        } finally {
            closeQuietly(reader);
        }
    }

    /**
     * The one place where the reader is created: the SDK's own scanner for UTF-8 XML 1.0 documents (every real FIM
     * export), core's hardened StAX reader for the rest; both refuse DTDs and external entities and keep the limits.
     */
    private XMLStreamReader openReader(InputStream in, String sourceName) {
        try {
            if (!scanner) {
                return xml.newXmlStreamReader(in, sourceName);
            }
            byte[] prolog = in.readNBytes(PROLOG_BYTES);
            if (XdfScanner.handles(prolog, prolog.length)) {
                return XdfScanner.open(in, prolog, prolog.length, sourceName, xml);
            }
            return xml.newXmlStreamReader(new SequenceInputStream(new ByteArrayInputStream(prolog), in), sourceName);
        } catch (InvalidInputException e) {
            throw XdfParser.translate(e, new ImportLocation(sourceName, 0, 0, "/", Optional.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            LOG.debug("closing the XML reader failed", e);
        }
    }

    /** Configures a {@link FimImporter}; every setter checks its argument. */
    public static final class Builder {
        private boolean lenient;
        private CodeListAvailability codeLists = CodeListAvailability.NO_CHECK;
        private int maxDepth = 64;
        private int maxElements = 100_000;
        private SecureXml xml = FIM_XML;
        private boolean scanner = true;

        private Builder() {
        }

        /**
         * Lenient mode reports deviations from the official XSD as warnings and goes on instead of failing. Default:
         * false (strict: the file must be valid against the XSD), the default of the {@code ozg fim} commands too
         * ({@code --lenient} there).
         */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** Which code lists are available. Default: {@link CodeListAvailability#NO_CHECK}. */
        public Builder codeLists(CodeListAvailability codeLists) {
            this.codeLists = Objects.requireNonNull(codeLists, "codeLists");
            return this;
        }

        /** Maximum nesting depth of XML elements, 8..10,000. Default: 64 (real schemas need about 25). */
        public Builder maxDepth(int maxDepth) {
            if (maxDepth < 8 || maxDepth > 10_000) {
                throw new InvalidInputException(FimError.MODEL_VALUE_INVALID, "maxDepth", maxDepth);
            }
            this.maxDepth = maxDepth;
            return this;
        }

        /** Maximum number of Datenfeld and Datenfeldgruppe occurrences, at least 1. Default: 100,000. */
        public Builder maxElements(int maxElements) {
            if (maxElements < 1) {
                throw new InvalidInputException(FimError.MODEL_VALUE_INVALID, "maxElements", maxElements);
            }
            this.maxElements = maxElements;
            return this;
        }

        /**
         * The hardened XML processing and its limits, checked while the file streams. Default: {@link SecureXml}
         * defaults, but with files up to 32 MiB ({@link SecureXml.Builder#maxDocumentBytes(long)}), text nodes up to
         * 1 Mi characters ({@link SecureXml.Builder#maxTextLength(long)}) and 32 Mi characters of text in all
         * ({@link SecureXml.Builder#maxTotalCharacters(long)}); real exports stay far below (the largest known is
         * 0.6 MB with texts below 1,000 characters). A file beyond a limit fails with {@link FimError#LIMIT_EXCEEDED}.
         */
        public Builder xml(SecureXml xml) {
            this.xml = Objects.requireNonNull(xml, "xml");
            return this;
        }

        /**
         * Whether UTF-8 documents are read by the SDK's own scanner (default) or, like other encodings, by core's
         * StAX reader; for the tests that hold the two paths against each other.
         */
        Builder scanner(boolean scanner) {
            this.scanner = scanner;
            return this;
        }

        public FimImporter build() {
            return new FimImporter(this);
        }
    }
}
