package de.ozgsdk.xoev.message;

import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.internal.message.MessageSchemas;
import de.ozgsdk.xoev.internal.message.MessageStaxWriter;
import jakarta.xml.bind.JAXBContext;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import javax.xml.validation.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link ApplicationMessage}s as XML of {@code ozg-antrag-1.0.xsd} (UTF-8), streaming attachment content as
 * base64 in one pass with constant memory (a 200 MB attachment is written with a 64 MB heap), and validating
 * everything but the attachment content against the schema while writing (on by default).
 *
 * <pre>{@code
 * ApplicationMessageWriter writer = ApplicationMessageWriter.builder()
 *         .fachdatenSchemas(formDataXml.xsd().schemaSet())   // optional: also validates the Fachdaten strictly
 *         .build();                                          // once; thread-safe
 * try (OutputStream out = Files.newOutputStream(target)) {
 *     writer.write(message, out);                        // InvalidInputException OZG-XMSG-101 if not valid
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ApplicationMessageWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationMessageWriter.class);

    private final JAXBContext jaxb;
    private final MessageStaxWriter writer;
    private final boolean validate;
    private final boolean configuredFachdatenSchemas;
    // Writers for the Fachdaten schemas that messages bring along (FIM form data); weak keys, since a schema set
    // belongs to a form that an application may drop, and one writer per form is what keeps validation fast.
    private final Map<XoevSchemaSet, MessageStaxWriter> byFachdatenSchema =
            Collections.synchronizedMap(new WeakHashMap<>());

    private ApplicationMessageWriter(Builder builder) {
        Schema schema = builder.validate ? MessageSchemas.compile(Optional.ofNullable(builder.fachdatenSchemas))
                : null;
        this.jaxb = MessageStaxWriter.newJaxbContext();
        this.writer = new MessageStaxWriter(jaxb, schema);
        this.validate = builder.validate;
        this.configuredFachdatenSchemas = builder.fachdatenSchemas != null;
    }

    /** A writer that validates against the message schema without Fachdaten schemas. */
    public static ApplicationMessageWriter create() {
        return builder().build();
    }

    /** Starts a configuration: validation on, no Fachdaten schema. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes {@code message} to {@code out} (flushed, not closed). Each attachment source is opened once.
     *
     * @throws de.ozgsdk.core.InvalidInputException {@link MessageError#NOT_SCHEMA_VALID} or
     *                                              {@link MessageError#FACHDATEN_MISSING}: the message is wrong
     * @throws de.ozgsdk.core.ProcessingException   {@link MessageError#WRITE_FAILED} or
     *                                              {@link MessageError#ATTACHMENT_SOURCE_FAILED}: I/O failed
     */
    public void write(ApplicationMessage message, OutputStream out) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(out, "out");
        writerFor(message).write(message, out);
        LOG.debug("wrote application message {} with {} attachments (validated: {})",
                message.metadata().submissionId(), message.attachments().size(), validate);
    }

    private MessageStaxWriter writerFor(ApplicationMessage message) {
        if (!validate || configuredFachdatenSchemas || message.fachdatenSchema().isEmpty()) {
            return writer;
        }
        return byFachdatenSchema.computeIfAbsent(message.fachdatenSchema().get(),
                set -> new MessageStaxWriter(jaxb, MessageSchemas.compile(Optional.of(set))));
    }

    /** Configures an {@link ApplicationMessageWriter}. */
    public static final class Builder {
        private boolean validate = true;
        private XoevSchemaSet fachdatenSchemas;

        private Builder() {
        }

        /**
         * Whether to validate the message against the schema while writing; default {@code true}. Attachment content
         * is never passed to the validator (the writer produces it as base64 itself).
         */
        public Builder validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        /**
         * The XSDs of the Fachdaten, so that they are validated strictly; default none: then the Fachdaten of a message
         * built from FIM form data are validated against the schema the message brings
         * ({@link ApplicationMessage#fachdatenSchema()}), other Fachdaten are only checked to be one element in a
         * namespace of its own. Given here, this set is used for every message. The set may import the basis schema.
         */
        public Builder fachdatenSchemas(XoevSchemaSet fachdatenSchemas) {
            this.fachdatenSchemas = Objects.requireNonNull(fachdatenSchemas, "fachdatenSchemas");
            return this;
        }

        /**
         * Compiles the schema set (shared in the process with equal sets) unless validation is off.
         */
        public ApplicationMessageWriter build() {
            return new ApplicationMessageWriter(this);
        }
    }
}
