package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.xoev.internal.xml.NamespaceBinding;
import de.ozgsdk.xoev.internal.xml.SaxReportingReader;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.xml.sax.Attributes;

/**
 * A StAX reader that reports every event its consumers pull (the reader itself, JAXB, the DOM builder of the
 * Fachdaten) to a {@link SchemaCheck}, except the text of elements whose content the reader decodes itself
 * ({@link #skipText(boolean)}), so that a 270 MB base64 text node is never handed to the schema validator.
 */
public final class CheckedStreamReader extends SaxReportingReader {

    private final SchemaCheck check;
    private boolean skipText;

    /** @param check receives the events, or {@code null} when validation is off */
    public CheckedStreamReader(XMLStreamReader reader, SchemaCheck check) {
        super(reader);
        this.check = check;
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
