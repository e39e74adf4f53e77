package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.xoev.internal.xml.NamespaceBinding;
import de.ozgsdk.xoev.internal.xml.SaxReportingReader;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.XmlError;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xml.sax.Attributes;

/**
 * A StAX reader that reports every event its consumers pull (the reader itself, JAXB, the DOM builder of the
 * Fachdaten) to a {@link SchemaCheck}, except the text of elements whose content the reader decodes itself
 * ({@link #skipText(boolean)}), so that a 270 MB base64 text node is never handed to the schema validator.
 *
 * <p>It also applies the text-node limit to all other text: the hardened reader below must let attachment content of
 * any length pass, so it cannot apply the caller's {@link de.ozgsdk.core.xml.SecureXml.Builder#maxTextLength(long)}
 * itself.
 */
public final class CheckedStreamReader extends SaxReportingReader {

    private final SchemaCheck check;
    private final String systemId;
    private final long maxTextLength;
    private boolean skipText;
    private long textRun;

    /**
     * @param check         receives the events, or {@code null} when validation is off
     * @param maxTextLength the most characters of one text node outside attachment content
     */
    public CheckedStreamReader(XMLStreamReader reader, SchemaCheck check, String systemId, long maxTextLength) {
        super(reader);
        this.check = check;
        this.systemId = systemId;
        this.maxTextLength = maxTextLength;
        if (check != null) {
            check.locator(this);
            check.startDocument();
        }
    }

    /** While on, character events are not reported to the schema check (the caller checks that content itself). */
    public void skipText(boolean skip) {
        this.skipText = skip;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                textRun += skipText ? 0 : getTextLength();
                if (textRun > maxTextLength) {
                    Location at = getLocation();
                    throw new InvalidInputException(XmlError.TEXT_TOO_LONG, systemId, position(at.getLineNumber()),
                            position(at.getColumnNumber()), maxTextLength);
                }
            }
            case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> textRun = 0;
            default -> {
                // comments and processing instructions neither end nor extend a text run
            }
        }
        return event;
    }

    private static String position(int number) {
        return number > 0 ? Integer.toString(number) : "?";
    }

    @Override
    protected boolean reporting() {
        return check != null;
    }

    @Override
    protected void startElement(String uri, String localName, String qName, Attributes attributes,
            List<NamespaceBinding> bindings) {
        check.startElement(uri, localName, qName, attributes, bindings);
    }

    @Override
    protected void endElement(String uri, String localName, String qName, List<NamespaceBinding> bindings) {
        check.endElement(uri, localName, qName, bindings);
    }

    @Override
    protected void characters(char[] text, int start, int length) {
        if (!skipText) {
            check.characters(text, start, length);
        }
    }

    @Override
    protected void endDocument() {
        check.endDocument();
    }
}
