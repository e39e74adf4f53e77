package de.ozgsdk.auth.saml.internal;

import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.saml.SamlProfile;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes a {@code samlp:AuthnRequest} as BundID expects it: Destination, HTTP-POST as ProtocolBinding, the ACS URL,
 * ForceAuthn, the Issuer, the profile's extensions and {@code RequestedAuthnContext Comparison="minimum"}, signed
 * with RSA-SHA256 for the POST binding (the Redirect binding signs the query instead).
 */
public final class AuthnRequestWriter {

    private AuthnRequestWriter() {
    }

    /** The request fields. */
    public record Request(String id, Instant issueInstant, String destination, String acsUrl, String spEntityId,
            boolean forceAuthn, SamlProfile profile, LoginContext context, TrustLevel required) {
    }

    /** The request as a DOM, unsigned. */
    public static Document write(Request request, SecureXml xml) {
        Document document = xml.newDocumentBuilder().newDocument();
        Element root = document.createElementNS(Saml.PROTOCOL, "saml2p:AuthnRequest");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml2p", Saml.PROTOCOL);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml2", Saml.ASSERTION);
        document.appendChild(root);
        root.setAttributeNS(null, "ID", request.id());
        root.setAttributeNS(null, "Version", "2.0");
        root.setAttributeNS(null, "IssueInstant", request.issueInstant().truncatedTo(ChronoUnit.MILLIS).toString());
        root.setAttributeNS(null, "Destination", request.destination());
        root.setAttributeNS(null, "AssertionConsumerServiceURL", request.acsUrl());
        root.setAttributeNS(null, "ProtocolBinding", Saml.BINDING_POST);
        root.setAttributeNS(null, "ForceAuthn", String.valueOf(request.forceAuthn()));
        root.setAttributeNS(null, "IsPassive", "false");
        Element issuer = document.createElementNS(Saml.ASSERTION, "saml2:Issuer");
        issuer.setTextContent(request.spEntityId());
        root.appendChild(issuer);
        Element extensions = document.createElementNS(Saml.PROTOCOL, "saml2p:Extensions");
        request.profile().addExtensions(extensions, request.context(), request.required());
        if (extensions.hasChildNodes()) {
            root.appendChild(extensions);
        }
        Element context = document.createElementNS(Saml.PROTOCOL, "saml2p:RequestedAuthnContext");
        context.setAttributeNS(null, "Comparison", "minimum");
        Element classRef = document.createElementNS(Saml.ASSERTION, "saml2:AuthnContextClassRef");
        classRef.setTextContent(request.profile().authnContextClassRef(request.required()));
        context.appendChild(classRef);
        root.appendChild(context);
        return document;
    }

    /** Signs the request enveloped, after its Issuer (HTTP-POST binding). */
    public static void sign(Document request, PrivateKey key, X509Certificate certificate) {
        Element root = request.getDocumentElement();
        Element issuer = Saml.child(root, Saml.ASSERTION, "Issuer").orElseThrow();
        XmlSignatures.sign(root, issuer, key, certificate, Saml.RSA_SHA256, Saml.DIGEST_SHA256);
    }

    /** The document as UTF-8 bytes without XML declaration changes that would break a signature. */
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

    /** The document as a string (for metadata). */
    public static String serializeToString(Node node) {
        return new String(serialize(node), StandardCharsets.UTF_8);
    }
}
