package de.ozgsdk.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.ConfigurationReport;
import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PendingRequest;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.TrustLevel;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OIDC client's checks against a provider scripted per test (MockWebServer, real RS256 tokens). */
class OidcProviderTest {

    private static final URI REDIRECT = URI.create("https://portal.example/login/oidc");
    private ScriptedProvider provider;
    private InMemoryPendingRequestStore store;

    @BeforeEach
    void start() throws Exception {
        provider = new ScriptedProvider();
        store = new InMemoryPendingRequestStore();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private OidcProvider.Builder client() {
        return OidcProvider.builder().issuer(provider.issuer()).clientId("portal")
                .clientAuthentication(ClientAuthentication.secretBasic("s3cret")).redirectUri(REDIRECT).store(store);
    }

    /** Starts a login, lets the scripted provider answer with its nonce, returns the callback parameters. */
    private Map<String, String> started(OidcProvider client, TrustLevel level) {
        LoginChallenge challenge = client.start(LoginContext.of(Locale.GERMAN), level);
        Map<String, String> query = query(((LoginChallenge.Redirect) challenge).location());
        provider.nonce = query.get("nonce");
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("code", "code-1");
        callback.put("state", query.get("state"));
        return callback;
    }

    private LoginOutcome login(OidcProvider client) {
        return client.complete(Callback.of(started(client, TrustLevel.LOW)));
    }

    private static ErrorCode code(LoginOutcome outcome) {
        assertThat(outcome).isInstanceOf(LoginOutcome.Failure.class);
        return ((LoginOutcome.Failure) outcome).code();
    }

    @Test
    void sendsAnS256ChallengeOfTheVerifierItRedeemsTheCodeWith() throws Exception {
        OidcProvider client = client().build();
        LoginChallenge challenge = client.start(LoginContext.of(Locale.GERMAN), TrustLevel.SUBSTANTIAL);
        Map<String, String> query = query(((LoginChallenge.Redirect) challenge).location());
        provider.nonce = query.get("nonce");

        assertThat(client.complete(Callback.of(Map.of("code", "code-1", "state", query.get("state")))))
                .isInstanceOf(LoginOutcome.Authenticated.class);

        RecordedRequest token = provider.requests.stream()
                .filter(r -> r.getUrl().encodedPath().equals("/token")).findFirst().orElseThrow();
        Map<String, String> form = form(token.getBody().utf8());
        String verifier = form.get("code_verifier");
        assertThat(query).containsEntry("code_challenge_method", "S256").containsEntry("code_challenge",
                Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII))));
        assertThat(query).containsEntry("response_type", "code").containsEntry("scope", "openid profile email")
                .containsEntry("acr_values", "http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high")
                .containsEntry("state", challenge.requestId());
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "code-1")
                .containsEntry("redirect_uri", REDIRECT.toString()).doesNotContainKey("client_secret");
        assertThat(token.getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic("portal", "s3cret"));
    }

    @Test
    void refusesAReplayedIdToken() {
        // two logins with the same nonce (planted in the store) get the same token from a lax provider
        OidcProvider client = client().build();
        provider.nonce = "planted";
        String token = provider.idToken();
        provider.tokenAnswer = body -> ScriptedProvider.json(200,
                "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"id_token\":\"" + token + "\"}");
        plant(client, "second-login");
        plant(client, "third-login");

        assertThat(client.complete(Callback.of(Map.of("code", "c", "state", "second-login"))))
                .isInstanceOf(LoginOutcome.Authenticated.class);
        assertThat(code(client.complete(Callback.of(Map.of("code", "c", "state", "third-login")))))
                .isEqualTo(AuthError.OIDC_TOKEN_REPLAYED);
    }

    private void plant(OidcProvider client, String state) {
        Instant now = Instant.now();
        store.remember(new PendingRequest(state, client.id(), TrustLevel.LOW, now, now.plusSeconds(600),
                Map.of("nonce", "planted", "pkce", "verifier")));
    }

    @Test
    void refusesSeveralAudiencesWithoutAnAuthorizedParty() {
        provider.claims = b -> b.audience(List.of("portal", "other"));

        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_AZP_INVALID);
    }

    @Test
    void refusesAnAuthorizedPartyThatIsAnotherClient() {
        provider.claims = b -> b.claim("azp", "other");

        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_AZP_INVALID);
    }

    @Test
    void refusesAnAcrTheMappingDoesNotKnowAndAcceptsItOnceMapped() {
        provider.claims = b -> b.claim("acr", "gold");

        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_ACR_UNKNOWN);
        assertThat(login(client().acrMapping(AcrMapping.builder().map("gold", TrustLevel.HIGH).build()).build())
                .citizen().orElseThrow().trustLevel()).isEqualTo(TrustLevel.HIGH);
    }

    @Test
    void refusesAnIdTokenWithoutSubject() {
        provider.claims = b -> b.subject(null);
        provider.userinfoAnswer = ScriptedProvider.json(200, "{\"given_name\":\"Erika\"}");

        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_SUBJECT_MISSING);
    }

    @Test
    void refusesARelayStateTooLongForTheStore() {
        OidcProvider client = client().build();

        assertThatThrownBy(() -> client.start(LoginContext.of(Locale.GERMAN).withRelayState("x".repeat(1001)),
                TrustLevel.LOW)).isInstanceOfSatisfying(de.ozgsdk.core.InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(AuthError.RELAY_STATE_INVALID));
    }

    @Test
    void refusesAMissingAcr() {
        provider.claims = b -> b.claim("acr", null);

        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_ACR_UNKNOWN);
    }

    @Test
    void requiresTheIssParameterWhenTheProviderAnnouncesIt() {
        provider.discovery.put("authorization_response_iss_parameter_supported", true);
        OidcProvider client = client().build();

        assertThat(code(login(client))).isEqualTo(AuthError.OIDC_ISS_PARAMETER_MISMATCH);
        Map<String, String> callback = started(client, TrustLevel.LOW);
        callback.put("iss", provider.issuer());
        assertThat(client.complete(Callback.of(callback))).isInstanceOf(LoginOutcome.Authenticated.class);
    }

    @Test
    void reportsAnotherAuthorizationErrorWithItsCodeAndConsumesTheState() {
        OidcProvider client = client().build();
        Map<String, String> callback = started(client, TrustLevel.LOW);
        callback.remove("code");
        callback.put("error", "login_required");

        assertThat(code(client.complete(Callback.of(callback)))).isEqualTo(AuthError.OIDC_AUTHORIZATION_ERROR);
        assertThat(code(client.complete(Callback.of(callback)))).isEqualTo(AuthError.OIDC_STATE_UNKNOWN);
        assertThat(provider.count("/token")).isZero();
    }

    @Test
    void refusesARepeatedStateOrAMissingCode() {
        OidcProvider client = client().build();
        Map<String, String> callback = started(client, TrustLevel.LOW);

        assertThat(code(client.complete(Callback.ofMultiValued(Map.of("code", List.of("c"), "state",
                List.of(callback.get("state"), "other")))))).isEqualTo(AuthError.OIDC_CALLBACK_INVALID);
        assertThat(code(client.complete(Callback.of(Map.of("state", callback.get("state"))))))
                .isEqualTo(AuthError.OIDC_CALLBACK_INVALID);
    }

    @Test
    void refusesAnAnswerAfterTheRequestLifetime() {
        MutableClock clock = new MutableClock();
        OidcProvider client = client().clock(clock).requestLifetime(Duration.ofMinutes(10)).build();
        Map<String, String> callback = started(client, TrustLevel.LOW);

        clock.advance(Duration.ofMinutes(10));

        assertThat(code(client.complete(Callback.of(callback)))).isEqualTo(AuthError.OIDC_STATE_UNKNOWN);
    }

    @Test
    void toleratesExpiryWithinTheAllowedSkewOnly() {
        provider.claims = b -> b.expirationTime(Date.from(Instant.now().minusSeconds(30)));
        assertThat(login(client().build())).isInstanceOf(LoginOutcome.Authenticated.class);

        provider.claims = b -> b.expirationTime(Date.from(Instant.now().minusSeconds(30)));
        assertThat(code(login(client().allowedSkew(Duration.ofSeconds(10)).build())))
                .isEqualTo(AuthError.OIDC_TOKEN_EXPIRED);
    }

    @Test
    void refusesATokenWithoutExpiry() {
        provider.claims = b -> b.expirationTime(null);

        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_TOKEN_EXPIRED);
    }

    @Test
    void refusesANotBeforeInTheFuture() {
        provider.claims = b -> b.notBeforeTime(Date.from(Instant.now().plusSeconds(600)));

        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_TOKEN_NOT_YET_VALID);
    }

    @Test
    void verifiesATokenWithoutKeyIdWithTheKeysOfTheSet() {
        provider.keyIdInHeader = false;

        assertThat(login(client().build())).isInstanceOf(LoginOutcome.Authenticated.class);
    }

    @Test
    void refusesAnAlgorithmOutsideTheConfiguredAllowList() {
        assertThat(code(login(client().algorithms(Set.of(JWSAlgorithm.PS256)).build())))
                .isEqualTo(AuthError.OIDC_ALGORITHM_REFUSED);
    }

    @Test
    void refusesAnEncryptedIdToken() {
        provider.tokenAnswer = body -> ScriptedProvider.json(200, "{\"access_token\":\"a\",\"token_type\":\"Bearer\","
                + "\"id_token\":\"eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.a.b.c.d\"}");

        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_ID_TOKEN_MALFORMED);
    }

    @Test
    void refusesTokenResponsesWithoutIdTokenOrBearerType() {
        provider.tokenAnswer = body -> ScriptedProvider.json(200, "{\"access_token\":\"a\",\"token_type\":\"Bearer\"}");
        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_TOKEN_RESPONSE_INVALID);

        provider.tokenAnswer = body -> ScriptedProvider.json(200, "{\"access_token\":\"a\",\"token_type\":\"mac\","
                + "\"id_token\":\"" + provider.idToken() + "\"}");
        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_TOKEN_RESPONSE_INVALID);
    }

    @Test
    void refusesWhenUserinfoRefusesTheAccessTokenAndThrowsWhenItFails() {
        provider.userinfoAnswer = new MockResponse.Builder().code(401).build();
        assertThat(code(login(client().build()))).isEqualTo(AuthError.OIDC_USERINFO_FAILED);

        provider.userinfoAnswer = new MockResponse.Builder().code(502).build();
        OidcProvider client = client().build();
        Map<String, String> callback = started(client, TrustLevel.LOW);
        assertThatThrownBy(() -> client.complete(Callback.of(callback)))
                .isInstanceOfSatisfying(RemoteSystemException.class,
                        e -> assertThat(e.code()).isEqualTo(AuthError.OIDC_USERINFO_FAILED));
    }

    @Test
    void keepsTheSignedIdTokenClaimsOverUserinfo() {
        provider.claims = b -> b.claim("given_name", "Signed");
        provider.userinfoAnswer = ScriptedProvider.json(200, "{\"sub\":\"citizen-1\",\"given_name\":\"Unsigned\","
                + "\"family_name\":\"Beispiel\"}");

        LoginOutcome outcome = login(client().build());

        assertThat(outcome.citizen().orElseThrow().givenName()).contains("Signed");
        assertThat(outcome.citizen().orElseThrow().surname()).contains("Beispiel");
    }

    @Test
    void cachesTheDiscoveryDocumentForItsMaximumAge() {
        MutableClock clock = new MutableClock();
        OidcProvider client = client().clock(clock).discoveryMaxAge(Duration.ofMinutes(60)).build();
        client.start(LoginContext.of(Locale.GERMAN), TrustLevel.LOW);
        client.start(LoginContext.of(Locale.GERMAN), TrustLevel.LOW);
        assertThat(provider.count("/.well-known/openid-configuration")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(61));
        client.start(LoginContext.of(Locale.GERMAN), TrustLevel.LOW);

        assertThat(provider.count("/.well-known/openid-configuration")).isEqualTo(2);
    }

    @Test
    void reportsWhatTheProviderDoesNotOffer() {
        provider.discovery.put("code_challenge_methods_supported", List.of("plain"));
        provider.discovery.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        provider.discovery.put("id_token_signing_alg_values_supported", List.of("HS256"));
        provider.discovery.remove("userinfo_endpoint");

        ConfigurationReport report = client().build().checkConfiguration();

        assertThat(report.errors()).extracting(f -> f.problem().code()).containsOnly(
                AuthError.OIDC_PROVIDER_UNSUPPORTED);
        assertThat(report.errors()).extracting(ConfigurationReport.Finding::message)
                .anyMatch(m -> m.contains("PKCE S256"))
                .anyMatch(m -> m.contains("client_secret_basic"))
                .anyMatch(m -> m.contains("ID token algorithm"));
        assertThat(report.warnings()).hasSize(1);
    }

    @Test
    void reportsAKeySetThatPublishesPrivateKeys() {
        provider.jwks = new JWKSet(provider.key).toString(false);

        ConfigurationReport report = client().build().checkConfiguration();

        assertThat(report.errors()).extracting(f -> f.problem().code()).containsExactly(AuthError.OIDC_JWKS_FAILED);
    }

    @Test
    void refusesUnsafeSettingsInTheBuilder() {
        assertConfig(() -> OidcProvider.builder().issuer("http://id.example"), AuthError.CONFIG_INVALID);
        assertConfig(() -> OidcProvider.builder().redirectUri(URI.create("http://portal.example/cb")),
                AuthError.CONFIG_INVALID);
        assertConfig(() -> OidcProvider.builder().algorithms(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.HS256)),
                AuthError.CONFIG_INVALID);
        assertConfig(() -> OidcProvider.builder().algorithms(Set.of(new JWSAlgorithm("none"))),
                AuthError.CONFIG_INVALID);
        assertConfig(() -> OidcProvider.builder().allowedSkew(Duration.ofMinutes(10)), AuthError.CONFIG_INVALID);
        assertConfig(() -> client().store(null), null);
        assertConfig(() -> OidcProvider.builder().issuer(provider.issuer()).clientId("portal")
                .clientAuthentication(ClientAuthentication.secretBasic("s")).redirectUri(REDIRECT).build(),
                AuthError.CONFIG_INVALID);
    }

    private static void assertConfig(ThrowingCallable call, ErrorCode code) {
        if (code == null) {
            assertThatThrownBy(call).isInstanceOf(NullPointerException.class);
            return;
        }
        assertThatThrownBy(call).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
