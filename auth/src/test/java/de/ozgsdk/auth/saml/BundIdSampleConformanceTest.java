package de.ozgsdk.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.AttributeTrust;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginMethod;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PendingRequest;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.auth.saml.internal.ResponseChecker;
import de.ozgsdk.auth.saml.internal.Saml;
import de.ozgsdk.auth.saml.internal.XmlSignatures;
import de.ozgsdk.core.TrustLevel;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * BundID's own sample assertion (interface description 10.2, section 10.2; shared fixtures) through the service
 * provider: its RSA-SHA256 signature verifies with the pinned sample certificate, and the whole pipeline, with the
 * assertion encrypted to a test key, yields Erika Mustermann with bPK2, Postkorb-Handle, level high and the 15
 * attributes with their akdb:TrustLevel.
 */
class BundIdSampleConformanceTest {

    /** Inside the sample's validity window 14:07:46.231Z to 14:12:46.231Z. */
    private static final Instant NOW = Instant.parse("2023-08-04T14:09:00Z");

    private Document assertion;
    private InMemoryPendingRequestStore store;

    @BeforeEach
    void readSample() throws Exception {
        assertion = SampleResponses.assertion();
        store = new InMemoryPendingRequestStore();
    }

    private SamlServiceProvider sp(Instant now) {
        return SamlServiceProvider.builder()
                .entityId(URI.create(SampleResponses.SP))
                .acsUrl(URI.create(SampleResponses.ACS))
                .signingKey(TestKeys.SP)
                .decryptionKey(TestKeys.SP)
                .idp(IdpMetadata.of(SampleResponses.IDP,
                        URI.create("https://int.id.bund.de/idp/profile/SAML2/POST/SSO"),
                        List.of(SampleResponses.certificate(assertion))))
                .profile(BundIdProfile.builder("Stadt Musterstadt", "musterstadt-test").build())
                .pendingRequests(store)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    private void pending() {
        store.remember(new PendingRequest(SampleResponses.REQUEST_ID, SampleResponses.SP, TrustLevel.SUBSTANTIAL,
                NOW.minusSeconds(60), NOW.plus(Duration.ofMinutes(30)), Map.of()));
    }

    @Test
    void sampleSignatureVerifiesWithThePinnedCertificate() {
        Element root = assertion.getDocumentElement();
        Element signature = XmlSignatures.signatureOf(root, "Assertion").orElseThrow();

        String algorithm = XmlSignatures.verify(root, signature, "Assertion",
                List.of(SampleResponses.certificate(assertion).getPublicKey()), AlgorithmPolicy.defaults());

        assertThat(algorithm).isEqualTo(Saml.RSA_SHA256);
    }

    @Test
    void readsTheFifteenAttributesByNameWithTheirTrustLevels() {
        var attributes = ResponseChecker.attributes(assertion.getDocumentElement());

        assertThat(attributes).hasSize(15);
        assertThat(attributes.get("urn:oid:2.5.4.42").trust()).contains(AttributeTrust.HIGH);
        assertThat(attributes.get("urn:oid:2.5.4.18").trust()).contains(AttributeTrust.NORMAL);
        assertThat(attributes.get("urn:oid:1.3.6.1.4.1.33592.1.3.5").trust()).contains(AttributeTrust.SUBORDINATE);
    }

    @Test
    void wholePipelineYieldsErikaFromTheRealBundIdAssertion() throws Exception {
        pending();

        LoginOutcome outcome = sp(NOW).complete(Callback.of(Map.of("SAMLResponse",
                SampleResponses.response(assertion, SampleResponses.REQUEST_ID, TestKeys.SP.certificate()))));

        assertThat(outcome).isInstanceOf(LoginOutcome.Authenticated.class);
        Citizen erika = outcome.citizen().orElseThrow();
        assertThat(erika.subjectKey()).isEqualTo("k2jBT0cykDVqiKWia1VMzqmntTu-EwGskIYlcCIGt_8");
        assertThat(erika.postboxReference()).contains("b980f78d-f5e0-45d9-8971-cc0e27f0beaf");
        assertThat(erika.trustLevel()).isEqualTo(TrustLevel.HIGH);
        assertThat(erika.loginMethod()).isEqualTo(LoginMethod.EID);
        assertThat(erika.issuer()).isEqualTo(SampleResponses.IDP);
        assertThat(erika.authenticatedAt()).isEqualTo(Instant.parse("2023-08-04T14:07:43.661Z"));
        assertThat(erika.givenName()).contains("ERIKA");
        assertThat(erika.surname()).contains("MUSTERMANN");
        assertThat(erika.postalAddress()).contains("HEIDESTRAẞE 17");
        assertThat(erika.birthDate()).hasValueSatisfying(date -> assertThat(date).hasToString("1964-08-12"));
        assertThat(erika.trustOf(PersonAttribute.EMAIL)).contains(AttributeTrust.NORMAL);
        assertThat(erika.attributes()).hasSize(15);
    }

    @Test
    void refusesTheSampleAfterItsValidityWindow() throws Exception {
        pending();

        LoginOutcome outcome = sp(Instant.parse("2023-08-04T14:14:00Z")).complete(Callback.of(Map.of("SAMLResponse",
                SampleResponses.response(assertion, SampleResponses.REQUEST_ID, TestKeys.SP.certificate()))));

        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.ASSERTION_EXPIRED);
    }

    @Test
    void refusesTheSampleWithoutAPendingRequest() throws Exception {
        LoginOutcome outcome = sp(NOW).complete(Callback.of(Map.of("SAMLResponse",
                SampleResponses.response(assertion, SampleResponses.REQUEST_ID, TestKeys.SP.certificate()))));

        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.IN_RESPONSE_TO_UNKNOWN);
    }

    @Test
    void refusesAResponseNamingAnotherRequestThanItsAssertion() throws Exception {
        pending();

        LoginOutcome outcome = sp(NOW).complete(Callback.of(Map.of("SAMLResponse",
                SampleResponses.response(assertion, "_another-request", TestKeys.SP.certificate()))));

        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.IN_RESPONSE_TO_MISMATCH);
    }
}
