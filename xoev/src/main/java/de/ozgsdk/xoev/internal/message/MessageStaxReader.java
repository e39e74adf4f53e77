package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.internal.xml.Pool;
import de.ozgsdk.xoev.message.ApplicationMetadata;
import de.ozgsdk.xoev.message.AttachmentSink;
import de.ozgsdk.xoev.message.MessageError;
import de.ozgsdk.xoev.message.Payment;
import de.ozgsdk.xoev.message.ReceivedAttachment;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import org.w3c.dom.DOMException;
import org.w3c.dom.Element;

/**
 * Reads one application message with StAX in a single pass: header and payment code by JAXB, metadata directly,
 * the Fachdaten into a DOM element, and attachment content decoded chunk by chunk into the caller's sink. Every event
 * but the attachment content passes the {@link SchemaCheck} when validation is on; the content is checked by the
 * {@link StrictBase64Decoder} and against the declared size and SHA-256.
 */
public final class MessageStaxReader {

    private final SecureXml xml;
    private final JAXBContext jaxb;
    private final Pool<SchemaCheck> checks;
    private final Pool<Unmarshaller> unmarshallers;
    private final int maxAttachments;
    private final long maxFachdatenChars;
    private final long maxTextLength;

    /** The parts of a message read. */
    public record Result(Nachrichtenkopf header, ApplicationMetadata metadata, Element fachdaten,
            List<ReceivedAttachment> attachments) {
    }


    /**
     * @param schema        the message schema, or {@code null} for no validation
     * @param maxTextLength the most characters of one text node outside attachment content; {@code xml} itself must
     *                      let attachment content pass
     */
    public MessageStaxReader(SecureXml xml, JAXBContext jaxb, Schema schema, int maxAttachments,
            long maxFachdatenChars, long maxTextLength) {
        this.xml = xml;
        this.maxTextLength = maxTextLength;
        this.jaxb = jaxb;
        this.checks = schema == null ? null : new Pool<>(32, () -> new SchemaCheck(schema));
        this.unmarshallers = new Pool<>(32, this::newUnmarshaller);
        this.maxAttachments = maxAttachments;
        this.maxFachdatenChars = maxFachdatenChars;
    }

    /** Reads a message; on any failure every attachment opened in {@code sink} is discarded. */
    public Result read(InputStream in, String systemId, AttachmentSink sink, IntFunction<Optional<Path>> files) {
        Run run = new Run(systemId, sink, files);
        try {
            return run.read(in);
        } catch (RuntimeException e) {
            run.discardAll();
            throw e;
        }
    }

    /** The state of reading one message. */
    private final class Run {
        private final String systemId;
        private final AttachmentSink sink;
        private final IntFunction<Optional<Path>> files;
        private final Deque<String> path = new ArrayDeque<>();
        private final List<Integer> opened = new ArrayList<>();
        private CheckedStreamReader reader;
        private Unmarshaller unmarshaller;

        Run(String systemId, AttachmentSink sink, IntFunction<Optional<Path>> files) {
            this.systemId = systemId;
            this.sink = sink;
            this.files = files;
        }

        Result read(InputStream in) {
            SchemaCheck check = checks == null ? null : checks.take().begin(systemId);
            // The JDK's parser closes its input at the end of the document; the stream belongs to the caller.
            InputStream unclosable = new FilterInputStream(in) {
                @Override
                public void close() {
                }
            };
            reader = new CheckedStreamReader(xml.newXmlStreamReader(unclosable, systemId), check, systemId,
                    maxTextLength);
            unmarshaller = unmarshallers.take();
            try {
                Result result = readDocument();
                unmarshallers.give(unmarshaller);
                if (check != null) {
                    checks.give(check);
                }
                return result;
            } catch (XMLStreamException e) {
                throw translate(e);
            } finally {
                closeQuietly();
            }
        }

        private Result readDocument() throws XMLStreamException {
            expectStart(reader.nextTag(), MessageSchemas.NAMESPACE, MessageSchemas.ROOT);
            expectStart(reader.nextTag(), "", "nachrichtenkopf");
            Nachrichtenkopf header = unmarshal(Nachrichtenkopf.class);
            expectStart(nextTagAfterJaxb(), "", "metadaten");
            ApplicationMetadata metadata = readMetadata();
            Element fachdaten = readFachdaten();
            List<ReceivedAttachment> attachments = List.of();
            int event = reader.nextTag();
            if (event == XMLStreamConstants.START_ELEMENT) {
                expectStart(event, "", "anlagen");
                attachments = readAttachments();
                event = reader.nextTag();
            }
            expectEnd(event, MessageSchemas.ROOT);
            while (reader.next() != XMLStreamConstants.END_DOCUMENT) {
                // trailing comments and white space; the parser refuses anything else
            }
            return new Result(header, metadata, fachdaten, attachments);
        }

