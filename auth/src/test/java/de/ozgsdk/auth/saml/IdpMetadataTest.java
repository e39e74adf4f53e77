package de.ozgsdk.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.saml.internal.AuthnRequestWriter;
import de.ozgsdk.auth.saml.internal.Saml;
import de.ozgsdk.auth.saml.internal.XmlSignatures;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class IdpMetadataTest {

    private static IdpMetadata parse(String xml) {
        return IdpMetadata.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "idp.xml");
    }

    private static String signed(String xml) {
        Document document = SecureXml.defaults().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "idp.xml");
        XmlSignatures.sign(document.getDocumentElement(), null, TestIdp.KEY.privateKey(), TestIdp.KEY.certificate(),
                Saml.RSA_SHA256, Saml.DIGEST_SHA256);
        return AuthnRequestWriter.serializeToString(document);
    }

    @Test
    void readsEntityIdEndpointsAndPinnedCertificates() {
        IdpMetadata idp = parse(TestIdp.metadata(TestIdp.KEY.certificate(), ""));

        assertThat(idp.entityId()).isEqualTo(TestIdp.ENTITY_ID);
        assertThat(idp.ssoPost()).contains(TestIdp.SSO);
        assertThat(idp.ssoRedirect()).contains(TestIdp.SSO);
        assertThat(idp.signingCertificates()).containsExactly(TestIdp.KEY.certificate());
        assertThat(idp.validUntil()).isEmpty();
        assertThat(idp.signatureVerified()).isFalse();
    }

    @Test
    void verifiesTheSignatureOfSignedMetadata() {
        String xml = signed(TestIdp.metadata(TestIdp.KEY.certificate(), ""));

        IdpMetadata idp = IdpMetadata.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "idp.xml", TrustedCertificates.of(List.of(TestIdp.KEY.certificate())));

        assertThat(idp.signatureVerified()).isTrue();
    }

    @Test
    void refusesChangedSignedMetadata() {
        String xml = signed(TestIdp.metadata(TestIdp.KEY.certificate(), ""))
                .replace(TestIdp.SSO.toString(), "https://attacker.example/sso");

        assertThatThrownBy(() -> IdpMetadata.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "idp.xml", TrustedCertificates.of(List.of(TestIdp.KEY.certificate()))))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).code())
                .isEqualTo(AuthError.IDP_METADATA_SIGNATURE_INVALID);
    }

    @Test
    void refusesUnsignedMetadataWhenASignatureIsRequired() {
        String xml = TestIdp.metadata(TestIdp.KEY.certificate(), "");

        assertThatThrownBy(() -> IdpMetadata.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "idp.xml", TrustedCertificates.of(List.of(TestIdp.KEY.certificate()))))
                .extracting(e -> ((ConfigurationException) e).code())
                .isEqualTo(AuthError.IDP_METADATA_SIGNATURE_INVALID);
    }

    @Test
    void refusesMetadataWithoutSigningCertificate() {
        String xml = TestIdp.metadata(TestIdp.KEY.certificate(), "")
                .replaceAll("(?s)<md:KeyDescriptor.*</md:KeyDescriptor>", "");

        assertThatThrownBy(() -> parse(xml)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OZG-AUTH-103").hasMessageContaining("no signing certificate");
    }

    @Test
    void readsValidUntil() {
        IdpMetadata idp = parse(TestIdp.metadata(TestIdp.KEY.certificate(), " validUntil=\"2020-01-01T00:00:00Z\""));

        assertThat(idp.validUntil()).contains(Instant.parse("2020-01-01T00:00:00Z"));
    }
}
