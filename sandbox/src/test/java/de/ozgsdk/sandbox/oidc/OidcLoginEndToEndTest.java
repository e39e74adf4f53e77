package de.ozgsdk.sandbox.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.ConfigurationReport;
import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginMethod;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.oidc.ClaimMapping;
import de.ozgsdk.auth.oidc.ClientAuthentication;
import de.ozgsdk.auth.oidc.OidcProvider;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.OzgHttpClients;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.oidc.internal.TokenMinter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The SDK's OIDC client against the sandbox's OIDC provider over HTTP: personas, algorithms, rotation, faults. */
class OidcLoginEndToEndTest {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(OidcLoginEndToEndTest.class);
    private static final String CLIENT = "ozg-portal";
    private static final String SECRET = "portal-secret";
    private static OidcProviderMock idp;

    @BeforeAll
    static void startProvider() {
        idp = OidcProviderMock.builder().client(CLIENT, SECRET, Browser.REDIRECT_URI).start();
    }

    @AfterAll
    static void stopProvider() {
        idp.close();
    }

    @AfterEach
    void clearFaults() {
        idp.faults().clear();
    }

    private static OidcProvider.Builder client(OidcProviderMock mock) {
        return OidcProvider.builder()
                .issuer(mock.issuer())
                .clientId(CLIENT)
                .clientAuthentication(ClientAuthentication.secretBasic(SECRET))
                .redirectUri(Browser.REDIRECT_URI)
                .store(new InMemoryPendingRequestStore())
                .claimMapping(ClaimMapping.standard().toBuilder()
                        .postboxClaim("postkorb_handle").loginMethodClaim("login_method").build());
    }

    private static LoginOutcome login(OidcProvider client, String persona, TrustLevel required) {
        LoginChallenge challenge = client.start(LoginContext.of(Locale.GERMAN).withRelayState("step-2"), required);
        return client.complete(Browser.loginAs(challenge, persona));
    }

    @Test
    void logsInWithTheOnlineIdCardAtLevelHighWithClaimsAndPostbox() {
        LoginOutcome outcome = login(client(idp).build(), "eid-hoch", TrustLevel.HIGH);

        assertThat(outcome).isInstanceOf(LoginOutcome.Authenticated.class);
        assertThat(outcome.relayState()).contains("step-2");
        Citizen citizen = outcome.citizen().orElseThrow();
        assertThat(citizen.subjectKey()).isEqualTo(idp.persona("eid-hoch").subject());
        assertThat(citizen.issuer()).isEqualTo(idp.issuer());
        assertThat(citizen.trustLevel()).isEqualTo(TrustLevel.HIGH);
        assertThat(citizen.loginMethod()).isEqualTo(LoginMethod.EID);
        assertThat(citizen.givenName()).contains("Erika");
        assertThat(citizen.birthName()).contains("Gabler");
        assertThat(citizen.birthDate()).contains(LocalDate.of(1964, 8, 12));
        assertThat(citizen.placeOfBirth()).contains("Berlin");
        assertThat(citizen.postalCode()).contains("51147");
        assertThat(citizen.nationality()).contains("DE");
        assertThat(citizen.postboxReference()).contains("6b2f0e4c-3a1d-4f5e-8b7c-9d0e1f2a3b4c");
        assertThat(citizen.toString()).doesNotContain("Erika", "Mustermann", citizen.subjectKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eid-hoch", "elster-substanziell", "benutzername-niedrig", "temporaer"})
    void logsInEveryShippedPersonaAtItsLevel(String id) {
        OidcPersona persona = idp.persona(id);

        Citizen citizen = login(client(idp).build(), id, TrustLevel.LOW).citizen().orElseThrow();

        assertThat(citizen.trustLevel()).isEqualTo(persona.level());
        assertThat(citizen.subjectKey()).isEqualTo(persona.subject());
        assertThat(citizen.postboxReference().isPresent()).isEqualTo(persona.claims().containsKey("postkorb_handle"));
    }

    @Test
    void logsNoPersonalDataDuringLoginsAndRefusals() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger sdk = (Logger) LoggerFactory.getLogger("de.ozgsdk");
        Level before = sdk.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        sdk.setLevel(Level.DEBUG);
        try {
            OidcProvider client = client(idp).build();
            login(client, "eid-hoch", TrustLevel.HIGH);
            idp.faults().add(OidcFaults.userinfoSubjectMismatch().once());
            login(client, "eid-hoch", TrustLevel.HIGH);
            idp.faults().add(OidcFaults.wrongNonce().once());
            login(client, "eid-hoch", TrustLevel.HIGH);
            LOG.info("logged in: {}", login(client, "eid-hoch", TrustLevel.HIGH).citizen().orElseThrow());
        } finally {
            root.detachAppender(captured);
            sdk.setLevel(before);
        }

        OidcPersona persona = idp.persona("eid-hoch");
        List<String> personal = new ArrayList<>(List.of(persona.subject(), "Erika", "Mustermann", "Gabler",
                "1964-08-12", "Heidestraße", "51147", "erika.mustermann@example.org"));
        personal.add((String) persona.claims().get("bpk2"));
        personal.add((String) persona.claims().get("postkorb_handle"));
        assertThat(captured.list).as("log lines of four logins").hasSizeGreaterThan(4);
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain(personal);
        }
    }