        private ApplicationMetadata readMetadata() throws XMLStreamException {
            ApplicationMetadata.Builder metadata = ApplicationMetadata.builder();
            metadata.leikaKey(value("leikaLeistung", LeikaKey::parse));
            metadata.tenant(value("mandant", RegionalKey::parse));
            expectStart(reader.nextTag(), "", "dienst");
            String serviceId = value("kennung", t -> Tokens.check("kennung", "dienst", Tokens.collapse(t)));
            String serviceVersion = value("version", t -> Tokens.check("version", "dienst", Tokens.collapse(t)));
            expectEnd(reader.nextTag(), "dienst");
            metadata.service(serviceId, serviceVersion);
            metadata.submissionId(value("einreichungsID", UUID::fromString));
            metadata.submittedAt(value("einreichungszeitpunkt", t -> OffsetDateTime.parse(t.strip()).toInstant()));
            int event = reader.nextTag();
            if (isStart(event, "zeitstempel")) {
                byte[] token = text(MessageStaxReader::timestampToken);
                metadata.timestampToken(token);
                event = reader.nextTag();
            }
            if (isStart(event, "zahlung")) {
                String kassenzeichen = value("kassenzeichen",
                        t -> Tokens.check("kassenzeichen", "zahlung", Tokens.collapse(t)));
                expectStart(reader.nextTag(), "", "status");
                Code status = unmarshal(Code.class);
                expectEnd(nextTagAfterJaxb(), "zahlung");
                metadata.payment(convert("kassenzeichen", () -> new Payment(kassenzeichen, status)));
                event = reader.nextTag();
            }
            expectStart(event, "", "vertrauensniveau");
            metadata.trustLevel(text(TrustLevels::fromXml));
            event = reader.nextTag();
            if (isStart(event, "postfachReferenz")) {
                metadata.postboxReference(text(t -> Tokens.check("postfachReferenz", "metadaten", Tokens.collapse(t))));
                event = reader.nextTag();
            }
            expectEnd(event, "metadaten");
            return metadata.build();
        }

        private Element readFachdaten() throws XMLStreamException {
            expectStart(reader.nextTag(), "", "fachdaten");
            int event = reader.nextTag();
            if (event != XMLStreamConstants.START_ELEMENT) {
                throw new InvalidInputException(MessageError.FACHDATEN_MISSING, systemId, "fachdaten is empty");
            }
            Element fachdaten;
            try {
                fachdaten = DomFragments.read(reader, documentBuilder(), maxFachdatenChars);
            } catch (DomFragments.LimitExceeded e) {
                throw new InvalidInputException(MessageError.LIMIT_EXCEEDED, e, systemId,
                        "characters in fachdaten", maxFachdatenChars);
            } catch (DOMException e) {
                // the StAX parser lets names through that the namespace rules forbid (e.g. "<:F1>"); DOM does not
                throw new InvalidInputException(MessageError.UNEXPECTED_ELEMENT, e, systemId, line(), column(),
                        "element and attribute names that conform to XML namespaces", "a name they forbid");
            }
            expectEnd(reader.nextTag(), "fachdaten");
            return fachdaten;
        }

        private List<ReceivedAttachment> readAttachments() throws XMLStreamException {
            List<ReceivedAttachment> attachments = new ArrayList<>();
            int event = reader.nextTag();
            while (isStart(event, "anlage")) {
                if (attachments.size() == maxAttachments) {
                    throw new InvalidInputException(MessageError.LIMIT_EXCEEDED, systemId, "attachments",
                            maxAttachments);
                }
                attachments.add(readAttachment(attachments.size() + 1));
                event = reader.nextTag();
            }
            expectEnd(event, "anlagen");
            if (attachments.isEmpty()) {
                throw unexpected("anlage");
            }
            return attachments;
        }

