package de.ozgsdk.core.internal.xml;

import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.URIResolver;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.EntityResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The resolver for every JAXP hook that could load an external resource: it loads nothing and fails instead. It is
 * the second line of defence behind the {@code ACCESS_EXTERNAL_*} restrictions and gives a clearer error.
 */
enum RefusingResolver implements EntityResolver, XMLResolver, URIResolver, LSResourceResolver {
    INSTANCE;

    @Override
    public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
        throw new SAXException("external DTD or entity refused", new RefusedReference("DTD"));
    }

    @Override
    public Object resolveEntity(String publicId, String systemId, String baseUri, String namespace)
            throws XMLStreamException {
        throw new XMLStreamException("external DTD or entity refused", new RefusedReference("DTD"));
    }

    @Override
    public Source resolve(String href, String base) throws TransformerException {
        throw new TransformerException("external stylesheet or document refused", new RefusedReference("Stylesheet"));
    }

    @Override
    public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId,
                                   String baseUri) {
        // Returning null hands over to the JDK's default loading, which ACCESS_EXTERNAL_SCHEMA = "" refuses with a
        // located error; throwing here would lose line and column.
        return null;
    }
}
