package de.ozgsdk.sandbox.idp.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.InclusiveNamespaces;
import org.apache.xml.security.utils.EncryptionConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the IdP mock's {@code samlp:Response} in the shape of BundID's (interface description 10.2): a signed
 * assertion with transient NameID, bearer confirmation, a five-minute validity window, audience, STORK level and
 * attributes with {@code akdb:TrustLevel} and {@code xsi:type="xsd:string"}, encrypted to the SP; and error
 * responses with {@code akdb:StatusDetail}. Every deviation a fault asks for is made here, on the real document.
 */
public final class ResponseWriter {

    private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    private static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    private static final String URI_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";
    private static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    static {
        Wire.init();
    }

    private ResponseWriter() {
    }

    /** The algorithms of one response. */
    public record Algorithms(String signature, String digest, String content, String keyTransport) {
    }

    /** How the answer's parts are signed and encrypted (the faults' knobs; {@link #regular()} is BundID's shape). */
    public record Shape(boolean signAssertion, boolean signResponse, boolean encrypt, PrivateKey assertionKey,
            X509Certificate assertionCertificate, X509Certificate encryptTo) {
    }

    /** What the assertion says. */
    public record Content(String idpEntityId, String audience, String recipient, String destination,
            String inResponseTo, Instant issueInstant, int level, List<Map.Entry<String, String[]>> attributes) {
    }

    /** A wrapping attack applied to the signed assertion before encryption. */
    public enum Wrapping { NONE, WRAPPED_ASSERTION, MOVED_SIGNATURE, DUPLICATE_ID, TAMPERED_VALUE }

    /**
     * A success response. {@code attributes} hold {Name → [FriendlyName, value, trust]}.
     */
    public static Document success(Content content, Shape shape, Algorithms algorithms, PrivateKey idpKey,
            X509Certificate idpCertificate, Wrapping wrapping) throws GeneralSecurityException {
        Document document = Wire.newDocument();
        Element response = response(document, content);
        status(response, "urn:oasis:names:tc:SAML:2.0:status:Success", null, null);
        Element assertion = assertion(document, content);
        response.appendChild(assertion);
        if (shape.signAssertion()) {
            sign(assertion, shape.assertionKey(), shape.assertionCertificate(), algorithms);
        }
        Element placed = wrap(response, assertion, wrapping);
        if (shape.encrypt()) {
            encrypt(response, placed, shape.encryptTo(), algorithms);
        }
        if (shape.signResponse()) {
            sign(response, idpKey, idpCertificate, algorithms);
        }
        return document;
    }

    /**
     * An error response: {@code status}/{@code second}, an optional StatusMessage and an optional
     * {@code akdb:StatusDetail} JSON text; signed by the IdP.
     */
    public static Document error(Content content, String second, String message, String detailJson,
            Algorithms algorithms, PrivateKey idpKey, X509Certificate idpCertificate)
            throws GeneralSecurityException {
        Document document = Wire.newDocument();
        Element response = response(document, content);
        Element status = status(response, "urn:oasis:names:tc:SAML:2.0:status:Responder".equals(second)
                ? second : "urn:oasis:names:tc:SAML:2.0:status:Requester", second, message);
        if (detailJson != null) {
            Element detail = Wire.add(status, Wire.PROTOCOL, "saml2p:StatusDetail");
            Element akdb = Wire.add(detail, Wire.AKDB, "akdb:StatusDetail");
            akdb.setAttributeNS(Wire.XMLNS, "xmlns:akdb", Wire.AKDB);
            akdb.setTextContent(detailJson);
        }
        sign(response, idpKey, idpCertificate, algorithms);
        return document;
    }

