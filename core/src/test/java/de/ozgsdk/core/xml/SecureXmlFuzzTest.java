package de.ozgsdk.core.xml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.OzgException;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Arbitrary bytes never make the hardened parsers fail with anything but an SDK exception. The seeds in
 * {@code SecureXmlFuzzTestInputs/} (a normal document, one with a DTD, one with entities) run in every build.
 */
class SecureXmlFuzzTest {

    private static final SecureXml XML = SecureXml.builder().maxDocumentBytes(1 << 20).build();

    @FuzzTest(maxDuration = "10s")
    void domParseThrowsOnlySdkExceptions(byte[] input) {
        try {
            XML.parse(new ByteArrayInputStream(input), "fuzz.xml");
        } catch (OzgException expected) {
            // Refused or malformed input is the expected outcome for most inputs.
        }
    }

    /** A checked {@link XMLStreamException} escaping would fail the test: the hardened reader must not throw it. */
    @FuzzTest(maxDuration = "10s")
    void staxReaderThrowsOnlySdkExceptions(byte[] input) throws XMLStreamException {
        try {
            XMLStreamReader reader = XML.newXmlStreamReader(new ByteArrayInputStream(input), "fuzz.xml");
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    reader.getName();
                    reader.getAttributeCount();
                }
            }
            reader.close();
        } catch (OzgException expected) {
            // Refused or malformed input is the expected outcome for most inputs.
        }
    }
}
