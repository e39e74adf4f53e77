package de.ozgsdk.xoev.message;

import de.ozgsdk.xoev.internal.message.FragmentDigests;
import de.ozgsdk.xoev.internal.message.SubmissionDigests;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An application message to write ({@code <antrag:antrag.einreichung.0001>} of {@code ozg-antrag-1.0.xsd}): the
 * Nachrichtenkopf, the {@link ApplicationMetadata}, the Fachdaten as an {@link XmlFragment} and the attachments.
 * Attachment content is not held: each {@link AttachmentSource} opens it when the message is written.
 *
 * <p>To have the submission time-stamped, compute {@link #submissionDigest()}, have a TSA stamp it and write the
 * message with the token in its metadata:
 *
 * <pre>{@code
 * ApplicationMessage message = ApplicationMessage.builder()
 *         .header(nachrichtenkopf)
 *         .metadata(metadata)
 *         .fachdaten(out -> formDataXml.write(formData, out))
 *         .addAttachment(AttachmentSource.ofFile(upload, "application/pdf"))
 *         .build();
 * TimestampToken token = timestampClient.stampDigest(message.submissionDigest());   // RFC 3161, SHA-256
 * ApplicationMessage stamped = message.withMetadata(
 *         message.metadata().toBuilder().timestampToken(token.encoded()).build());
 * }</pre>
 */
public final class ApplicationMessage {

    private final Nachrichtenkopf header;
    private final ApplicationMetadata metadata;
    private final XmlFragment fachdaten;
    private final List<AttachmentSource> attachments;

    private ApplicationMessage(Nachrichtenkopf header, ApplicationMetadata metadata, XmlFragment fachdaten,
            List<AttachmentSource> attachments) {
        this.header = header;
        this.metadata = metadata;
        this.fachdaten = fachdaten;
        this.attachments = List.copyOf(attachments);
    }

    /** Starts a message; header, metadata and Fachdaten are required, attachments optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** The same message with other metadata, e.g. with the time-stamp token added. */
    public ApplicationMessage withMetadata(ApplicationMetadata metadata) {
        return new ApplicationMessage(header, Objects.requireNonNull(metadata, "metadata"), fachdaten, attachments);
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

    /** Builds an {@link ApplicationMessage}. */
    public static final class Builder {
        private Nachrichtenkopf header;
        private ApplicationMetadata metadata;
        private XmlFragment fachdaten;
        private final List<AttachmentSource> attachments = new ArrayList<>();

        private Builder() {
        }

        /** Required. */
        public Builder header(Nachrichtenkopf header) {
            this.header = Objects.requireNonNull(header, "header");
            return this;
        }

        /** Required. */
        public Builder metadata(ApplicationMetadata metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /** Required: writes exactly one element in a namespace of its own. */
        public Builder fachdaten(XmlFragment fachdaten) {
            this.fachdaten = Objects.requireNonNull(fachdaten, "fachdaten");
            return this;
        }

        /** Adds an attachment after those added before; default none. */
        public Builder addAttachment(AttachmentSource attachment) {
            attachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /** @throws IllegalStateException if header, metadata or Fachdaten are missing */
        public ApplicationMessage build() {
            if (header == null || metadata == null || fachdaten == null) {
                throw new IllegalStateException("header, metadata and fachdaten are required");
            }
            return new ApplicationMessage(header, metadata, fachdaten, attachments);
        }
    }
}
