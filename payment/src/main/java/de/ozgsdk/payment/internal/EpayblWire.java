package de.ozgsdk.payment.internal;

import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SOAP 1.1 wire of classic ePayBL (namespace {@code http://www.bff.bund.de/ePayment}, RPC style as served by
 * {@code …/soap/servlet/rpcrouter}): request envelopes written with StAX, answers read with the hardened DOM parser of
 * core (no DTD, no external entity). Answers are read by local names only, leniently about prefixes and namespaces of
 * the parts, since RPC/encoded servers differ in how they qualify them.
 */
public final class EpayblWire {

    /** The namespace of the ePayment web service. */
    public static final String NAMESPACE = "http://www.bff.bund.de/ePayment";
    /** The SOAP 1.1 envelope namespace. */
    public static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private EpayblWire() {
    }

    /** One part of a request: a simple value, or a structure of parts (a {@code Kunde}, a {@code BuchungsListe}). */
    public sealed interface Part permits Value, Struct {
        /** The element name of the part. */
        String name();
    }

    /** A part with text content. */
    public record Value(String name, String text) implements Part {
    }

    /** A part with child parts. */
    public record Struct(String name, List<Part> parts) implements Part {
        /** Copies the parts. */
        public Struct {
            parts = List.copyOf(parts);
        }
    }

    /** {@code <ep:operation>} with the parts (unqualified, as RPC style has them) in a SOAP 1.1 envelope. */
    public static byte[] request(String operation, List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", SOAP_ENV);
            xml.writeNamespace("soapenv", SOAP_ENV);
            xml.writeNamespace("ep", NAMESPACE);
            xml.writeStartElement("soapenv", "Body", SOAP_ENV);
            xml.writeStartElement("ep", operation, NAMESPACE);
            for (Part part : parts) {
                write(xml, part);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void write(XMLStreamWriter xml, Part part) throws XMLStreamException {
        xml.writeStartElement(part.name());
        if (part instanceof Value value) {
            xml.writeCharacters(value.text());
        } else if (part instanceof Struct struct) {
            for (Part child : struct.parts()) {
                write(xml, child);
            }
        }
        xml.writeEndElement();
    }

    /**
     * The result element of an answer ({@code <return>} below {@code <operationResponse>}).
     *
     * @throws IllegalArgumentException if the body is no SOAP envelope with a response (the message says what is
     *     missing); a SOAP fault is answered as {@link SoapFault}
     */
    public static Answer answer(byte[] body, String operation) {
        Document document = SecureXml.defaults().parse(new ByteArrayInputStream(body), "epaybl-" + operation);
        Element envelope = document.getDocumentElement();
        if (!"Envelope".equals(localName(envelope))) {
            throw new IllegalArgumentException("the answer is no SOAP envelope but <" + localName(envelope) + ">");
        }
        Element soapBody = child(envelope, "Body").orElseThrow(
                () -> new IllegalArgumentException("the SOAP envelope has no Body"));
        Element response = firstChild(soapBody).orElseThrow(
                () -> new IllegalArgumentException("the SOAP Body is empty"));
        if ("Fault".equals(localName(response))) {
            throw new SoapFault(text(response, "faultcode").orElse("?"), text(response, "faultstring").orElse(""));
        }
        Element result = firstChild(response).orElseThrow(
                () -> new IllegalArgumentException("<" + localName(response) + "> has no result element"));
        return new Answer(result);
    }

    /** A SOAP fault answered by the service. */
    public static final class SoapFault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String faultCode;
        private final String faultString;

        SoapFault(String faultCode, String faultString) {
            super(faultCode + ": " + faultString);
            this.faultCode = faultCode;
            this.faultString = faultString;
        }

        /** {@code faultcode}. */
        public String faultCode() {
            return faultCode;
        }

        /** {@code faultstring}. */
        public String faultString() {
            return faultString;
        }
    }

    /** {@code ergebnis{istOk, code, kurzText, langText}} (ePayBL 3.x nests the texts in {@code text}). */
    public record Ergebnis(boolean istOk, String code, String kurzText, String langText) {
    }

    /** The result element of one answer, read by path of local names. */
    public static final class Answer {
        private final Element result;

        Answer(Element result) {
            this.result = result;
        }

        /**
         * The {@code ergebnis} of the answer: the child {@code ergebnis}, or the result itself when it carries
         * {@code istOk} directly (as {@code isAlive} answers).
         *
         * @throws IllegalArgumentException if there is none
         */
        public Ergebnis ergebnis() {
            Element ergebnis = child(result, "ergebnis").orElse(result);
            String istOk = EpayblWire.text(ergebnis, "istOk").orElseThrow(
                    () -> new IllegalArgumentException("the answer has no ergebnis/istOk"));
            Optional<Element> texts = child(ergebnis, "text");
            return new Ergebnis("true".equalsIgnoreCase(istOk.trim()) || "1".equals(istOk.trim()),
                    textOf(ergebnis, texts, "code"), textOf(ergebnis, texts, "kurzText"),
                    textOf(ergebnis, texts, "langText"));
        }

        /** The text at a path of local names below the result (e.g. {@code buchungsListe}, {@code kassenzeichen}). */
        public Optional<String> text(String... path) {
            Element at = result;
            for (int i = 0; i < path.length - 1; i++) {
                Optional<Element> next = child(at, path[i]);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                at = next.get();
            }
            return EpayblWire.text(at, path[path.length - 1]);
        }

        /** The decimal at a path, if present and well-formed. */
        public Optional<BigDecimal> decimal(String... path) {
            return text(path).map(String::trim).flatMap(value -> {
                try {
                    return Optional.of(new BigDecimal(value));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
        }
    }

    private static String textOf(Element ergebnis, Optional<Element> texts, String name) {
        return text(ergebnis, name).or(() -> texts.flatMap(t -> text(t, name))).orElse("");
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(element -> element.getTextContent().trim());
    }

    /** The first child element with local name {@code name}; ePayBL spells some names with varying case. */
    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName(element).toLowerCase(Locale.ROOT)
                    .equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> firstChild(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    }
}
