package de.ozgsdk.sandbox.oidc.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.auth.oidc.AcrMapping;
import de.ozgsdk.auth.oidc.ClaimMapping;
import de.ozgsdk.auth.oidc.ClientAuthentication;
import de.ozgsdk.auth.oidc.OidcProvider;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.oidc.OidcFaults;
import de.ozgsdk.sandbox.oidc.OidcProviderMock;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The code samples of the OIDC client's and the OIDC provider mock's Javadoc, of auth/OIDC.md and of SANDBOX.md: each
 * region is copied verbatim into the docs (checked by DocSnippetsTest in the examples module); the test runs them
 * against the mock and proves what their comments say.
 */
class OidcSnippetsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSamplesDoWhatTheirCommentsSay() throws Exception {
        // @start region="oidc-mock"
        OidcProviderMock idp = OidcProviderMock.builder()
                .client("ozg-portal", "portal-secret", URI.create("https://portal.kommune.example/login/oidc"))
                .start(); // port 0: any free loopback port; personas: OidcPersona.shipped()
        String issuer = idp.issuer(); // http://127.0.0.1:<port>, discovery below it
        idp.faults().add(OidcFaults.wrongNonce().once()); // the next ID token carries a foreign nonce
        // @end
        try (idp) {
            String clientSecret = "portal-secret";
            // @start region="oidc-provider"
            OidcProvider servicekonto = OidcProvider.builder()
                    .issuer(issuer) // exactly as the provider names it, e.g. https://id.kommune.example/realms/bund
                    .clientId("ozg-portal")
                    .clientAuthentication(ClientAuthentication.secretBasic(clientSecret))
                    .redirectUri(URI.create("https://portal.kommune.example/login/oidc"))
                    .store(new InMemoryPendingRequestStore()) // one JVM; JdbcPendingRequestStore for a cluster
                    .build();
            servicekonto.checkConfiguration().throwIfUnusable(); // at start-up: discovery, JWKS, PKCE, client auth

            LoginChallenge challenge = servicekonto.start(LoginContext.of(Locale.GERMAN), TrustLevel.SUBSTANTIAL);
            URI location = ((LoginChallenge.Redirect) challenge).location(); // send the browser there (303)
            // @end
            Map<String, List<String>> parameters = loginAs(location, "eid-hoch");
            LoginOutcome refused = servicekonto.complete(Callback.ofMultiValued(parameters));
            assertThat(((LoginOutcome.Failure) refused).code()).isEqualTo(AuthError.OIDC_NONCE_MISMATCH);

            challenge = servicekonto.start(LoginContext.of(Locale.GERMAN), TrustLevel.SUBSTANTIAL);
            parameters = loginAs(((LoginChallenge.Redirect) challenge).location(), "eid-hoch");
            String shown = null;
            String subjectKey = null;
            // @start region="oidc-complete"
            LoginOutcome outcome = servicekonto.complete(Callback.ofMultiValued(parameters)); // code, state, iss
            if (outcome instanceof LoginOutcome.Failure failure) {
                shown = failure.userMessage(Locale.GERMAN); // failure.code() goes into the log
            } else {
                Citizen citizen = outcome.citizen().orElseThrow();
                subjectKey = citizen.subjectKey(); // drafts are keyed on it; personal data: never log it
            }
            // @end
            assertThat(shown).isNull();
            assertThat(subjectKey).isEqualTo(idp.persona("eid-hoch").subject());

            // @start region="oidc-mock-faults"
            idp.faults().add(OidcFaults.cancel().once()); // authorize: error=access_denied -> Cancelled
            idp.faults().add(OidcFaults.unknownKid().once()); // ID token signed by an unpublished key
            idp.faults().add(Fault.status(503).on("POST", OidcProviderMock.TOKEN).once()); // token endpoint down
            String newKid = idp.rotateSigningKey(false); // new signing key; the old one leaves the JWKS at once
            // @end
            assertThat(login(servicekonto, idp)).isInstanceOf(LoginOutcome.Cancelled.class);
            assertThat(((LoginOutcome.Failure) login(servicekonto, idp)).code()).isEqualTo(AuthError.OIDC_KEY_UNKNOWN);
            assertThat(newKid).isEqualTo(idp.signingKeyId());
        }
    }

    @Test
    void theMappingSamplesMapWhatTheySay() {
        // @start region="oidc-acr-keycloak"
        AcrMapping keycloak = AcrMapping.builder()
                .map("1", TrustLevel.LOW)
                .map("2", TrustLevel.SUBSTANTIAL)
                .map("3", TrustLevel.HIGH)
                .build();
        // @end
        assertThat(keycloak.levelOf("2")).contains(TrustLevel.SUBSTANTIAL);
        assertThat(keycloak.requestValues(TrustLevel.SUBSTANTIAL)).containsExactly("2", "3");

        // @start region="oidc-claims-broker"
        ClaimMapping broker = ClaimMapping.standard().toBuilder()
                .subjectClaim("bpk2")
                .postboxClaim("postkorb_handle")
                .claim("geburtsname", PersonAttribute.BIRTH_NAME)
                .build();
        // @end
        assertThat(broker.claims()).containsEntry("geburtsname", PersonAttribute.BIRTH_NAME)
                .doesNotContainKey("birth_family_name");
    }

    private LoginOutcome login(OidcProvider client, OidcProviderMock idp) throws IOException, InterruptedException {
        LoginChallenge challenge = client.start(LoginContext.of(Locale.GERMAN), TrustLevel.LOW);
        return client.complete(Callback.ofMultiValued(loginAs(((LoginChallenge.Redirect) challenge).location(),
                "eid-hoch")));
    }

    private Map<String, List<String>> loginAs(URI location, String persona) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(location + "&persona=" + persona))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(303);
        String query = URI.create(response.headers().firstValue("Location").orElseThrow()).getRawQuery();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.computeIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
