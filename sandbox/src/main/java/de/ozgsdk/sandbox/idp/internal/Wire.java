package de.ozgsdk.sandbox.idp.internal;

import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespaces and DOM helpers of the IdP mock's SAML (kept apart from ozg-auth on purpose). */
public final class Wire {

    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema";
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    public static final String AKDB = "https://www.akdb.de/request/2018/09";
    public static final String CLASSIC_UI = "https://www.akdb.de/request/2018/09/classic-ui/v1";
    public static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Init.init();
    }

    private Wire() {
    }

    /** Makes sure Santuario is initialised. */
    public static void init() {
        // the static initialiser does the work
    }

    /** A fresh xs:ID. */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    /** Element children {@code ns:localName} of {@code parent}. */
    public static List<Element> children(Element parent, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ns.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first child {@code ns:localName}. */
    public static Optional<Element> child(Element parent, String ns, String localName) {
        return children(parent, ns, localName).stream().findFirst();
    }

    /** Appends {@code prefix:localName} in {@code ns} to {@code parent}. */
    public static Element add(Element parent, String ns, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    /** A new empty document from the hardened factory. */
    public static Document newDocument() {
        return SecureXml.defaults().newDocumentBuilder().newDocument();
    }

    /** Serialises without indentation (signatures stay valid). */
    public static byte[] serialize(Node node) {
        try {
            Transformer transformer = SecureXml.defaults().transformerFactory().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("serialising a DOM failed", e);
        }
    }
}
