package de.ozgsdk.xoev.message;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.XoevError;
import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.internal.message.MessageSchemas;
import de.ozgsdk.xoev.internal.message.MessageStaxReader;
import de.ozgsdk.xoev.internal.message.MessageStaxWriter;
import de.ozgsdk.xoev.internal.message.SpoolingSink;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.xml.validation.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads application messages of {@code ozg-antrag-1.0.xsd} in one streaming pass: hardened parsing (no DTD, no
 * external access), schema validation of everything but the attachment content (on by default), strict base64
 * decoding of the content chunk by chunk into a sink or spool file, and the check of each attachment's size and
 * SHA-256. A 200 MB attachment is read with a 64 MB heap.
 *
 * <pre>{@code
 * ApplicationMessageReader reader = ApplicationMessageReader.builder()
 *         .spoolDirectory(inbox)
 *         .build();                                                 // once; thread-safe
 * ReceivedApplication application;
 * try (InputStream in = Files.newInputStream(received)) {
 *     application = reader.read(in, "antrag-4711.xml");  // OZG-XMSG-105 if an attachment's SHA-256 differs
 * }
 * Instant stamped = application.verifyTimestamp(TimestampToken.verifier(List.of(tsaCa)));   // ozg-http
 * FormData formData = formDataXml.read(application.fachdaten());
 * Path scan = application.attachments().get(0).file().orElseThrow();   // spooled, size and SHA-256 checked
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ApplicationMessageReader {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationMessageReader.class);

    private final MessageStaxReader reader;
    private final Path spoolDirectory;

    private ApplicationMessageReader(Builder builder) {
        // Attachment content is one long text node: the hardened reader lets text pass up to the message size, the
        // caller's text-node limit applies to everything else (CheckedStreamReader).
        SecureXml xml = builder.xml.toBuilder().maxDocumentBytes(builder.maxMessageBytes)
                .maxTextLength(builder.maxMessageBytes).maxTotalCharacters(builder.maxMessageBytes).build();
        Schema schema = builder.validate ? MessageSchemas.compile(Optional.ofNullable(builder.fachdatenSchemas))
                : null;
        this.reader = new MessageStaxReader(xml, MessageStaxWriter.newJaxbContext(), schema, builder.maxAttachments,
                builder.maxFachdatenChars, builder.xml.maxTextLength());
        this.spoolDirectory = builder.spoolDirectory;
    }

    /** A reader with the defaults of {@link Builder}. */
    public static ApplicationMessageReader create() {
        return builder().build();
    }

    /** Starts a configuration with the defaults documented on the setters. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a message and spools each attachment into a new file in the spool directory; the files of a message
     * that fails are deleted, those of a message read belong to the caller ({@link ReceivedAttachment#file()}).
     *
     * @param in       the message; not closed
     * @param systemId names the message in errors and logs (never resolved, no personal data)
     * @throws de.ozgsdk.core.InvalidInputException with an {@link MessageError} or
     *                                              {@link de.ozgsdk.core.xml.XmlError} code if the message is bad
     */
    public ReceivedApplication read(InputStream in, String systemId) {
        SpoolingSink sink = new SpoolingSink(spoolDirectory);
        return read(in, systemId, sink, sink::file);
    }

    /**
     * Reads a message and hands the content of each attachment to {@code sink}; on failure the sink is told to
     * discard what it received.
     *
     * @param in       the message; not closed
     * @param systemId names the message in errors and logs (never resolved, no personal data)
     */
    public ReceivedApplication read(InputStream in, String systemId, AttachmentSink sink) {
        Objects.requireNonNull(sink, "sink");
        return read(in, systemId, sink, number -> Optional.empty());
    }

    private ReceivedApplication read(InputStream in, String systemId, AttachmentSink sink,
            IntFunction<Optional<Path>> files) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(systemId, "systemId");
        MessageStaxReader.Result result = reader.read(in, systemId, sink, files);
        LOG.debug("read application message {} ({}) with {} attachments", result.metadata().submissionId(),
                systemId, result.attachments().size());
        return new ReceivedApplication(result.header(), result.metadata(), result.fachdaten(),
                result.attachments());
    }

    /** Configures an {@link ApplicationMessageReader}; every setter checks its argument. */
    public static final class Builder {
        private boolean validate = true;
        private SecureXml xml = SecureXml.defaults();
        private long maxMessageBytes = 1L << 30;
        private int maxAttachments = 100;
        private long maxFachdatenChars = 16L * 1024 * 1024;
        private Path spoolDirectory;
        private XoevSchemaSet fachdatenSchemas;

        private Builder() {
        }

        /** Whether to validate against the schema while reading; default {@code true}. */
        public Builder validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        /**
         * The XSDs of the Fachdaten, so that they are validated strictly; default none (then the Fachdaten are only
         * checked to be one element in a namespace of its own). The set may import the basis schema.
         */
        public Builder fachdatenSchemas(XoevSchemaSet fachdatenSchemas) {
            this.fachdatenSchemas = Objects.requireNonNull(fachdatenSchemas, "fachdatenSchemas");
            return this;
        }

        /**
         * The hardened XML factories and limits (depth, names) to parse with; default {@link SecureXml#defaults()}.
         * Its document size limit is replaced by {@link #maxMessageBytes(long)}; its text-node limit
         * ({@link SecureXml.Builder#maxTextLength(long)}, default 16 Mi characters) applies to every text but the
         * attachment content, which is bounded by the message size only.
         */
        public Builder secureXml(SecureXml xml) {
            this.xml = Objects.requireNonNull(xml, "xml");
            return this;
        }

        /** Largest message read, in bytes, attachments included; default 1 GiB. */
        public Builder maxMessageBytes(long maxMessageBytes) {
            if (maxMessageBytes < 1) {
                throw setting("maxMessageBytes", "at least 1");
            }
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        /** Most attachments in one message; default 100. */
        public Builder maxAttachments(int maxAttachments) {
            if (maxAttachments < 0) {
                throw setting("maxAttachments", "at least 0");
            }
            this.maxAttachments = maxAttachments;
            return this;
        }

        /** Most characters of text and attributes in the Fachdaten, which are held as DOM; default 16 Mi. */
        public Builder maxFachdatenChars(long maxFachdatenChars) {
            if (maxFachdatenChars < 1) {
                throw setting("maxFachdatenChars", "at least 1");
            }
            this.maxFachdatenChars = maxFachdatenChars;
            return this;
        }

        /** Directory for the spool files of {@link #read(InputStream, String)}; default the JDK's temp directory. */
        public Builder spoolDirectory(Path spoolDirectory) {
            if (spoolDirectory == null || !Files.isDirectory(spoolDirectory)) {
                throw setting("spoolDirectory", "an existing directory");
            }
            this.spoolDirectory = spoolDirectory;
            return this;
        }

        private static ConfigurationException setting(String name, String requirement) {
            return new ConfigurationException(XoevError.SETTING_INVALID, "ApplicationMessageReader", name, requirement);
        }

        /** Compiles the schema set (shared in the process with equal sets) unless validation is off. */
        public ApplicationMessageReader build() {
            return new ApplicationMessageReader(this);
        }
    }
}
