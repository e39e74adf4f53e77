package de.ozgsdk.sandbox.epaybl.internal;

import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The mock's side of the ePayBL SOAP 1.1 wire: requests read with core's hardened DOM parser (parts by local name,
 * case-insensitive, since RPC clients qualify and spell them differently), answers written with StAX as
 * {@code <ep:operationResponse><return>…</return></ep:operationResponse>}.
 */
public final class SoapXml {

    /** The ePayment namespace. */
    public static final String NAMESPACE = "http://www.bff.bund.de/ePayment";
    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private SoapXml() {
    }

    /** One SOAP request: the operation (local name of the Body's element) and its parts. */
    public record Call(String operation, Element element) {

        /** The text of a part at a path of local names, trimmed. */
        public Optional<String> text(String... path) {
            Optional<Element> at = Optional.of(element);
            for (String name : path) {
                at = at.flatMap(parent -> child(parent, name));
            }
            return at.map(e -> e.getTextContent().trim());
        }

        /** The child elements of a part (a list such as {@code buchungen}). */
        public List<Call> list(String... path) {
            Optional<Element> at = Optional.of(element);
            for (String name : path) {
                at = at.flatMap(parent -> child(parent, name));
            }
            List<Call> items = new ArrayList<>();
            at.ifPresent(list -> {
                for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
                    if (node instanceof Element item) {
                        items.add(new Call(operation, item));
                    }
                }
            });
            return items;
        }
    }

    /**
     * Reads a request envelope.
     *
     * @throws IllegalArgumentException if it is no SOAP 1.1 envelope with one operation in its Body (the message says
     *     what is wrong); a DTD or malformed XML is refused by core's parser
     */
    public static Call read(byte[] body) {
        Element envelope = SecureXml.defaults().parse(new ByteArrayInputStream(body), "epaybl-request")
                .getDocumentElement();
        if (!"Envelope".equals(localName(envelope)) || !SOAP_ENV.equals(envelope.getNamespaceURI())) {
            throw new IllegalArgumentException("the request is no SOAP 1.1 envelope");
        }
        Element soapBody = child(envelope, "Body").orElseThrow(
                () -> new IllegalArgumentException("the envelope has no Body"));
        Element operation = firstChild(soapBody).orElseThrow(
                () -> new IllegalArgumentException("the Body names no operation"));
        return new Call(localName(operation), operation);
    }

    /** An answer tree: element names to text ({@link String}) or nested maps, written in insertion order. */
    public static Map<String, Object> tree() {
        return new LinkedHashMap<>();
    }

    /** {@code <ep:operationResponse><return>result</return></ep:operationResponse>} in an envelope. */
    public static byte[] response(String operation, Map<String, Object> result) {
        return envelope(xml -> {
            xml.writeStartElement("ep", operation + "Response", NAMESPACE);
            xml.writeStartElement("return");
            writeTree(xml, result);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /** A SOAP 1.1 fault with {@code faultcode} (e.g. {@code soapenv:Server}) and {@code faultstring}. */
    public static byte[] fault(String faultCode, String faultString) {
        return envelope(xml -> {
            xml.writeStartElement("soapenv", "Fault", SOAP_ENV);
            xml.writeStartElement("faultcode");
            xml.writeCharacters(faultCode);
            xml.writeEndElement();
            xml.writeStartElement("faultstring");
            xml.writeCharacters(faultString);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private interface BodyWriter {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] envelope(BodyWriter body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", SOAP_ENV);
            xml.writeNamespace("soapenv", SOAP_ENV);
            xml.writeNamespace("ep", NAMESPACE);
            xml.writeStartElement("soapenv", "Body", SOAP_ENV);
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void writeTree(XMLStreamWriter xml, Map<String, Object> tree) throws XMLStreamException {
        for (Map.Entry<String, Object> entry : tree.entrySet()) {
            xml.writeStartElement(entry.getKey());
            if (entry.getValue() instanceof Map<?, ?> nested) {
                writeTree(xml, (Map<String, Object>) nested);
            } else {
                xml.writeCharacters(String.valueOf(entry.getValue()));
            }
            xml.writeEndElement();
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && localName(element).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
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
