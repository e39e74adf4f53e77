package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.saml.internal.AuthnRequestWriter;
import de.ozgsdk.auth.saml.internal.Saml;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.xml.SecureXml;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes SP metadata after BundID's rules (interface description 7.2): no validUntil, no ID, https entityID. */
final class SpMetadataWriter {

    private static final List<String> ENCRYPTION_METHODS = List.of(Saml.AES256_GCM, Saml.AES128_GCM,
            Saml.AES256_CBC, Saml.AES128_CBC, Saml.RSA_OAEP, Saml.RSA_OAEP_MGF1P);

    private SpMetadataWriter() {
    }

    static String write(SamlServiceProvider sp, List<PrivateKeyCredential> signingKeys,
            List<PrivateKeyCredential> decryptionKeys, URI acsUrl) {
        Document document = SecureXml.defaults().newDocumentBuilder().newDocument();
        Element root = document.createElementNS(Saml.METADATA, "md:EntityDescriptor");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:md", Saml.METADATA);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", Saml.DSIG);
        root.setAttributeNS(null, "entityID", sp.entityId());
        document.appendChild(root);
        Element descriptor = element(root, Saml.METADATA, "md:SPSSODescriptor");
        descriptor.setAttributeNS(null, "AuthnRequestsSigned", "true");
        descriptor.setAttributeNS(null, "WantAssertionsSigned", "true");
        descriptor.setAttributeNS(null, "protocolSupportEnumeration", Saml.PROTOCOL);
        for (PrivateKeyCredential key : signingKeys) {
            keyDescriptor(descriptor, "signing", key.certificate(), false);
        }
        for (PrivateKeyCredential key : decryptionKeys) {
            keyDescriptor(descriptor, "encryption", key.certificate(), true);
        }
        element(descriptor, Saml.METADATA, "md:NameIDFormat").setTextContent(Saml.NAMEID_TRANSIENT);
        Element acs = element(descriptor, Saml.METADATA, "md:AssertionConsumerService");
        acs.setAttributeNS(null, "Binding", Saml.BINDING_POST);
        acs.setAttributeNS(null, "Location", acsUrl.toString());
        acs.setAttributeNS(null, "index", "0");
        acs.setAttributeNS(null, "isDefault", "true");
        return AuthnRequestWriter.serializeToString(document);
    }

    private static void keyDescriptor(Element parent, String use, X509Certificate certificate, boolean methods) {
        Element descriptor = element(parent, Saml.METADATA, "md:KeyDescriptor");
        descriptor.setAttributeNS(null, "use", use);
        Element data = element(element(descriptor, Saml.DSIG, "ds:KeyInfo"), Saml.DSIG, "ds:X509Data");
        try {
            element(data, Saml.DSIG, "ds:X509Certificate")
                    .setTextContent(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a loaded certificate cannot be encoded", e);
        }
        if (methods) {
            for (String algorithm : ENCRYPTION_METHODS) {
                element(descriptor, Saml.METADATA, "md:EncryptionMethod").setAttributeNS(null, "Algorithm", algorithm);
            }
        }
    }

    private static Element element(Element parent, String ns, String name) {
        Element child = parent.getOwnerDocument().createElementNS(ns, name);
        parent.appendChild(child);
        return child;
    }
}
