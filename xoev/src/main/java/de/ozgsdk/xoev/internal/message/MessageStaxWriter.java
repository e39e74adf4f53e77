package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.xoev.internal.xml.Pool;
import de.ozgsdk.xoev.message.ApplicationMessage;
import de.ozgsdk.xoev.message.ApplicationMetadata;
import de.ozgsdk.xoev.message.AttachmentSource;
import de.ozgsdk.xoev.message.MessageError;
import de.ozgsdk.xoev.message.Payment;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.validation.Schema;

/**
 * Writes one application message with StAX: header and payment code marshalled by JAXB as fragments, metadata
 * written directly, the caller's Fachdaten fragment, and attachment content streamed as base64 straight into the
 * byte stream. Everything but the attachment content passes the {@link SchemaCheck} when validation is on.
 */
public final class MessageStaxWriter {

    private static final String NS = MessageSchemas.NAMESPACE;
    private static final int BUFFER = 64 * 1024;

    private static final int POOL = 32;

    private final JAXBContext jaxb;
    private final Pool<SchemaCheck> checks;
    private final Pool<Marshaller> marshallers;

    /** @param schema the message schema to validate against, or {@code null} for no validation */
    public MessageStaxWriter(JAXBContext jaxb, Schema schema) {
        this.jaxb = jaxb;
        this.checks = schema == null ? null : new Pool<>(POOL, () -> new SchemaCheck(schema));
        this.marshallers = new Pool<>(POOL, this::marshaller);
    }

