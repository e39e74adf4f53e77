package de.ozgsdk.auth.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.JdbcPendingRequestStore;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PendingRequestStore;
import de.ozgsdk.auth.saml.BundIdProfile;
import de.ozgsdk.auth.saml.IdpMetadata;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.persistence.Database;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code samples of the auth Javadoc and AUTH.md: each region is copied verbatim into the docs (checked by
 * DocSnippetsTest in the examples module), and the assertions after it prove what the sample claims.
 */
class AuthSnippetsTest {

    private static final HeldCertificate IDP = new HeldCertificate.Builder().rsa2048().commonName("idp").build();
    private static final HeldCertificate SP = new HeldCertificate.Builder().rsa2048().commonName("sp").build();

    @TempDir
    Path configDir;

    private final PrivateKeyCredential spKeys = PrivateKeyCredential.of(SP.keyPair().getPrivate(),
            List.of(SP.certificate()));

    private void writeIdpMetadata() throws IOException, CertificateEncodingException {
        Files.writeString(configDir.resolve("bundid-idp-metadata.xml"),
                "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"https://int.id.bund.de/idp\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                + Base64.getEncoder().encodeToString(IDP.certificate().getEncoded())
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                + " Location=\"https://int.id.bund.de/idp/profile/SAML2/POST/SSO\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>");
    }

    private IdpMetadata readIdpMetadata() throws IOException {
        // @start region="idp-metadata"
        IdpMetadata bundId;
        try (InputStream in = Files.newInputStream(configDir.resolve("bundid-idp-metadata.xml"))) {
            bundId = IdpMetadata.parse(in, "bundid-idp-metadata.xml");
        }
        // @end
        return bundId;
    }

    @Test
    void readsIdpMetadataFromTheConfiguration() throws Exception {
        writeIdpMetadata();

        assertThat(readIdpMetadata().entityId()).isEqualTo("https://int.id.bund.de/idp");
    }

    @Test
    void startsABundIdLoginWithAnAutoPostPage() throws Exception {
        writeIdpMetadata();
        IdpMetadata idpMetadata = readIdpMetadata();

        // @start region="saml-service-provider"
        SamlServiceProvider bundId = SamlServiceProvider.builder()
                .entityId(URI.create("https://portal.example.de"))
                .acsUrl(URI.create("https://portal.example.de/saml/acs"))
                .signingKey(spKeys)
                .decryptionKey(spKeys)
                .idp(idpMetadata)
                .profile(BundIdProfile.builder("Stadt Musterstadt", "musterstadt-anwohnerparken").build())
                .pendingRequests(new InMemoryPendingRequestStore())
                .build();
        bundId.checkConfiguration().throwIfUnusable();

        LoginChallenge challenge = bundId.start(LoginContext.of(Locale.GERMAN), TrustLevel.SUBSTANTIAL);
        String page = ((LoginChallenge.AutoPost) challenge).html(Locale.GERMAN); // sent to the browser
        // @end

        assertThat(page).contains("action=\"https://int.id.bund.de/idp/profile/SAML2/POST/SSO\"", "SAMLRequest");
    }

    @Test
    void handlesEachOutcome() throws Exception {
        writeIdpMetadata();
        SamlServiceProvider provider = SamlServiceProvider.builder()
                .entityId(URI.create("https://portal.example.de"))
                .acsUrl(URI.create("https://portal.example.de/saml/acs"))
                .signingKey(spKeys).decryptionKey(spKeys).idp(readIdpMetadata())
                .profile(BundIdProfile.builder("Stadt Musterstadt", "musterstadt").build())
                .pendingRequests(new InMemoryPendingRequestStore()).build();
        Map<String, String> formFields = Map.of("SAMLResponse", "PHNhbWxwOlJlc3BvbnNlLz4=");
        List<String> shown = new ArrayList<>();

        // @start region="complete-login"
        LoginOutcome outcome = provider.complete(Callback.of(formFields)); // the POST to the ACS
        if (outcome instanceof LoginOutcome.Authenticated ok) {
            Citizen citizen = ok.user(); // toString() prints no personal data
            shown.add("Willkommen, " + citizen.givenName().orElse(""));
        } else if (outcome instanceof LoginOutcome.LevelTooLow tooLow) {
            shown.add("Bitte melden Sie sich mit Niveau " + tooLow.required() + " an.");
        } else {
            LoginOutcome.Failure failure = (LoginOutcome.Failure) outcome; // cancelled, attributes missing, refused
            shown.add(failure.userMessage(Locale.GERMAN)); // e.g. OZG-AUTH-121 for a broken signature
        }
        // @end

        assertThat(shown).hasSize(1);
        assertThat(((LoginOutcome.Failure) outcome).code().code()).isEqualTo("OZG-AUTH-111");
    }

    @Test
    void keepsStartedLoginsInTheDatabase() {
        try (Database database = Database.h2InMemory("auth_" + UUID.randomUUID().toString().replace("-", ""))) {
            // @start region="pending-requests-jdbc"
            PendingRequestStore store = JdbcPendingRequestStore.of(database); // table ozg_auth_request (V7)
            // nightly, or on a scheduler: forget logins nobody completed and used ids past their keep time
            int removed = store.purgeExpired(Instant.now());
            // @end
            assertThat(removed).isZero();
        }
    }
}
