package de.ozgsdk.xoev.message;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.forms.Submission;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.fim.FormDataXml;
import de.ozgsdk.xoev.internal.message.FragmentDigests;
import de.ozgsdk.xoev.internal.message.SubmissionDigests;
import de.ozgsdk.xoev.internal.serial.Arguments;
import de.ozgsdk.xoev.types.Behoerde;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Codeliste;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An application message to write ({@code <antrag:antrag.einreichung.0001>} of {@code ozg-antrag-1.0.xsd}): the
 * Nachrichtenkopf, the {@link ApplicationMetadata}, the Fachdaten as an {@link XmlFragment} and the attachments.
 * Attachment content is not held: each {@link AttachmentSource} opens it when the message is written.
 *
 * <p>In the common case you give sender and recipient, metadata, Fachdaten and attachments; the builder makes the
 * Nachrichtenkopf with a new {@code nachrichtenUUID}, the message type {@link #NACHRICHTENTYP}, the time from its
 * clock and {@link #PRODUKT} (see {@link Builder#build()}). For full control give a {@link Nachrichtenkopf} with
 * {@link Builder#header(Nachrichtenkopf)} instead.
 *
 * <pre>{@code
 * ApplicationMessage message = ApplicationMessage.builder()
 *         .sender(Behoerde.dvdv("ozg-portal").withName("Kommunalportal NRW"))
 *         .recipient(Behoerde.dvdv("05315000").withName("Stadt Köln, Bürgeramt"))
 *         .metadata(metadata)
 *         .fachdaten(out -> formDataXml.write(formData, out))
 *         .addAttachment(AttachmentSource.ofFile(upload, "application/pdf"))
 *         .build();
 * }</pre>
 *
 * <p>To have the submission time-stamped, compute {@link #submissionDigest()}, have a TSA stamp it and write the
 * message with the token in its metadata:
 *
 * <pre>{@code
 * TimestampToken token = timestampClient.stampDigest(message.submissionDigest());   // RFC 3161, SHA-256
 * ApplicationMessage stamped = message.withMetadata(
 *         message.metadata().toBuilder().timestampToken(token.encoded()).build());
 * }</pre>
 */
public final class ApplicationMessage {

    /**
     * The message type of the application message ({@code <nachrichtentyp>}): {@code antrag.einreichung.0001} of
     * {@link Codeliste#NACHRICHTENTYP}, the name of the message's root element.
     */
    public static final Code NACHRICHTENTYP = Codeliste.NACHRICHTENTYP.code("antrag.einreichung.0001");

    /** The {@code <produkt>} the builder writes into the header it makes: {@value}. */
    public static final String PRODUKT = "OZG SDK";

    private static final String OWNER = "ApplicationMessage";

    private final Nachrichtenkopf header;
    private final ApplicationMetadata metadata;
    private final XmlFragment fachdaten;
    private final List<AttachmentSource> attachments;
    private final XoevSchemaSet fachdatenSchema;

    private ApplicationMessage(Nachrichtenkopf header, ApplicationMetadata metadata, XmlFragment fachdaten,
            List<AttachmentSource> attachments, XoevSchemaSet fachdatenSchema) {
        this.header = header;
        this.metadata = metadata;
        this.fachdaten = fachdaten;
        this.attachments = List.copyOf(attachments);
        this.fachdatenSchema = fachdatenSchema;
    }

    /**
     * Starts a message: sender and recipient (or a whole header), metadata and Fachdaten are required, attachments
     * optional.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The same message with other metadata, e.g. with the time-stamp token added. */
    public ApplicationMessage withMetadata(ApplicationMetadata metadata) {
        return new ApplicationMessage(header, Arguments.present(metadata, "metadata", OWNER), fachdaten,
                attachments, fachdatenSchema);
    }

    /** The Nachrichtenkopf ({@code <nachrichtenkopf>}). */
    public Nachrichtenkopf header() {
        return header;
    }

    /** The metadata of the submission ({@code <metadaten>}). */
    public ApplicationMetadata metadata() {
        return metadata;
    }

    /** Writes the Fachdaten element inside {@code <fachdaten>}. */
    public XmlFragment fachdaten() {
        return fachdaten;
    }

    /**
     * The schema of the Fachdaten when the message was built from FIM form data ({@link Builder#fachdaten(Submission)}
     * or {@link Builder#fachdaten(FormDataXml, FormData)}): {@link ApplicationMessageWriter} validates the Fachdaten
     * against it without being configured.
     */
    public Optional<XoevSchemaSet> fachdatenSchema() {
        return Optional.ofNullable(fachdatenSchema);
    }

    /** The attachments in message order ({@code <anlagen>}); unmodifiable, empty when there are none. */
    public List<AttachmentSource> attachments() {
        return attachments;
    }

    /**
     * The SHA-256 digest an RFC 3161 time-stamp of this submission covers (the "Einreichungsnachweis", see
     * MESSAGE.md): submission id and time, Leistungsschlüssel, tenant, service and version, the canonical digest of
     * the Fachdaten and name, size and SHA-256 of every attachment. It reads every attachment once (not the ones
     * given by reference); a receiver recomputes it with {@link ReceivedApplication#submissionDigest()}.
     *
     * @throws de.ozgsdk.core.InvalidInputException {@link MessageError#FACHDATEN_MISSING} if the Fachdaten fragment
     *                                              does not write one element
     * @throws de.ozgsdk.core.ProcessingException   {@link MessageError#ATTACHMENT_SOURCE_FAILED} if an attachment
     *                                              cannot be read
     */
    public byte[] submissionDigest() {
        String id = metadata.submissionId().toString();
        List<SubmissionDigests.Attachment> digests = new ArrayList<>(attachments.size());
        for (int i = 0; i < attachments.size(); i++) {
            digests.add(FragmentDigests.attachment(attachments.get(i), i + 1, id));
        }
        return SubmissionDigests.of(metadata, FragmentDigests.fachdatenSha256(fachdaten, id), digests);
    }

    @Override
    public String toString() {
        return "ApplicationMessage[" + metadata + ", attachments=" + attachments.size() + "]";
    }

    /** Builds an {@link ApplicationMessage}; every setter checks its argument. */
    public static final class Builder {
        private Nachrichtenkopf header;
        private Behoerde sender;
        private Behoerde recipient;
        private Clock clock;
        private ApplicationMetadata metadata;
        private XmlFragment fachdaten;
        private XoevSchemaSet fachdatenSchema;
        private final List<AttachmentSource> attachments = new ArrayList<>();

        private Builder() {
        }

        /**
         * The portal or authority that sends the message ({@code <autor>} of the header the builder makes); required
         * unless a whole {@link #header} is given.
         */
        public Builder sender(Behoerde sender) {
            this.sender = Arguments.present(sender, "sender", OWNER);
            return this;
        }

        /**
         * The authority the application is for ({@code <leser>} of the header the builder makes); required unless a
         * whole {@link #header} is given.
         */
        public Builder recipient(Behoerde recipient) {
            this.recipient = Arguments.present(recipient, "recipient", OWNER);
            return this;
        }

        /**
         * The clock for the {@code <erstellungszeitpunkt>} of the header the builder makes; default
         * {@link Clock#systemUTC()}.
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.present(clock, "clock", OWNER);
            return this;
        }

        /**
         * The whole Nachrichtenkopf, for full control (another message id, a reference, other product data); default
         * the header the builder makes from sender and recipient. Excludes {@link #sender}, {@link #recipient} and
         * {@link #clock}.
         */
        public Builder header(Nachrichtenkopf header) {
            this.header = Arguments.present(header, "header", OWNER);
            return this;
        }

        /** Required. */
        public Builder metadata(ApplicationMetadata metadata) {
            this.metadata = Arguments.present(metadata, "metadata", OWNER);
            return this;
        }

        /** Required: writes exactly one element in a namespace of its own. */
        public Builder fachdaten(XmlFragment fachdaten) {
            this.fachdaten = Arguments.present(fachdaten, "fachdaten", OWNER);
            this.fachdatenSchema = null;
            return this;
        }

        /**
         * The Fachdaten from FIM form data: {@code data} written by {@code xml}, whose generated XSD goes with the
         * message, so the writer validates the Fachdaten strictly without further configuration.
         */
        public Builder fachdaten(FormDataXml xml, FormData data) {
            FormDataXml writer = Arguments.present(xml, "fachdaten", OWNER);
            FormData written = Arguments.present(data, "fachdaten", OWNER);
            this.fachdaten = out -> writer.write(written, out);
            this.fachdatenSchema = writer.xsd().schemaSet();
            return this;
        }

        /**
         * The Fachdaten of a validated submission of a FIM form (hidden answers already dropped), as XML of the form's
         * generated XSD ({@link FormDataXml#of(de.ozgsdk.forms.FimForm)}), which goes with the message.
         */
        public Builder fachdaten(Submission submission) {
            Submission given = Arguments.present(submission, "fachdaten", OWNER);
            return fachdaten(FormDataXml.of(given.form()), given.data());
        }

        /** Adds an attachment after those added before; default none. */
        public Builder addAttachment(AttachmentSource attachment) {
            attachments.add(Arguments.present(attachment, "attachment", OWNER));
            return this;
        }

        /**
         * The message. Without a {@link #header}, its Nachrichtenkopf is: a random {@code nachrichtenUUID},
         * {@code nachrichtentyp} {@link #NACHRICHTENTYP}, {@code erstellungszeitpunkt} now by the clock (UTC),
         * {@code autor} the sender, {@code leser} the recipient, {@code produkt} {@link #PRODUKT}.
         *
         * @throws de.ozgsdk.core.InvalidInputException {@code OZG-XOEV-111} naming a missing part;
         *         {@link MessageError#HEADER_GIVEN_TWICE} if both a header and sender, recipient or clock are given;
         *         the {@link Nachrichtenkopf.Builder#build()} errors for the header made
         */
        public ApplicationMessage build() {
            if (header != null && (sender != null || recipient != null || clock != null)) {
                throw new InvalidInputException(MessageError.HEADER_GIVEN_TWICE);
            }
            Nachrichtenkopf kopf = header != null ? header : defaultHeader();
            Arguments.present(metadata, "metadata", OWNER);
            Arguments.present(fachdaten, "fachdaten", OWNER);
            return new ApplicationMessage(kopf, metadata, fachdaten, attachments, fachdatenSchema);
        }

        private Nachrichtenkopf defaultHeader() {
            Arguments.present(sender, "sender", OWNER);
            Arguments.present(recipient, "recipient", OWNER);
            return Nachrichtenkopf.builder()
                    .nachrichtenUUID(UUID.randomUUID())
                    .nachrichtentyp(NACHRICHTENTYP)
                    .erstellungszeitpunkt(OffsetDateTime.now(clock != null ? clock : Clock.systemUTC()))
                    .autor(sender)
                    .leser(recipient)
                    .produkt(PRODUKT)
                    .build();
        }
    }
}
