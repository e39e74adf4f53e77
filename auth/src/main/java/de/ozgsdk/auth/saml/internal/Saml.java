package de.ozgsdk.auth.saml.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespaces, algorithm URIs and small DOM helpers of SAML 2.0 and the AKDB extension. */
public final class Saml {

    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema";
    public static final String AKDB = "https://www.akdb.de/request/2018/09";
    public static final String CLASSIC_UI = "https://www.akdb.de/request/2018/09/classic-ui/v1";

    public static final String BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public static final String BINDING_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public static final String STATUS_AUTHN_FAILED = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
    public static final String STATUS_REQUEST_DENIED = "urn:oasis:names:tc:SAML:2.0:status:RequestDenied";
    public static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public static final String NAMEID_TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    public static final String NAMEID_ENTITY = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";
    public static final String ATTRNAME_URI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";

    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    public static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String RSA_PSS_SHA256 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";
    public static final String RSA_PSS_SHA384 = "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1";
    public static final String RSA_PSS_SHA512 = "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1";
    public static final String DIGEST_SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public static final String DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String DIGEST_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    public static final String DIGEST_SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    public static final String AES128_GCM = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
    public static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    public static final String AES128_CBC = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    public static final String AES256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    public static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    public static final String RSA_OAEP = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    public static final String RSA_1_5 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Saml() {
    }

    /** A fresh message id: {@code _} and 128 random bits in hex (a valid {@code xs:ID}, unguessable). */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    /** The element children of {@code parent} in namespace {@code ns} named {@code localName}. */
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

    /** All element children of {@code parent}. */
    public static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    /** The single child {@code ns:localName}, if there is exactly one. */
    public static Optional<Element> child(Element parent, String ns, String localName) {
        List<Element> found = children(parent, ns, localName);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The trimmed text of the single child {@code ns:localName}. */
    public static Optional<String> childText(Element parent, String ns, String localName) {
        return child(parent, ns, localName).map(e -> e.getTextContent().strip());
    }

    /** The attribute {@code name} (no namespace), empty when missing. */
    public static Optional<String> attribute(Element element, String name) {
        return element.hasAttributeNS(null, name) ? Optional.of(element.getAttributeNS(null, name))
                : Optional.empty();
    }

    /** Whether {@code element} is {@code ns:localName}. */
    public static boolean is(Element element, String ns, String localName) {
        return element != null && ns.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /** An {@code xs:dateTime} instant, empty if it cannot be read. */
    public static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(text.strip()).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
