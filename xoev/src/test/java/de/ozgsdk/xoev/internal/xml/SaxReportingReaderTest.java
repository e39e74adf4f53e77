package de.ozgsdk.xoev.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;

class SaxReportingReaderTest {

    private static final String DOCUMENT =
            "<a:root xmlns:a=\"urn:a\" xmlns=\"urn:d\" a:x=\"1\"><child>t<!--c-->u</child></a:root>";

    /** Records the events in a compact text form. */
    private static final class Recording extends SaxReportingReader {
        private final List<String> events = new ArrayList<>();

        Recording(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        protected void startElement(String uri, String localName, String qName, Attributes attributes,
                List<NamespaceBinding> bindings) {
            StringBuilder text = new StringBuilder("start {" + uri + "}" + localName + " " + qName + " " + bindings);
            for (int i = 0; i < attributes.getLength(); i++) {
                text.append(" @{").append(attributes.getURI(i)).append('}').append(attributes.getQName(i))
                        .append('=').append(attributes.getValue(i));
            }
            events.add(text.toString());
        }

        @Override
        protected void endElement(String uri, String localName, String qName, List<NamespaceBinding> bindings) {
            events.add("end " + qName + " " + bindings);
        }

        @Override
        protected void characters(char[] text, int start, int length) {
            events.add("text " + new String(text, start, length));
        }

        @Override
        protected void endDocument() {
            events.add("end document");
        }
    }

    private static Recording reader() {
        return new Recording(SecureXml.defaults().newXmlStreamReader(
                new ByteArrayInputStream(DOCUMENT.getBytes(StandardCharsets.UTF_8)), "test.xml"));
    }

    @Test
    void reportsElementsWithTheirNamespaceBindingsAndQualifiedAttributes() throws XMLStreamException {
        Recording reader = reader();
        while (reader.hasNext()) {
            reader.next();
        }
        assertThat(reader.events).containsExactly(
                "start {urn:a}root a:root [NamespaceBinding[prefix=a, uri=urn:a], NamespaceBinding[prefix=, uri=urn:d]]"
                        + " @{urn:a}a:x=1",
                "start {urn:d}child child []",
                "text t",
                "text u",
                "end child []",
                "end a:root [NamespaceBinding[prefix=a, uri=urn:a], NamespaceBinding[prefix=, uri=urn:d]]",
                "end document");
    }

    @Test
    void elementTextAndNextTagPassThroughTheReport() throws XMLStreamException {
        Recording reader = reader();
        reader.nextTag();
        reader.nextTag();
        assertThat(reader.getElementText()).isEqualTo("tu");
        assertThat(reader.events).contains("text t", "text u", "end child []");
    }
}
