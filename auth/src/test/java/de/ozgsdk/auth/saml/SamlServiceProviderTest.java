package de.ozgsdk.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.ConfigurationReport;
import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.saml.internal.Saml;
import de.ozgsdk.auth.saml.internal.XmlSignatures;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SamlServiceProviderTest {

    private static final Instant SAMPLE_TIME = Instant.parse("2023-08-04T14:09:00Z");

    private static SamlServiceProvider.Builder builder() {
        return SamlServiceProvider.builder()
                .entityId(URI.create("https://portal.example.de"))
                .acsUrl(URI.create("https://portal.example.de/saml/acs"))
                .signingKey(TestKeys.SP)
                .decryptionKey(TestKeys.SP)
                .idp(TestIdp.METADATA)
                .profile(BundIdProfile.builder("Stadt Musterstadt", "musterstadt").build())
                .pendingRequests(new InMemoryPendingRequestStore());
    }

    @Test
    void refusesAnEntityIdWithPortOrWithoutHttps() {
        assertThatThrownBy(() -> SamlServiceProvider.builder().entityId(URI.create("https://portal.example.de:8443")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("OZG-AUTH-101");
        assertThatThrownBy(() -> SamlServiceProvider.builder().entityId(URI.create("http://portal.example.de")))
                .hasMessageContaining("https URL without port");
    }

    @Test
    void namesTheFirstMissingSetting() {
        assertThatThrownBy(() -> SamlServiceProvider.builder().entityId(URI.create("https://portal.example.de"))
                .build()).hasMessageContaining("acsUrl: is required");
        assertThatThrownBy(() -> builder().binding(SamlServiceProvider.Binding.REDIRECT)
                .idp(IdpMetadata.of(TestIdp.ENTITY_ID, TestIdp.SSO, List.of(TestIdp.KEY.certificate()))).build())
                .hasMessageContaining("no SingleSignOnService for REDIRECT");
    }

    @Test
    void writesMetadataAfterBundIdsRules() {
        String metadata = builder().build().metadata();
        Element root = SecureXml.defaults().parse(new ByteArrayInputStream(metadata.getBytes(StandardCharsets.UTF_8)),
                "sp-metadata.xml").getDocumentElement();

        assertThat(root.getAttribute("entityID")).isEqualTo("https://portal.example.de");
        assertThat(root.hasAttribute("ID")).isFalse();
        assertThat(root.hasAttribute("validUntil")).isFalse();
        assertThat(metadata).contains("use=\"signing\"", "use=\"encryption\"", Saml.AES256_GCM, Saml.RSA_OAEP,
                "Location=\"https://portal.example.de/saml/acs\"", "AuthnRequestsSigned=\"true\"");
    }

    @Test
    void warnsAboutCertificatesExpiringWithin30Days() {
        PrivateKeyCredential expiring = TestKeys.rsa("portal.example.de", Duration.ofDays(10));

        ConfigurationReport report = builder().signingKey(expiring).build().checkConfiguration();

        assertThat(report.isUsable()).isTrue();
        assertThat(report.warnings()).extracting(f -> f.problem().code())
                .containsExactly(AuthError.CERTIFICATE_EXPIRING);
    }

    @Test
    void reportsExpiredIdpMetadataAsError() {
        IdpMetadata expired = IdpMetadata.parse(new ByteArrayInputStream(TestIdp.metadata(TestIdp.KEY.certificate(),
                " validUntil=\"2020-01-01T00:00:00Z\"").getBytes(StandardCharsets.UTF_8)), "idp.xml");

        ConfigurationReport report = builder().idp(expired).build().checkConfiguration();

        assertThat(report.isUsable()).isFalse();
        assertThat(report.errors()).extracting(f -> f.problem().code()).containsExactly(AuthError.IDP_METADATA_EXPIRED);
        assertThatThrownBy(report::throwIfUnusable).hasMessageContaining("OZG-AUTH-105");
    }

    @Test
    void aCleanConfigurationHasNoFindings() {
        assertThat(builder().build().checkConfiguration().findings()).isEmpty();
    }

    @Test
    void refusesACallbackWithoutOrWithRepeatedSamlResponse() {
        SamlServiceProvider sp = builder().build();

        LoginOutcome missing = sp.complete(Callback.of(Map.of("RelayState", "x")));
        LoginOutcome repeated = sp.complete(Callback.ofMultiValued(Map.of("SAMLResponse", List.of("a", "b"))));
        LoginOutcome garbage = sp.complete(Callback.of(Map.of("SAMLResponse", "not base64 !")));

        assertThat(List.of(missing, repeated, garbage)).allSatisfy(outcome ->
                assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.CALLBACK_INVALID));
    }

    @Test
    void refusesXmlThatIsNotASamlResponse() {
        LoginOutcome outcome = builder().build().complete(Callback.of(Map.of("SAMLResponse",
                Base64.getEncoder().encodeToString("<html/>".getBytes(StandardCharsets.UTF_8)))));

        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.RESPONSE_MALFORMED);
    }

    /** The BundID sample, re-signed by the test IdP without InResponseTo: an IdP-initiated (unsolicited) answer. */
    private static String unsolicited() throws Exception {
        Document assertion = SampleResponses.assertion();
        Element root = assertion.getDocumentElement();
        root.removeChild(XmlSignatures.signatureOf(root, "Assertion").orElseThrow());
        Element data = (Element) root.getElementsByTagNameNS(Saml.ASSERTION, "SubjectConfirmationData").item(0);
        data.removeAttribute("InResponseTo");
        root.getElementsByTagNameNS(Saml.ASSERTION, "Issuer").item(0).setTextContent(TestIdp.ENTITY_ID);
        XmlSignatures.sign(root, Saml.child(root, Saml.ASSERTION, "Issuer").orElseThrow(), TestIdp.KEY.privateKey(),
                TestIdp.KEY.certificate(), Saml.RSA_PSS_SHA256, Saml.DIGEST_SHA256, "xsd");
        return SampleResponses.response(assertion, null, TestKeys.SP.certificate());
    }

    private static SamlServiceProvider sampleSp(UnaryOperator<SamlServiceProvider.Builder> configure) {
        return configure.apply(builder().entityId(URI.create(SampleResponses.SP))
                .acsUrl(URI.create(SampleResponses.ACS))
                .clock(Clock.fixed(SAMPLE_TIME, ZoneOffset.UTC))).build();
    }

    @Test
    void refusesAnUnsolicitedAnswerByDefault() throws Exception {
        LoginOutcome outcome = sampleSp(b -> b).complete(Callback.of(Map.of("SAMLResponse", unsolicitedWithIssuer())));

        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.UNSOLICITED_RESPONSE);
    }

    @Test
    void acceptsAnUnsolicitedAnswerWhenEnabled() throws Exception {
        LoginOutcome outcome = sampleSp(b -> b.allowUnsolicited(TrustLevel.SUBSTANTIAL))
                .complete(Callback.of(Map.of("SAMLResponse", unsolicitedWithIssuer())));

        assertThat(outcome.citizen()).hasValueSatisfying(citizen ->
                assertThat(citizen.trustLevel()).isEqualTo(TrustLevel.HIGH));
    }

    /** The unsolicited answer with the response's Issuer switched to the test IdP as well. */
    private static String unsolicitedWithIssuer() throws Exception {
        String base64 = unsolicited();
        String xml = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)
                .replace(">" + SampleResponses.IDP + "<", ">" + TestIdp.ENTITY_ID + "<");
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