        private ReceivedAttachment readAttachment(int number) throws XMLStreamException {
            String name = value("dateiname", n -> AttachmentNames.check(n, number));
            String mediaType = value("medientyp", String::strip);
            int event = reader.nextTag();
            URI reference = null;
            Base64ContentEncoder.Copied content = null;
            if (isStart(event, "referenz")) {
                reference = text(MessageStaxReader::absoluteUri);
            } else {
                expectStart(event, "", "inhalt");
                content = decodeContent(number, name, mediaType);
            }
            long size = value("groesse", t -> Long.parseLong(t.strip()));
            String sha256 = value("sha256", String::strip);
            expectEnd(reader.nextTag(), "anlage");
            if (content != null) {
                verify(number, size, sha256, content);
            }
            return new ReceivedAttachment(number, name, mediaType, size, sha256, Optional.ofNullable(reference),
                    reference == null ? files.apply(number) : Optional.empty());
        }

        private Base64ContentEncoder.Copied decodeContent(int number, String name, String mediaType)
                throws XMLStreamException {
            OutputStream target = openSink(number, name, mediaType);
            StrictBase64Decoder decoder = new StrictBase64Decoder(target);
            reader.skipText(true);
            try {
                int event = reader.next();
                while (event != XMLStreamConstants.END_ELEMENT) {
                    if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE
                            || event == XMLStreamConstants.CDATA) {
                        decoder.accept(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    } else if (event == XMLStreamConstants.START_ELEMENT) {
                        throw unexpected("base64 text");
                    }
                    event = reader.next();
                }
                Base64ContentEncoder.Copied copied = decoder.finish();
                target.close();
                return copied;
            } catch (StrictBase64Decoder.InvalidBase64 e) {
                closeAfterFailure(target);
                throw new InvalidInputException(MessageError.BASE64_INVALID, e, systemId, number, line(), column(),
                        e.getMessage());
            } catch (StrictBase64Decoder.SinkFailure e) {
                closeAfterFailure(target);
                throw sinkFailure(number, e.getCause());
            } catch (IOException e) {
                throw sinkFailure(number, e);
            } catch (RuntimeException | XMLStreamException e) {
                closeAfterFailure(target);
                throw e;
            } finally {
                reader.skipText(false);
            }
        }

        private static void closeAfterFailure(OutputStream target) {
            try {
                target.close();
            } catch (IOException e) {
                // the first failure is the one to report
            }
        }

        private OutputStream openSink(int number, String name, String mediaType) {
            opened.add(number);
            try {
                return sink.open(number, name, mediaType);
            } catch (IOException e) {
                throw sinkFailure(number, e);
            }
        }

        private ProcessingException sinkFailure(int number, Throwable cause) {
            return new ProcessingException(MessageError.ATTACHMENT_SINK_FAILED, cause, systemId, number,
                    cause.getClass().getSimpleName());
        }

        private void verify(int number, long size, String sha256, Base64ContentEncoder.Copied content) {
            if (content.size() != size) {
                throw new InvalidInputException(MessageError.ATTACHMENT_SIZE_MISMATCH, systemId, number, size,
                        content.size());
            }
            String actual = Digests.hex(content.sha256());
            if (!actual.equals(sha256)) {
                throw new InvalidInputException(MessageError.ATTACHMENT_DIGEST_MISMATCH, systemId, number, sha256,
                        actual);
            }
        }

        void discardAll() {
            for (int number : opened) {
                try {
                    sink.discard(number);
                } catch (IOException | RuntimeException e) {
                    // the failure of the message is the one to report
                }
            }
        }

        // ---- element helpers ---------------------------------------------------------------------------------

        /** Reads the next element, which must be {@code name}, and converts its text. */
        private <T> T value(String name, Function<String, T> parse) throws XMLStreamException {
            expectStart(reader.nextTag(), "", name);
            return text(parse);
        }

        /** Converts the text of the current element; a failing conversion names the element and position. */
        private <T> T text(Function<String, T> parse) throws XMLStreamException {
            Location start = reader.getLocation();
            String element = currentPath();
            String text = reader.getElementText();
            path.removeLast();
            try {
                return parse.apply(text);
            } catch (OzgException e) {
                throw invalidValue(e, start, element, e.code().code());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw invalidValue(e, start, element, e.getClass().getSimpleName());
            }
        }

