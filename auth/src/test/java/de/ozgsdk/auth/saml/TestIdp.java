package de.ozgsdk.auth.saml;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;

/** A test identity provider: entityID, SSO endpoints (POST and Redirect), signing key, and its metadata. */
final class TestIdp {

    static final String ENTITY_ID = "https://id.test.example.de/idp";
    static final URI SSO = URI.create("https://id.test.example.de/idp/profile/SAML2/SSO");
    static final PrivateKeyCredential KEY = TestKeys.rsa("id.test.example.de", Duration.ofDays(365));
    static final IdpMetadata METADATA = IdpMetadata.parse(new ByteArrayInputStream(
            metadata(KEY.certificate(), "").getBytes(StandardCharsets.UTF_8)), "test-idp-metadata.xml");

    private TestIdp() {
    }

    /** IdP metadata with both SSO bindings and {@code certificate}; {@code rootAttributes} e.g. a validUntil. */
    static String metadata(X509Certificate certificate, String rootAttributes) {
        try {
            return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                    + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" ID=\"_idp-metadata\" entityID=\"" + ENTITY_ID
                    + "\"" + rootAttributes + ">"
                    + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                    + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                    + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                    + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                    + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\""
                    + SSO + "\"/>"
                    + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                    + " Location=\"" + SSO + "\"/>"
                    + "</md:IDPSSODescriptor></md:EntityDescriptor>";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