    @Test
    void keysTheCitizenOnABrokersBpk2ClaimWhenConfigured() {
        OidcProvider client = client(idp).claimMapping(ClaimMapping.standard().toBuilder().subjectClaim("bpk2")
                .build()).build();

        Citizen citizen = login(client, "elster-substanziell", TrustLevel.SUBSTANTIAL).citizen().orElseThrow();

        assertThat(citizen.subjectKey()).isEqualTo(idp.persona("elster-substanziell").claims().get("bpk2"));
    }

    @Test
    void refusesATemporaryLoginWhenTheSubjectClaimIsBpk2() {
        OidcProvider client = client(idp).claimMapping(ClaimMapping.standard().toBuilder().subjectClaim("bpk2")
                .build()).build();

        LoginOutcome outcome = login(client, "temporaer", TrustLevel.LOW);

        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.OIDC_SUBJECT_MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void verifiesIdTokensOfEachSigningAlgorithm(String algorithm) {
        try (OidcProviderMock mock = OidcProviderMock.builder().client(CLIENT, SECRET, Browser.REDIRECT_URI)
                .signingAlgorithm(JWSAlgorithm.parse(algorithm)).start()) {
            assertThat(login(client(mock).build(), "eid-hoch", TrustLevel.HIGH))
                    .isInstanceOf(LoginOutcome.Authenticated.class);
        }
    }

    @Test
    void authenticatesWithClientSecretPost() {
        OidcProvider client = client(idp).clientAuthentication(ClientAuthentication.secretPost(SECRET)).build();

        assertThat(login(client, "eid-hoch", TrustLevel.HIGH)).isInstanceOf(LoginOutcome.Authenticated.class);
    }

    @Test
    void authenticatesWithPrivateKeyJwt() {
        JWK clientKey = TokenMinter.generate(JWSAlgorithm.ES256);
        try (OidcProviderMock mock = OidcProviderMock.builder()
                .clientWithKey(CLIENT, clientKey.toPublicJWK(), Browser.REDIRECT_URI).start()) {
            OidcProvider client = client(mock).clientAuthentication(ClientAuthentication.privateKeyJwt(clientKey))
                    .build();

            assertThat(login(client, "eid-hoch", TrustLevel.HIGH)).isInstanceOf(LoginOutcome.Authenticated.class);
            assertThat(client.checkConfiguration().isUsable()).isTrue();
        }
    }

    @Test
    void refusesTheCodeWhenTheClientSecretIsWrong() {
        OidcProvider client = client(idp).clientAuthentication(ClientAuthentication.secretBasic("wrong")).build();

        LoginOutcome outcome = login(client, "eid-hoch", TrustLevel.HIGH);

        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.OIDC_TOKEN_REFUSED);
    }

    @Test
    void acceptsEachAnswerOnlyOnce() {
        OidcProvider client = client(idp).build();
        LoginChallenge challenge = client.start(LoginContext.of(Locale.GERMAN), TrustLevel.LOW);
        Callback callback = Browser.loginAs(challenge, "eid-hoch");

        assertThat(client.complete(callback)).isInstanceOf(LoginOutcome.Authenticated.class);
        LoginOutcome second = client.complete(callback);

        assertThat(((LoginOutcome.Failure) second).code()).isEqualTo(AuthError.OIDC_STATE_UNKNOWN);
    }

