package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.saml.internal.AuthnRequestWriter;
import de.ozgsdk.auth.saml.internal.Saml;
import de.ozgsdk.core.xml.SecureXml;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.utils.EncryptionConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * BundID's printed sample assertion (shared fixtures, read in place) in the signed form BundID sent it (without the
 * print's indentation) and wrapped into a {@code samlp:Response} with the assertion encrypted to a test SP key, so
 * that the whole service provider runs on a real BundID assertion.
 */
final class SampleResponses {

    static final String IDP = "https://int.id.bund.de/idp";
    static final String SP = "https://samltool2-ewg.pre.buergerserviceportal.de";
    static final String ACS = "https://samltool2-ewg.pre.buergerserviceportal.de/saml/SSO";
    static final String REQUEST_ID = "f83affde-7b9c-4987-93e2-907649f03647";

    private SampleResponses() {
    }

    /** The sample assertion with whitespace-only text nodes removed (its signed form). */
    static Document assertion() throws Exception {
        Path file = BundIdFixtures.require("response-assertion-sample.xml");
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            document = SecureXml.defaults().parse(in, "response-assertion-sample.xml");
        }
        stripIndentation(document.getDocumentElement());
        return document;
    }

    /** The certificate in the sample's KeyInfo (an AKDB test IdP key, pinned explicitly). */
    static X509Certificate certificate(Document assertion) {
        Element certificate = (Element) assertion.getElementsByTagNameNS(Saml.DSIG, "X509Certificate").item(0);
        return IdpMetadata.certificate(certificate.getTextContent(), "response-assertion-sample.xml");
    }

    /**
     * A response around the sample assertion, encrypted to {@code to}; {@code inResponseTo} may be null.
     */
    static String response(Document assertion, String inResponseTo, X509Certificate to) throws Exception {
        Document document = SecureXml.defaults().newDocumentBuilder().newDocument();
        Element response = document.createElementNS(Saml.PROTOCOL, "samlp:Response");
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:samlp", Saml.PROTOCOL);
        document.appendChild(response);
        response.setAttributeNS(null, "ID", "_response-1");
        response.setAttributeNS(null, "Version", "2.0");
        response.setAttributeNS(null, "IssueInstant", "2023-08-04T14:07:46.253Z");
        response.setAttributeNS(null, "Destination", ACS);
        if (inResponseTo != null) {
            response.setAttributeNS(null, "InResponseTo", inResponseTo);
        }
        Element issuer = document.createElementNS(Saml.ASSERTION, "saml2:Issuer");
        issuer.setTextContent(IDP);
        response.appendChild(issuer);
        Element status = document.createElementNS(Saml.PROTOCOL, "samlp:Status");
        Element code = document.createElementNS(Saml.PROTOCOL, "samlp:StatusCode");
        code.setAttributeNS(null, "Value", Saml.STATUS_SUCCESS);
        status.appendChild(code);
        response.appendChild(status);
        Element encrypted = document.createElementNS(Saml.ASSERTION, "saml2:EncryptedAssertion");
        response.appendChild(encrypted);
        Element copy = (Element) document.importNode(assertion.getDocumentElement(), true);
        encrypted.appendChild(copy);
        encrypt(document, copy, to);
        return Base64.getEncoder().encodeToString(AuthnRequestWriter.serialize(document));
    }

    private static void encrypt(Document document, Element assertion, X509Certificate to) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        XMLCipher keyCipher = XMLCipher.getInstance(XMLCipher.RSA_OAEP_11, null, XMLCipher.SHA256);
        keyCipher.init(XMLCipher.WRAP_MODE, to.getPublicKey());
        EncryptedKey encryptedKey = keyCipher.encryptKey(document, key, EncryptionConstants.MGF1_SHA256, null);
        XMLCipher cipher = XMLCipher.getInstance(XMLCipher.AES_256_GCM);
        cipher.init(XMLCipher.ENCRYPT_MODE, key);
        EncryptedData data = cipher.getEncryptedData();
        KeyInfo keyInfo = new KeyInfo(document);
        keyInfo.add(encryptedKey);
        data.setKeyInfo(keyInfo);
        cipher.doFinal(document, assertion, false);
    }

    private static void stripIndentation(Element element) {
        List<Node> blank = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().isBlank()) {
                blank.add(node);
            } else if (node instanceof Element child) {
                stripIndentation(child);
            }
        }
        blank.forEach(element::removeChild);
    }
}