        private <T> T convert(String element, Supplier<T> build) {
            try {
                return build.get();
            } catch (OzgException e) {
                throw invalidValue(e, reader.getLocation(), element, e.code().code());
            } catch (IllegalArgumentException e) {
                throw invalidValue(e, reader.getLocation(), element, e.getClass().getSimpleName());
            }
        }

        private InvalidInputException invalidValue(Exception e, Location at, String element, String detail) {
            return new InvalidInputException(MessageError.VALUE_INVALID, e, systemId,
                    SchemaCheck.number(at.getLineNumber()), SchemaCheck.number(at.getColumnNumber()), element,
                    detail);
        }

        private <T> T unmarshal(Class<T> type) {
            String element = currentPath();
            try {
                T value = unmarshaller.unmarshal(reader, type).getValue();
                path.removeLast();
                return value;
            } catch (JAXBException e) {
                throw jaxbFailure(e, element);
            }
        }

        private OzgException jaxbFailure(JAXBException e, String element) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof OzgException ozg) {
                    return ozg;
                }
            }
            return invalidValue(e, reader.getLocation(), element, "JAXB " + e.getClass().getSimpleName());
        }

        /** JAXB leaves the reader on the event after the end tag it read. */
        private int nextTagAfterJaxb() throws XMLStreamException {
            int event = reader.getEventType();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
            return reader.nextTag();
        }

        private boolean isStart(int event, String localName) {
            boolean match = event == XMLStreamConstants.START_ELEMENT && localName.equals(reader.getLocalName())
                    && emptyNamespace();
            if (match) {
                path.addLast(localName);
            }
            return match;
        }

        private boolean emptyNamespace() {
            String uri = reader.getNamespaceURI();
            return uri == null || uri.isEmpty();
        }

        private void expectStart(int event, String namespace, String localName) {
            String uri = reader.getEventType() == XMLStreamConstants.START_ELEMENT ? reader.getNamespaceURI() : null;
            boolean match = event == XMLStreamConstants.START_ELEMENT && localName.equals(reader.getLocalName())
                    && namespace.equals(uri == null ? "" : uri);
            if (!match) {
                throw unexpected(localName);
            }
            path.addLast(localName);
        }

        private void expectEnd(int event, String localName) {
            if (event != XMLStreamConstants.END_ELEMENT || !localName.equals(reader.getLocalName())) {
                throw unexpected("end of " + localName);
            }
            path.removeLast();
        }

        private InvalidInputException unexpected(String expected) {
            int event = reader.getEventType();
            String found = event == XMLStreamConstants.START_ELEMENT ? "element " + reader.getLocalName()
                    : event == XMLStreamConstants.END_ELEMENT ? "end of " + reader.getLocalName()
                    : "event " + event;
            return new InvalidInputException(MessageError.UNEXPECTED_ELEMENT, systemId, line(), column(), expected,
                    found);
        }

        private String currentPath() {
            return "/" + String.join("/", path);
        }

        private String line() {
            return SchemaCheck.number(reader.getLocation().getLineNumber());
        }

        private String column() {
            return SchemaCheck.number(reader.getLocation().getColumnNumber());
        }

        private RuntimeException translate(XMLStreamException e) {
            if (e.getNestedException() instanceof OzgException ozg) {
                return ozg;
            }
            return new InvalidInputException(MessageError.UNEXPECTED_ELEMENT, e, systemId, line(), column(),
                    "well-formed content", e.getClass().getSimpleName());
        }

        private void closeQuietly() {
            try {
                reader.close();
            } catch (XMLStreamException | RuntimeException e) {
                // nothing to report: the input stream belongs to the caller
            }
        }

        private DocumentBuilder documentBuilder() {
            return xml.newDocumentBuilder();
        }
    }

    private Unmarshaller newUnmarshaller() {
        try {
            Unmarshaller result = xml.unmarshaller(jaxb);
            result.setEventHandler(event -> false);
            return result;
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB cannot create an unmarshaller", e);
        }
    }

    private static byte[] timestampToken(String text) {
        byte[] der = Base64.getMimeDecoder().decode(text.strip());
        if (der.length == 0 || der.length > 65_536) {
            throw new IllegalArgumentException("token of " + der.length + " bytes");
        }
        return der;
    }

    private static URI absoluteUri(String text) {
        try {
            URI uri = new URI(text.strip());
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("relative URI");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed URI", e);
        }
    }
}
