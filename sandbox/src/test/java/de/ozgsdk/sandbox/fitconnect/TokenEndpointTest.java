package de.ozgsdk.sandbox.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.LeikaKey;

/** The OAuth2 token endpoint: client_credentials, client authentication, expiry on the mock's clock. */
class TokenEndpointTest {

    static final UUID DESTINATION = UUID.randomUUID();
    static final TestClock CLOCK = new TestClock();
    static FitConnectSandbox sandbox;
    static Api api;

    @BeforeAll
    static void start() {
        sandbox = FitConnectSandbox.builder().clock(CLOCK).tokenLifetime(Duration.ofMinutes(10))
                .sender("portal", "portal-secret")
                .subscriber("fachverfahren", "fv-secret", DESTINATION)
                .destination(SandboxDestination.builder(DESTINATION).service(LeikaKey.parse("99010003001006"), "DE")
                        .build())
                .start();
        api = new Api(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    Api.Reply tokenRequest(FormBody form, String basic) {
        Request.Builder request = new Request.Builder().url(sandbox.tokenUrl().toString()).post(form);
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    basic.getBytes(StandardCharsets.UTF_8)));
        }
        return api.execute(request.build());
    }

    @Test
    void issuesABearerTokenWithExpiryAndScopeForClientCredentials() {
        Api.Reply reply = tokenRequest(new FormBody.Builder().add("grant_type", "client_credentials")
                .add("client_id", "fachverfahren").add("client_secret", "fv-secret").build(), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.json().get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(reply.json().get("expires_in").longValue()).isEqualTo(600);
        assertThat(reply.json().get("scope").stringValue()).isEqualTo("subscribe:destination:" + DESTINATION);
        assertThat(reply.json().get("access_token").stringValue()).hasSizeGreaterThan(30);
    }

    @Test
    void acceptsClientCredentialsInABasicHeader() {
        Api.Reply reply = tokenRequest(new FormBody.Builder().add("grant_type", "client_credentials").build(),
                "portal:portal-secret");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("scope").stringValue()).isEqualTo("send:region:DE");
    }

    @Test
    void refusesAWrongSecretAndAnUnknownClientWithInvalidClient() {
        for (FormBody form : new FormBody[] {
                new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", "portal")
                        .add("client_secret", "wrong").build(),
                new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", "nobody")
                        .add("client_secret", "portal-secret").build()}) {
            Api.Reply reply = tokenRequest(form, null);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("error").stringValue()).isEqualTo("invalid_client");
        }
    }

    @Test
    void refusesAnotherGrantTypeWithUnsupportedGrantType() {
        Api.Reply reply = tokenRequest(new FormBody.Builder().add("grant_type", "password").add("client_id", "portal")
                .add("client_secret", "portal-secret").build(), null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").stringValue()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void aTokenExpiresOnTheMocksClock() {
        String token = api.token("portal", "portal-secret");
        assertThat(api.get("/v1/destinations/" + DESTINATION, token).status()).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(10));

        Api.Reply expired = api.get("/v1/destinations/" + DESTINATION, token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("detail").stringValue()).contains("expired");
        assertThat(api.get("/v1/destinations/" + DESTINATION, api.token("portal", "portal-secret")).status())
                .isEqualTo(200);
    }

    @Test
    void expireTokensEndsEveryTokenIssuedSoFar() {
        String token = api.token("portal", "portal-secret");

        sandbox.expireTokens();

        assertThat(api.get("/v1/destinations/" + DESTINATION, token).status()).isEqualTo(401);
    }
}