    private static Element response(Document document, Content content) {
        Element response = document.createElementNS(Wire.PROTOCOL, "saml2p:Response");
        response.setAttributeNS(Wire.XMLNS, "xmlns:saml2p", Wire.PROTOCOL);
        document.appendChild(response);
        response.setAttributeNS(null, "Destination", content.destination());
        response.setAttributeNS(null, "ID", Wire.newId());
        response.setAttributeNS(null, "InResponseTo", content.inResponseTo());
        response.setAttributeNS(null, "IssueInstant", time(content.issueInstant()));
        response.setAttributeNS(null, "Version", "2.0");
        Element issuer = Wire.add(response, Wire.ASSERTION, "saml2:Issuer");
        issuer.setAttributeNS(Wire.XMLNS, "xmlns:saml2", Wire.ASSERTION);
        issuer.setTextContent(content.idpEntityId());
        return response;
    }

    private static Element status(Element response, String top, String second, String message) {
        Element status = Wire.add(response, Wire.PROTOCOL, "saml2p:Status");
        Element code = Wire.add(status, Wire.PROTOCOL, "saml2p:StatusCode");
        code.setAttributeNS(null, "Value", top);
        if (second != null && !second.equals(top)) {
            Wire.add(code, Wire.PROTOCOL, "saml2p:StatusCode").setAttributeNS(null, "Value", second);
        }
        if (message != null) {
            Wire.add(status, Wire.PROTOCOL, "saml2p:StatusMessage").setTextContent(message);
        }
        return status;
    }

    private static Element assertion(Document document, Content content) {
        Instant now = content.issueInstant();
        Instant end = now.plus(5, ChronoUnit.MINUTES);
        Element assertion = document.createElementNS(Wire.ASSERTION, "saml2:Assertion");
        assertion.setAttributeNS(Wire.XMLNS, "xmlns:saml2", Wire.ASSERTION);
        assertion.setAttributeNS(Wire.XMLNS, "xmlns:xsd", Wire.XSD);
        assertion.setAttributeNS(null, "ID", Wire.newId());
        assertion.setAttributeNS(null, "IssueInstant", time(now));
        assertion.setAttributeNS(null, "Version", "2.0");
        Wire.add(assertion, Wire.ASSERTION, "saml2:Issuer").setTextContent(content.idpEntityId());
        Element subject = Wire.add(assertion, Wire.ASSERTION, "saml2:Subject");
        Element nameId = Wire.add(subject, Wire.ASSERTION, "saml2:NameID");
        nameId.setAttributeNS(null, "Format", TRANSIENT);
        nameId.setAttributeNS(null, "NameQualifier", content.idpEntityId());
        nameId.setAttributeNS(null, "SPNameQualifier", content.audience());
        nameId.setTextContent(Wire.newId());
        Element confirmation = Wire.add(subject, Wire.ASSERTION, "saml2:SubjectConfirmation");
        confirmation.setAttributeNS(null, "Method", BEARER);
        Element data = Wire.add(confirmation, Wire.ASSERTION, "saml2:SubjectConfirmationData");
        data.setAttributeNS(null, "Address", "127.0.0.1");
        data.setAttributeNS(null, "InResponseTo", content.inResponseTo());
        data.setAttributeNS(null, "NotOnOrAfter", time(end));
        data.setAttributeNS(null, "Recipient", content.recipient());
        Element conditions = Wire.add(assertion, Wire.ASSERTION, "saml2:Conditions");
        conditions.setAttributeNS(null, "NotBefore", time(now));
        conditions.setAttributeNS(null, "NotOnOrAfter", time(end));
        Wire.add(Wire.add(conditions, Wire.ASSERTION, "saml2:AudienceRestriction"), Wire.ASSERTION, "saml2:Audience")
                .setTextContent(content.audience());
        Element statement = Wire.add(assertion, Wire.ASSERTION, "saml2:AuthnStatement");
        statement.setAttributeNS(null, "AuthnInstant", time(now.minusSeconds(3)));
        statement.setAttributeNS(null, "SessionIndex", Wire.newId());
        Wire.add(Wire.add(statement, Wire.ASSERTION, "saml2:AuthnContext"), Wire.ASSERTION,
                "saml2:AuthnContextClassRef").setTextContent("STORK-QAA-Level-" + content.level());
        Element attributes = Wire.add(assertion, Wire.ASSERTION, "saml2:AttributeStatement");
        for (Map.Entry<String, String[]> entry : content.attributes()) {
            Element attribute = Wire.add(attributes, Wire.ASSERTION, "saml2:Attribute");
            attribute.setAttributeNS(Wire.XMLNS, "xmlns:akdb", Wire.AKDB);
            attribute.setAttributeNS(null, "FriendlyName", entry.getValue()[0]);
            attribute.setAttributeNS(null, "Name", entry.getKey());
            attribute.setAttributeNS(null, "NameFormat", URI_FORMAT);
            attribute.setAttributeNS(Wire.AKDB, "akdb:TrustLevel", entry.getValue()[2]);
            Element value = Wire.add(attribute, Wire.ASSERTION, "saml2:AttributeValue");
            value.setAttributeNS(Wire.XMLNS, "xmlns:xsi", Wire.XSI);
            value.setAttributeNS(Wire.XSI, "xsi:type", "xsd:string");
            value.setTextContent(entry.getValue()[1]);
        }
        return assertion;
    }