    /** Context for the JAXB types the message embeds. */
    public static JAXBContext newJaxbContext() {
        try {
            return JAXBContext.newInstance(Nachrichtenkopf.class, Code.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB cannot bind the basis types", e);
        }
    }

    /** Writes {@code message} to {@code out}, which is flushed, not closed. */
    public List<SubmissionDigests.Attachment> write(ApplicationMessage message, OutputStream out) {
        String id = message.metadata().submissionId().toString();
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffered, "UTF-8");
            SchemaCheck check = checks == null ? null : checks.take().begin(id);
            Marshaller marshaller = marshallers.take();
            CheckedStreamWriter writer = new CheckedStreamWriter(xml, check);
            List<SubmissionDigests.Attachment> attachments = writeDocument(message, writer, buffered, id, marshaller);
            writer.flush();
            buffered.flush();
            marshallers.give(marshaller);
            if (check != null) {
                checks.give(check);
            }
            return attachments;
        } catch (XMLStreamException | IOException e) {
            throw failure(e, id);
        }
    }

    private List<SubmissionDigests.Attachment> writeDocument(ApplicationMessage message, CheckedStreamWriter writer,
            OutputStream raw, String id, Marshaller marshaller) throws XMLStreamException, IOException {
        writer.writeStartDocument("UTF-8", "1.0");
        writer.writeStartElement("antrag", MessageSchemas.ROOT, NS);
        writer.writeNamespace("antrag", NS);
        marshal(marshaller, "nachrichtenkopf", Nachrichtenkopf.class, message.header(), writer);
        writeMetadata(message.metadata(), writer, marshaller);
        writeFachdaten(message, writer, id);
        List<SubmissionDigests.Attachment> written = List.of();
        if (!message.attachments().isEmpty()) {
            writer.writeStartElement("anlagen");
            written = new AttachmentWriting(writer, raw, id).writeAll(message.attachments());
            writer.writeEndElement();
        }
        writer.writeEndElement();
        writer.writeEndDocument();
        return written;
    }

    private void writeMetadata(ApplicationMetadata metadata, CheckedStreamWriter writer, Marshaller marshaller)
            throws XMLStreamException {
        writer.writeStartElement("metadaten");
        text(writer, "leikaLeistung", metadata.leikaKey().value());
        text(writer, "mandant", metadata.tenant().value());
        writer.writeStartElement("dienst");
        text(writer, "kennung", metadata.serviceId());
        text(writer, "version", metadata.serviceVersion());
        writer.writeEndElement();
        text(writer, "einreichungsID", metadata.submissionId().toString());
        text(writer, "einreichungszeitpunkt", DateTimeFormatter.ISO_INSTANT.format(metadata.submittedAt()));
        if (metadata.timestampToken().isPresent()) {
            text(writer, "zeitstempel", Base64.getEncoder().encodeToString(metadata.timestampToken().get()));
        }
        if (metadata.payment().isPresent()) {
            Payment payment = metadata.payment().get();
            writer.writeStartElement("zahlung");
            text(writer, "kassenzeichen", payment.kassenzeichen());
            marshal(marshaller, "status", Code.class, payment.status(), writer);
            writer.writeEndElement();
        }
        text(writer, "vertrauensniveau", TrustLevels.toXml(metadata.trustLevel()));
        if (metadata.postboxReference().isPresent()) {
            text(writer, "postfachReferenz", metadata.postboxReference().get());
        }
        writer.writeEndElement();
    }

    private static void writeFachdaten(ApplicationMessage message, CheckedStreamWriter writer, String id)
            throws XMLStreamException {
        writer.writeStartElement("fachdaten");
        writer.beginFragment();
        try {
            message.fachdaten().writeTo(writer);
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw new XMLStreamException(io);
            }
            throw new InvalidInputException(MessageError.FACHDATEN_MISSING, e, id,
                    "the fragment failed: " + e.getClass().getSimpleName());
        }
        writer.endFragment(id);
        writer.writeEndElement();
    }

    static void text(XMLStreamWriter writer, String name, String value) throws XMLStreamException {
        writer.writeStartElement(name);
        writer.writeCharacters(value);
        writer.writeEndElement();
    }

    private Marshaller marshaller() {
        try {
            Marshaller marshaller = jaxb.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            return marshaller;
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB cannot create a marshaller", e);
        }
    }

    private static <T> void marshal(Marshaller marshaller, String name, Class<T> type, T value,
            XMLStreamWriter writer) throws XMLStreamException {
        try {
            marshaller.marshal(new JAXBElement<>(new QName("", name), type, value), writer);
        } catch (JAXBException e) {
            OzgException ours = ozgCause(e);
            if (ours != null) {
                throw ours;
            }
            throw new XMLStreamException("JAXB failed to write " + name, e);
        }
    }

    private static OzgException ozgCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OzgException ozg) {
                return ozg;
            }
        }
        return null;
    }

    private static OzgException failure(Exception e, String id) {
        OzgException ours = ozgCause(e);
        if (ours != null) {
            return ours;
        }
        return new ProcessingException(MessageError.WRITE_FAILED, e, id, e.getClass().getSimpleName());
    }

    /** Writes the {@code anlage} elements, streaming inline content. */
    private static final class AttachmentWriting {
        private final CheckedStreamWriter writer;
        private final OutputStream raw;
        private final String id;
        private final Base64ContentEncoder encoder = new Base64ContentEncoder();

        AttachmentWriting(CheckedStreamWriter writer, OutputStream raw, String id) {
            this.writer = writer;
            this.raw = raw;
            this.id = id;
        }

        List<SubmissionDigests.Attachment> writeAll(List<AttachmentSource> attachments)
                throws XMLStreamException, IOException {
            List<SubmissionDigests.Attachment> written = new ArrayList<>(attachments.size());
            int number = 0;
            for (AttachmentSource attachment : attachments) {
                number++;
                written.add(write(attachment, number));
            }
            return written;
        }

        private SubmissionDigests.Attachment write(AttachmentSource attachment, int number)
                throws XMLStreamException, IOException {
            writer.writeStartElement("anlage");
            text(writer, "dateiname", attachment.name());
            text(writer, "medientyp", attachment.mediaType());
            long size;
            String sha256;
            if (attachment.reference().isPresent()) {
                text(writer, "referenz", attachment.reference().get().toASCIIString());
                size = attachment.size().orElseThrow();
                sha256 = attachment.sha256().orElseThrow();
            } else {
                Base64ContentEncoder.Copied copied = inline(attachment, number);
                size = copied.size();
                sha256 = Digests.hex(copied.sha256());
            }
            text(writer, "groesse", Long.toString(size));
            text(writer, "sha256", sha256);
            writer.writeEndElement();
            return new SubmissionDigests.Attachment(attachment.name(), size, sha256);
        }

        private Base64ContentEncoder.Copied inline(AttachmentSource attachment, int number)
                throws XMLStreamException, IOException {
            writer.writeStartElement("inhalt");
            writer.closeStartTag();
            writer.flush();
            InputStream in;
            try {
                in = attachment.content().orElseThrow().open();
            } catch (IOException e) {
                throw sourceFailure(e, number);
            }
            Base64ContentEncoder.Copied copied;
            try {
                copied = encoder.copy(in, raw);
            } catch (Base64ContentEncoder.SourceFailure e) {
                closeAfterFailure(in);
                throw sourceFailure(e.getCause(), number);
            } catch (IOException e) {
                closeAfterFailure(in);
                throw e;
            }
            try {
                in.close();
            } catch (IOException e) {
                throw sourceFailure(e, number);
            }
            writer.writeEndElement();
            return copied;
        }

        private static void closeAfterFailure(InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                // the first failure is the one to report
            }
        }

        private ProcessingException sourceFailure(Throwable cause, int number) {
            return new ProcessingException(MessageError.ATTACHMENT_SOURCE_FAILED, cause, id, number,
                    cause.getClass().getSimpleName());
        }
    }
}
