package de.ozgsdk.xoev.internal.message;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.xoev.message.MessageError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Compiles the schema set of the application message: the basis schema, {@code ozg-antrag-1.0.xsd} and any
 * Fachdaten schemas, all handed to the hardened schema factory at once (it loads no {@code schemaLocation}).
 */
public final class MessageSchemas {

    public static final String NAMESPACE = "urn:ozgsdk:xoev:antrag:1.0";
    public static final String ROOT = "antrag.einreichung.0001";
    public static final String BASIS_XSD = "ozg-xoev-basis-1.0.xsd";
    public static final String ANTRAG_XSD = "ozg-antrag-1.0.xsd";
    private static final String FOLDER = "/de/ozgsdk/xoev/schema/";

    /** A Fachdaten schema document and the name it has in errors. */
    public record Document(String systemId, byte[] xsd) {
    }

    private MessageSchemas() {
    }

    /** The bytes of one of the SDK's schema documents. */
    public static byte[] resource(String name) {
        try (InputStream in = MessageSchemas.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + FOLDER + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles the message schema with the Fachdaten schemas given.
     *
     * @throws InvalidInputException {@link MessageError#SCHEMA_INVALID} if a Fachdaten schema does not compile
     */
    public static Schema compile(SecureXml xml, List<Document> fachdaten) {
        List<Document> all = new ArrayList<>();
        all.add(new Document(BASIS_XSD, resource(BASIS_XSD)));
        all.add(new Document(ANTRAG_XSD, resource(ANTRAG_XSD)));
        all.addAll(fachdaten);
        Source[] sources = all.stream().map(d -> source(xml, d)).toArray(Source[]::new);
        try {
            return xml.schemaFactory().newSchema(sources);
        } catch (SAXParseException e) {
            throw new InvalidInputException(MessageError.SCHEMA_INVALID, e, name(e.getSystemId()),
                    SchemaCheck.number(e.getLineNumber()), SchemaCheck.number(e.getColumnNumber()),
                    SchemaCheck.rule(e.getMessage()));
        } catch (SAXException | OzgException e) {
            throw new InvalidInputException(MessageError.SCHEMA_INVALID, e, "?", "?", "?",
                    e.getClass().getSimpleName());
        }
    }

    private static Source source(SecureXml xml, Document document) {
        InputSource input = new InputSource(new ByteArrayInputStream(document.xsd()));
        input.setSystemId(document.systemId());
        SAXSource source = new SAXSource(xml.newXmlReader(), input);
        source.setSystemId(document.systemId());
        return source;
    }

    private static String name(String systemId) {
        return systemId == null ? "?" : systemId;
    }
}
