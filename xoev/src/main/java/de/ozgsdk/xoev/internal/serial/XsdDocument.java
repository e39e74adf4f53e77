package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.core.xml.XmlError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XSD of a schema set, held as bytes, with the target namespace and the imported namespaces read from it (with
 * the hardened parser) and a digest of its content for the schema cache.
 *
 * @param systemId        names the XSD in messages and for {@code xs:include}; never resolved
 * @param content         the XSD
 * @param targetNamespace its target namespace, "" if it has none
 * @param imports         the namespaces of its {@code xs:import}s
 * @param digest          SHA-256 of the content, hex
 */
public record XsdDocument(String systemId, byte[] content, String targetNamespace, Set<String> imports,
                          String digest) {

    /** Reads namespace and imports of {@code content}; fails like {@link SecureXml#parse} on a broken document. */
    public static XsdDocument of(String systemId, byte[] content, SecureXml xml) {
        XMLStreamReader reader = xml.newXmlStreamReader(new ByteArrayInputStream(content), systemId);
        String targetNamespace = "";
        Set<String> imports = new LinkedHashSet<>();
        int depth = 0;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 1) {
                        String tns = reader.getAttributeValue(null, "targetNamespace");
                        targetNamespace = tns == null ? "" : tns;
                    } else if (depth == 2 && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(reader.getNamespaceURI())
                            && "import".equals(reader.getLocalName())) {
                        String ns = reader.getAttributeValue(null, "namespace");
                        imports.add(ns == null ? "" : ns);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            // The hardened reader reports problems as SDK exceptions; this is the checked signature only.
            throw new InvalidInputException(XmlError.MALFORMED, e, systemId, -1, -1, String.valueOf(e.getMessage()));
        }
        return new XsdDocument(systemId, content.clone(), targetNamespace, Set.copyOf(imports), sha256(content));
    }

    /** An XSD given as text. */
    public static XsdDocument of(String systemId, String content, SecureXml xml) {
        return of(systemId, content.getBytes(StandardCharsets.UTF_8), xml);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
