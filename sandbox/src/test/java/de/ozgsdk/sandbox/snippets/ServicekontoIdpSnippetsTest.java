package de.ozgsdk.sandbox.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.saml.BundIdProfile;
import de.ozgsdk.auth.saml.IdpMetadata;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.idp.ServicekontoIdpMock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Servicekonto IdP mock's sample in SANDBOX.md, run against ozg-auth's SAML service provider. */
class ServicekontoIdpSnippetsTest {

    @Test
    void stagesAnAttackOnARealLogin() throws Exception {
        PrivateKeyCredential spKeys = SandboxPki.selfSignedRsa("portal.example.de");

        // @start region="servicekonto-idp"
        ServicekontoIdpMock idp = ServicekontoIdpMock.builder().start(); // PSS + AES-GCM like BundID today
        SamlServiceProvider sp = SamlServiceProvider.builder()
                .entityId(URI.create("https://portal.example.de"))
                .acsUrl(URI.create("https://portal.example.de/saml/acs"))
                .signingKey(spKeys)
                .decryptionKey(spKeys)
                .idp(IdpMetadata.parse(new ByteArrayInputStream(idp.metadata().getBytes(StandardCharsets.UTF_8)),
                        "sandbox-idp"))
                .profile(BundIdProfile.builder("Stadt Musterstadt", "musterstadt-anwohnerparken").build())
                .pendingRequests(new InMemoryPendingRequestStore())
                .build();
        idp.registerServiceProvider(sp.metadata()); // the mock answers registered SPs only, as BundID does
        idp.faults().add(ServicekontoIdpMock.fault(ServicekontoIdpMock.Error.XSW_WRAPPED_ASSERTION).once());

        LoginChallenge.AutoPost post = (LoginChallenge.AutoPost) sp.start(LoginContext.of(Locale.GERMAN),
                TrustLevel.HIGH);
        Map<String, String> answer = idp.logIn(post.fields(), "erika-eid"); // over HTTP, as a browser would
        LoginOutcome outcome = sp.complete(Callback.of(answer));            // refused: OZG-AUTH-126
        idp.close();
        // @end

        assertThat(((LoginOutcome.Failure) outcome).code().code()).isEqualTo("OZG-AUTH-126");
    }
}