    @Test
    void reportsAUsableConfiguration() {
        ConfigurationReport report = client(idp).build().checkConfiguration();

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void refusesADiscoveryDocumentOfAnotherIssuer() {
        // the mock names itself http://127.0.0.1:<port>; the same server under "localhost" is another issuer
        String other = idp.issuer().replace("127.0.0.1", "localhost");
        OidcProvider client = client(idp).issuer(other).build();

        ConfigurationReport report = client.checkConfiguration();

        assertThat(report.errors()).extracting(f -> f.problem().code())
                .containsExactly(AuthError.OIDC_DISCOVERY_ISSUER_MISMATCH);
        assertThatThrownBy(() -> client.start(LoginContext.of(Locale.GERMAN), TrustLevel.LOW))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(AuthError.OIDC_DISCOVERY_ISSUER_MISMATCH));
    }

    @Test
    void reportsAnUnreachableProviderAtStartUp() {
        OidcProviderMock gone = OidcProviderMock.builder().client(CLIENT, SECRET, Browser.REDIRECT_URI).start();
        OidcProvider client = client(gone).httpClient(OzgHttpClients.create(HttpClientConfig.builder().maxRetries(0)
                .build())).build();
        gone.close();

        assertThat(client.checkConfiguration().errors()).extracting(f -> f.problem().code())
                .containsExactly(AuthError.OIDC_DISCOVERY_FAILED);
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("wrong iss parameter", OidcFaults.wrongIssParameter(),
                        AuthError.OIDC_ISS_PARAMETER_MISMATCH),
                Arguments.of("wrong nonce", OidcFaults.wrongNonce(), AuthError.OIDC_NONCE_MISMATCH),
                Arguments.of("wrong audience", OidcFaults.wrongAudience(), AuthError.OIDC_AUDIENCE_MISMATCH),
                Arguments.of("wrong issuer", OidcFaults.wrongIssuer(), AuthError.OIDC_ISSUER_MISMATCH),
                Arguments.of("expired", OidcFaults.expiredToken(), AuthError.OIDC_TOKEN_EXPIRED),
                Arguments.of("from the future", OidcFaults.tokenFromTheFuture(), AuthError.OIDC_TOKEN_NOT_YET_VALID),
                Arguments.of("unknown kid", OidcFaults.unknownKid(), AuthError.OIDC_KEY_UNKNOWN),
                Arguments.of("alg none", OidcFaults.algNone(), AuthError.OIDC_ALGORITHM_REFUSED),
                Arguments.of("HMAC with public key", OidcFaults.hmacWithPublicKey(),
                        AuthError.OIDC_ALGORITHM_REFUSED),
                Arguments.of("changed after signing", OidcFaults.badSignature(), AuthError.OIDC_SIGNATURE_INVALID),
                Arguments.of("wrong at_hash", OidcFaults.wrongAtHash(), AuthError.OIDC_AT_HASH_MISMATCH),
                Arguments.of("userinfo of another subject", OidcFaults.userinfoSubjectMismatch(),
                        AuthError.OIDC_USERINFO_SUBJECT_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesEachBrokenAnswerWithItsOwnCode(String name, Fault fault, AuthError expected) {
        idp.faults().add(fault.once());

        LoginOutcome outcome = login(client(idp).build(), "eid-hoch", TrustLevel.HIGH);

        assertThat(outcome).isInstanceOf(LoginOutcome.InvalidResponse.class);
        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(expected);
        assertThat(outcome.relayState()).isEmpty();
    }

    @Test
    void reportsACancelAtTheProviderAsCancelled() {
        idp.faults().add(OidcFaults.cancel().once());

        LoginOutcome outcome = login(client(idp).build(), "eid-hoch", TrustLevel.HIGH);

        assertThat(outcome).isInstanceOf(LoginOutcome.Cancelled.class);
        assertThat(outcome.relayState()).contains("step-2");
    }

    @Test
    void reportsALevelDowngradeAsLevelTooLow() {
        idp.faults().add(OidcFaults.levelDowngrade().once());

        LoginOutcome outcome = login(client(idp).build(), "eid-hoch", TrustLevel.HIGH);

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.LevelTooLow.class, tooLow -> {
            assertThat(tooLow.required()).isEqualTo(TrustLevel.HIGH);
            assertThat(tooLow.actual()).isEqualTo(TrustLevel.SUBSTANTIAL);
        });
    }

    @Test
    void reportsALoginBelowTheRequiredLevelAsLevelTooLow() {
        LoginOutcome outcome = login(client(idp).build(), "benutzername-niedrig", TrustLevel.SUBSTANTIAL);

        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.TRUST_LEVEL_TOO_LOW);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void throwsARetryableRemoteFailureWhenTheTokenEndpointFails(int status) {
        idp.faults().add(Fault.status(status).on("POST", OidcProviderMock.TOKEN).once());
        OidcProvider client = client(idp).build();
        LoginChallenge challenge = client.start(LoginContext.of(Locale.GERMAN), TrustLevel.LOW);
        Callback callback = Browser.loginAs(challenge, "eid-hoch");

        assertThatThrownBy(() -> client.complete(callback)).isInstanceOfSatisfying(RemoteSystemException.class, e -> {
            assertThat(e.code()).isEqualTo(AuthError.OIDC_TOKEN_REQUEST_FAILED);
            assertThat(e.httpStatus()).hasValue(status);
            assertThat(e.retryable()).isTrue();
        });
    }

    @Test
    void throwsARemoteFailureWhenTheTokenEndpointIsTooSlow() {
        idp.faults().add(Fault.latency(Duration.ofSeconds(5)).on("POST", OidcProviderMock.TOKEN).once());
        OidcProvider client = client(idp).httpClient(OzgHttpClients.create(HttpClientConfig.builder()
                .readTimeout(Duration.ofMillis(300)).maxRetries(0).build())).build();
        LoginChallenge challenge = client.start(LoginContext.of(Locale.GERMAN), TrustLevel.LOW);
        Callback callback = Browser.loginAs(challenge, "eid-hoch");

        assertThatThrownBy(() -> client.complete(callback)).isInstanceOfSatisfying(RemoteSystemException.class,
                e -> assertThat(e.code()).isEqualTo(AuthError.OIDC_TOKEN_REQUEST_FAILED));
    }

    @Test
    void followsAKeyRotationByFetchingTheKeySetAgain() {
        try (OidcProviderMock mock = OidcProviderMock.builder().client(CLIENT, SECRET, Browser.REDIRECT_URI).start()) {
            Browser.MovableClock clock = new Browser.MovableClock();
            OidcProvider client = client(mock).clock(clock).build();
            assertThat(login(client, "eid-hoch", TrustLevel.HIGH)).isInstanceOf(LoginOutcome.Authenticated.class);

            mock.rotateSigningKey(false);
            clock.advance(Duration.ofSeconds(31));

            assertThat(login(client, "eid-hoch", TrustLevel.HIGH)).isInstanceOf(LoginOutcome.Authenticated.class);
            assertThat(mock.records().of("GET", OidcProviderMock.JWKS)).hasSize(2);
        }
    }

    @Test
    void fetchesTheKeySetForUnknownKeyIdsAtMostOncePerInterval() {
        try (OidcProviderMock mock = OidcProviderMock.builder().client(CLIENT, SECRET, Browser.REDIRECT_URI).start()) {
            Browser.MovableClock clock = new Browser.MovableClock();
            OidcProvider client = client(mock).clock(clock).build();
            login(client, "eid-hoch", TrustLevel.HIGH);
            mock.faults().add(OidcFaults.unknownKid().times(3));

            login(client, "eid-hoch", TrustLevel.HIGH);
            login(client, "eid-hoch", TrustLevel.HIGH);
            assertThat(mock.records().of("GET", OidcProviderMock.JWKS)).hasSize(1);

            clock.advance(Duration.ofSeconds(31));
            LoginOutcome outcome = login(client, "eid-hoch", TrustLevel.HIGH);
            assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.OIDC_KEY_UNKNOWN);
            assertThat(mock.records().of("GET", OidcProviderMock.JWKS)).hasSize(2);
        }
    }
}
