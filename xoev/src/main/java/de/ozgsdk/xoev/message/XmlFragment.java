package de.ozgsdk.xoev.message;

import de.ozgsdk.xoev.internal.message.DomFragments;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;

/**
 * One XML element with its subtree that writes itself into a message, such as the Fachdaten inside
 * {@code <antrag:fachdaten>}. It must write exactly one element in a namespace of its own (declaring the namespaces
 * it uses), and nothing else; it is called once per write, possibly more than once per message (e.g. for
 * {@link ApplicationMessage#submissionDigest()}), and must write the same each time.
 *
 * <pre>{@code
 * XmlFragment fachdaten = out -> {
 *     out.writeStartElement("f", "antrag", "urn:ozgsdk:fim:S00000001");
 *     out.writeNamespace("f", "urn:ozgsdk:fim:S00000001");
 *     out.writeStartElement("f", "F00000042", "urn:ozgsdk:fim:S00000001");
 *     out.writeCharacters("Musterstraße 1");
 *     out.writeEndElement();
 *     out.writeEndElement();
 * };
 * }</pre>
 */
@FunctionalInterface
public interface XmlFragment {

    /** Writes the element; {@code out} refuses a document start or end and ends of elements it did not start. */
    void writeTo(XMLStreamWriter out) throws XMLStreamException;

    /** A fragment that writes a copy of {@code element} (taken now) with the namespace declarations it needs. */
    static XmlFragment of(Element element) {
        Objects.requireNonNull(element, "element");
        Element copy = (Element) element.cloneNode(true);
        return out -> DomFragments.write(copy, out);
    }
}
