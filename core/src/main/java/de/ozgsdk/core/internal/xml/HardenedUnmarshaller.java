package de.ozgsdk.core.internal.xml;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.PropertyException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;
import jakarta.xml.bind.ValidationEventHandler;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import jakarta.xml.bind.attachment.AttachmentUnmarshaller;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A JAXB unmarshaller that never lets JAXB parse raw input itself: JAXB's built-in parser is not hardened, so every
 * overload that takes bytes, characters, a file or a URL reads through a hardened StAX reader instead.
 *
 * <p>Overloads that take something already parsed ({@link Node}, {@link XMLStreamReader}, {@link XMLEventReader},
 * DOM and StAX sources) are passed on unchanged: whoever parsed it is responsible for having parsed it safely. A
 * refused or malformed document fails with an unchecked SDK exception; binding errors keep the JAXB contract and
 * fail with a {@link JAXBException}.
 */
public final class HardenedUnmarshaller implements Unmarshaller {

    /** Stands in for the system id in messages when the caller gave none. */
    static final String UNNAMED = "(stream)";

    private final Unmarshaller delegate;
    private final JaxpHardening hardening;

    public HardenedUnmarshaller(Unmarshaller delegate, JaxpHardening hardening) {
        this.delegate = delegate;
        this.hardening = hardening;
    }

    @Override
    public Object unmarshal(File file) throws JAXBException {
        String systemId = file.toURI().toString();
        try (InputStream in = Files.newInputStream(file.toPath())) {
            return unmarshal(in, systemId);
        } catch (IOException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
    }

    @Override
    public Object unmarshal(InputStream in) throws JAXBException {
        return unmarshal(in, UNNAMED);
    }

    @Override
    public Object unmarshal(Reader reader) throws JAXBException {
        return delegate.unmarshal(hardening.newXmlStreamReader(reader, UNNAMED));
    }

    @Override
    public Object unmarshal(URL url) throws JAXBException {
        String systemId = url.toExternalForm();
        try (InputStream in = url.openStream()) {
            return unmarshal(in, systemId);
        } catch (IOException e) {
            throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
        }
    }

    @Override
    public Object unmarshal(InputSource source) throws JAXBException {
        return delegate.unmarshal(open(source));
    }

    @Override
    public Object unmarshal(Node node) throws JAXBException {
        return delegate.unmarshal(node);
    }

    @Override
    public <T> JAXBElement<T> unmarshal(Node node, Class<T> declaredType) throws JAXBException {
        return delegate.unmarshal(node, declaredType);
    }

    @Override
    public Object unmarshal(Source source) throws JAXBException {
        XMLStreamReader reader = openIfRaw(source);
        return reader == null ? delegate.unmarshal(source) : delegate.unmarshal(reader);
    }

    @Override
    public <T> JAXBElement<T> unmarshal(Source source, Class<T> declaredType) throws JAXBException {
        XMLStreamReader reader = openIfRaw(source);
        return reader == null ? delegate.unmarshal(source, declaredType) : delegate.unmarshal(reader, declaredType);
    }

    @Override
    public Object unmarshal(XMLStreamReader reader) throws JAXBException {
        return delegate.unmarshal(reader);
    }

    @Override
    public <T> JAXBElement<T> unmarshal(XMLStreamReader reader, Class<T> declaredType) throws JAXBException {
        return delegate.unmarshal(reader, declaredType);
    }

    @Override
    public Object unmarshal(XMLEventReader reader) throws JAXBException {
        return delegate.unmarshal(reader);
    }

    @Override
    public <T> JAXBElement<T> unmarshal(XMLEventReader reader, Class<T> declaredType) throws JAXBException {
        return delegate.unmarshal(reader, declaredType);
    }

    /** The SAX handler is fed by the caller's own parser, which the caller must create with SecureXml. */
    @Override
    public UnmarshallerHandler getUnmarshallerHandler() {
        return delegate.getUnmarshallerHandler();
    }

    @Override
    public void setEventHandler(ValidationEventHandler handler) throws JAXBException {
        delegate.setEventHandler(handler);
    }

    @Override
    public ValidationEventHandler getEventHandler() throws JAXBException {
        return delegate.getEventHandler();
    }

    @Override
    public void setProperty(String name, Object value) throws PropertyException {
        delegate.setProperty(name, value);
    }

    @Override
    public Object getProperty(String name) throws PropertyException {
        return delegate.getProperty(name);
    }

    @Override
    public void setSchema(Schema schema) {
        delegate.setSchema(schema);
    }

    @Override
    public Schema getSchema() {
        return delegate.getSchema();
    }

    @Override
    public <A extends XmlAdapter<?, ?>> void setAdapter(A adapter) {
        delegate.setAdapter(adapter);
    }

    @Override
    public <A extends XmlAdapter<?, ?>> void setAdapter(Class<A> type, A adapter) {
        delegate.setAdapter(type, adapter);
    }

    @Override
    public <A extends XmlAdapter<?, ?>> A getAdapter(Class<A> type) {
        return delegate.getAdapter(type);
    }

    @Override
    public void setAttachmentUnmarshaller(AttachmentUnmarshaller unmarshaller) {
        delegate.setAttachmentUnmarshaller(unmarshaller);
    }

    @Override
    public AttachmentUnmarshaller getAttachmentUnmarshaller() {
        return delegate.getAttachmentUnmarshaller();
    }

    @Override
    public void setListener(Listener listener) {
        delegate.setListener(listener);
    }

    @Override
    public Listener getListener() {
        return delegate.getListener();
    }

    private Object unmarshal(InputStream in, String systemId) throws JAXBException {
        return delegate.unmarshal(hardening.newXmlStreamReader(in, systemId));
    }

    private XMLStreamReader open(InputSource source) {
        String systemId = source.getSystemId() == null ? "" : source.getSystemId();
        String named = systemId.isEmpty() ? UNNAMED : systemId;
        if (source.getCharacterStream() != null) {
            return hardening.newXmlStreamReader(source.getCharacterStream(), named);
        }
        if (source.getByteStream() != null) {
            return hardening.newXmlStreamReader(source.getByteStream(), named);
        }
        if (!systemId.isEmpty()) {
            // Only the system id given: the caller chose this location, as with unmarshal(URL).
            try {
                return hardening.newXmlStreamReader(URI.create(systemId).toURL().openStream(), systemId);
            } catch (IOException | IllegalArgumentException e) {
                throw XmlFailures.translate(e, systemId, XmlFailures.Context.DOCUMENT);
            }
        }
        throw XmlFailures.translate(new IOException("source without stream or system id"), UNNAMED,
                XmlFailures.Context.DOCUMENT);
    }

    /** A hardened reader for sources JAXB would otherwise parse itself, {@code null} for already parsed ones. */
    private XMLStreamReader openIfRaw(Source source) {
        if (source instanceof StreamSource stream) {
            InputSource input = new InputSource(stream.getSystemId());
            input.setByteStream(stream.getInputStream());
            input.setCharacterStream(stream.getReader());
            return open(input);
        }
        if (source instanceof SAXSource sax && sax.getInputSource() != null) {
            // The SAX source's own XMLReader is not trusted: its input is read through the hardened reader instead.
            return open(sax.getInputSource());
        }
        return null;
    }
}
