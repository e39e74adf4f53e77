package de.ozgsdk.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.core.TrustLevel;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interop: the SDK's OIDC client against panva's {@code oidc-provider}, an OpenID Certified implementation, run by
 * node on loopback (see {@code src/test/node/server.mjs}). The login interaction is finished by the script for the
 * account in {@code login_hint}; the test's "browser" follows the redirects with cookies, as a real one would.
 */
class OidcProviderInteropTest {

    private static final URI REDIRECT_URI = URI.create("https://portal.example/login/oidc");
    private static final String SECRET = "interop-secret-of-sufficient-length-0123456789";
    private static ECKey clientKey;
    private static NodeOidcProvider node;

    @BeforeAll
    static void startProvider() throws IOException, InterruptedException, JOSEException {
        clientKey = new ECKeyGenerator(Curve.P_256).keyID("ozg-pkjwt-key").generate();
        node = NodeOidcProvider.start(Map.of("OZG_REDIRECT_URI", REDIRECT_URI.toString(),
                "OZG_CLIENT_JWK", clientKey.toPublicJWK().toJSONString()));
    }

    @AfterAll
    static void stopProvider() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }

    private static OidcProvider.Builder client(String clientId) {
        return OidcProvider.builder()
                .issuer(node.issuer())
                .clientId(clientId)
                .clientAuthentication(ClientAuthentication.secretBasic(SECRET))
                .redirectUri(REDIRECT_URI)
                .store(new InMemoryPendingRequestStore())
                .scopes(List.of("openid", "profile", "email", "address", "postbox"))
                .claimMapping(ClaimMapping.standard().toBuilder().postboxClaim("postkorb_handle").build());
    }

    private static LoginOutcome login(OidcProvider client, String account, TrustLevel required) {
        LoginChallenge challenge = client.start(LoginContext.of(Locale.GERMAN).withRelayState("r1"), required);
        URI authorize = ((LoginChallenge.Redirect) challenge).location();
        HttpUrl url = HttpUrl.get(authorize).newBuilder().addQueryParameter("login_hint", account).build();
        return client.complete(browse(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ozg-rs256", "ozg-ps256", "ozg-es256"})
    void logsInWithIdTokensOfEachAlgorithm(String clientId) {
        LoginOutcome outcome = login(client(clientId).build(), "erika", TrustLevel.HIGH);

        assertThat(outcome).isInstanceOf(LoginOutcome.Authenticated.class);
        Citizen citizen = outcome.citizen().orElseThrow();
        assertThat(citizen.subjectKey()).isEqualTo("erika");
        assertThat(citizen.issuer()).isEqualTo(node.issuer());
        assertThat(citizen.trustLevel()).isEqualTo(TrustLevel.HIGH);
        assertThat(citizen.givenName()).contains("Erika");
        assertThat(citizen.locality()).contains("Köln");
        assertThat(citizen.postboxReference()).contains("6b2f0e4c-3a1d-4f5e-8b7c-9d0e1f2a3b4c");
        assertThat(outcome.relayState()).contains("r1");
    }

    @Test
    void authenticatesWithClientSecretPost() {
        OidcProvider client = client("ozg-post").clientAuthentication(ClientAuthentication.secretPost(SECRET))
                .build();

        assertThat(login(client, "erika", TrustLevel.HIGH)).isInstanceOf(LoginOutcome.Authenticated.class);
    }

    @Test
    void authenticatesWithPrivateKeyJwt() {
        OidcProvider client = client("ozg-pkjwt").clientAuthentication(ClientAuthentication.privateKeyJwt(clientKey))
                .build();

        assertThat(login(client, "erika", TrustLevel.HIGH)).isInstanceOf(LoginOutcome.Authenticated.class);
    }

    @Test
    void findsTheCertifiedProvidersConfigurationUsable() {
        assertThat(client("ozg-rs256").build().checkConfiguration().findings()).isEmpty();
    }

    @Test
    void reportsACancelAsCancelled() {
        LoginOutcome outcome = login(client("ozg-rs256").build(), "cancel", TrustLevel.LOW);

        assertThat(outcome).isInstanceOf(LoginOutcome.Cancelled.class);
        assertThat(outcome.relayState()).contains("r1");
    }

    @Test
    void reportsALowLoginForAHighServiceAsLevelTooLow() {
        LoginOutcome outcome = login(client("ozg-rs256").build(), "jonas", TrustLevel.HIGH);

        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.TRUST_LEVEL_TOO_LOW);
    }

    @Test
    void hasTheProviderRefuseACodeRedeemedByAnotherClient() {
        // both clients share store and provider id, so that the second one gets as far as the token request
        InMemoryPendingRequestStore store = new InMemoryPendingRequestStore();
        OidcProvider rightful = client("ozg-rs256").id("portal").store(store).build();
        OidcProvider other = client("ozg-ps256").id("portal").store(store).build();
        LoginChallenge challenge = rightful.start(LoginContext.of(Locale.GERMAN), TrustLevel.LOW);
        Callback callback = browse(HttpUrl.get(((LoginChallenge.Redirect) challenge).location()));

        LoginOutcome outcome = other.complete(callback);

        assertThat(((LoginOutcome.Failure) outcome).code()).isEqualTo(AuthError.OIDC_TOKEN_REFUSED);
    }

    /** Follows redirects with cookies until the provider sends the browser to the redirect URI. */
    private static Callback browse(HttpUrl start) {
        Map<String, Cookie> jar = new HashMap<>();
        OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).cookieJar(new CookieJar() {
            @Override
            public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
                cookies.forEach(cookie -> jar.put(cookie.name() + cookie.path(), cookie));
            }

            @Override
            public List<Cookie> loadForRequest(HttpUrl url) {
                return jar.values().stream().filter(cookie -> cookie.matches(url)).toList();
            }
        }).build();
        HttpUrl url = start;
        for (int hop = 0; hop < 10; hop++) {
            try (Response response = browser.newCall(new Request.Builder().url(url).build()).execute()) {
                String location = response.header("Location");
                assertThat(response.isRedirect()).as("hop %d to %s: %s", hop, url.encodedPath(),
                        response.peekBody(2000).string()).isTrue();
                if (location.startsWith(REDIRECT_URI.toString())) {
                    return callbackOf(URI.create(location));
                }
                url = url.resolve(location);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the provider did not send the browser back within 10 redirects");
    }

    private static Callback callbackOf(URI location) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    k -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return Callback.ofMultiValued(parameters);
    }
}