    /** Signs {@code element} enveloped after its Issuer, exclusive c14n with {@code xsd} inclusive (as BundID). */
    static void sign(Element element, PrivateKey key, X509Certificate certificate, Algorithms algorithms)
            throws GeneralSecurityException {
        Document document = element.getOwnerDocument();
        element.setIdAttributeNS(null, "ID", true);
        try {
            XMLSignature signature = new XMLSignature(document, "", algorithms.signature(), EXC_C14N);
            Element issuer = Wire.child(element, Wire.ASSERTION, "Issuer").orElseThrow();
            element.insertBefore(signature.getElement(), issuer.getNextSibling());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS,
                    new InclusiveNamespaces(document, "xsd").getElement());
            signature.addDocument("#" + element.getAttributeNS(null, "ID"), transforms, algorithms.digest());
            signature.addKeyInfo(certificate);
            signature.sign(key);
        } catch (org.apache.xml.security.exceptions.XMLSecurityException e) {
            throw new GeneralSecurityException("signing failed: " + e.getMessage(), e);
        }
    }

    /** Applies a wrapping attack to the signed {@code assertion}; returns the element that takes its place. */
    private static Element wrap(Element response, Element assertion, Wrapping wrapping) {
        if (wrapping == Wrapping.NONE) {
            return assertion;
        }
        if (wrapping == Wrapping.TAMPERED_VALUE) {
            forge(assertion);
            return assertion;
        }
        Element forged = (Element) assertion.cloneNode(true);
        Wire.child(forged, Wire.DSIG, "Signature").ifPresent(forged::removeChild);
        forge(forged);
        response.replaceChild(forged, assertion);
        Element signature = Wire.child(assertion, Wire.DSIG, "Signature").orElseThrow();
        Element issuer = Wire.child(forged, Wire.ASSERTION, "Issuer").orElseThrow();
        switch (wrapping) {
            case WRAPPED_ASSERTION -> {
                // the signed original hides in the forged assertion's Advice; the forged one is what gets used
                forged.setAttributeNS(null, "ID", Wire.newId());
                Element advice = response.getOwnerDocument().createElementNS(Wire.ASSERTION, "saml2:Advice");
                forged.insertBefore(advice, Wire.child(forged, Wire.ASSERTION, "AuthnStatement").orElseThrow());
                advice.appendChild(assertion);
            }
            case MOVED_SIGNATURE -> {
                // the original's signature moves into the forged assertion, which has an ID of its own
                forged.setAttributeNS(null, "ID", Wire.newId());
                forged.insertBefore(signature, issuer.getNextSibling());
            }
            case DUPLICATE_ID -> {
                // the forged assertion keeps the original's ID and signature; a shadow with the same ID holds the
                // signed content elsewhere, for an ID lookup that finds the first one
                forged.insertBefore(signature, issuer.getNextSibling());
                Element extensions = response.getOwnerDocument().createElementNS(Wire.PROTOCOL, "saml2p:Extensions");
                Element shadow = response.getOwnerDocument().createElementNS("urn:ozgsdk:sandbox:xsw", "xsw:Shadow");
                shadow.setAttributeNS(Wire.XMLNS, "xmlns:xsw", "urn:ozgsdk:sandbox:xsw");
                shadow.setAttributeNS(null, "ID", assertion.getAttributeNS(null, "ID"));
                extensions.appendChild(shadow);
                response.insertBefore(extensions, Wire.child(response, Wire.PROTOCOL, "Status").orElseThrow());
            }
            default -> throw new IllegalStateException(wrapping.name());
        }
        return forged;
    }

    /** The attacker's change: another given name. */
    private static void forge(Element assertion) {
        Element statement = Wire.child(assertion, Wire.ASSERTION, "AttributeStatement").orElseThrow();
        for (Element attribute : Wire.children(statement, Wire.ASSERTION, "Attribute")) {
            if ("urn:oid:2.5.4.42".equals(attribute.getAttributeNS(null, "Name"))) {
                Wire.child(attribute, Wire.ASSERTION, "AttributeValue").orElseThrow().setTextContent("MALLORY");
                return;
            }
        }
        Wire.child(statement, Wire.ASSERTION, "Attribute").flatMap(a -> Wire.child(a, Wire.ASSERTION,
                "AttributeValue")).ifPresent(value -> value.setTextContent("MALLORY"));
    }

    /** Replaces {@code assertion} by {@code saml2:EncryptedAssertion} holding it encrypted to {@code to}. */
    private static void encrypt(Element response, Element assertion, X509Certificate to, Algorithms algorithms)
            throws GeneralSecurityException {
        Document document = response.getOwnerDocument();
        Element encryptedAssertion = document.createElementNS(Wire.ASSERTION, "saml2:EncryptedAssertion");
        encryptedAssertion.setAttributeNS(Wire.XMLNS, "xmlns:saml2", Wire.ASSERTION);
        response.replaceChild(encryptedAssertion, assertion);
        encryptedAssertion.appendChild(assertion);
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(algorithms.content().contains("128") ? 128 : 256);
            Key contentKey = generator.generateKey();
            EncryptedKey encryptedKey = wrapKey(document, contentKey, to.getPublicKey(), algorithms.keyTransport());
            XMLCipher cipher = XMLCipher.getInstance(algorithms.content());
            cipher.init(XMLCipher.ENCRYPT_MODE, contentKey);
            EncryptedData data = cipher.getEncryptedData();
            KeyInfo keyInfo = new KeyInfo(document);
            keyInfo.add(encryptedKey);
            data.setKeyInfo(keyInfo);
            cipher.doFinal(document, assertion, false);
        } catch (Exception e) {
            throw new GeneralSecurityException("encryption failed: " + e.getMessage(), e);
        }
    }

    private static EncryptedKey wrapKey(Document document, Key contentKey, PublicKey to, String transport)
            throws Exception {
        if (XMLCipher.RSA_OAEP_11.equals(transport)) {
            XMLCipher cipher = XMLCipher.getInstance(transport, null, XMLCipher.SHA256);
            cipher.init(XMLCipher.WRAP_MODE, to);
            return cipher.encryptKey(document, contentKey, EncryptionConstants.MGF1_SHA256, null);
        }
        XMLCipher cipher = XMLCipher.getInstance(transport);
        cipher.init(XMLCipher.WRAP_MODE, to);
        return cipher.encryptKey(document, contentKey);
    }

    /** The document as bytes, with a DTD in front for the DTD fault. */
    public static byte[] bytes(Document document, boolean withDtd) {
        byte[] xml = Wire.serialize(document);
        if (!withDtd) {
            return xml;
        }
        String text = new String(xml, StandardCharsets.UTF_8);
        int start = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
        return (text.substring(0, start) + "<!DOCTYPE saml2p:Response [<!ENTITY owner \"MALLORY\">]>"
                + text.substring(start)).getBytes(StandardCharsets.UTF_8);
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
