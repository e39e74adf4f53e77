package de.ozgsdk.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.JdbcPendingRequestStore;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.persistence.Database;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OIDC client with the SDK database as its store (H2, migration V7): nonce, PKCE verifier and a relay state with
 * characters that need encoding survive the round trip, and two portal nodes on one database complete each other's
 * logins exactly once.
 */
class OidcJdbcStoreTest {

    private ScriptedProvider provider;
    private Database database;

    @BeforeEach
    void start() throws Exception {
        provider = new ScriptedProvider();
        database = Database.h2InMemory("oidc_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @AfterEach
    void stop() {
        provider.close();
        database.close();
    }

    private OidcProvider node() {
        return OidcProvider.builder().issuer(provider.issuer()).clientId("portal").id("portal-oidc")
                .clientAuthentication(ClientAuthentication.secretBasic("s3cret"))
                .redirectUri(URI.create("https://portal.example/login/oidc"))
                .store(JdbcPendingRequestStore.of(database)).build();
    }

    @Test
    void completesOnAnotherNodeOnceWithTheRelayStateIntact() {
        String relay = "step=2&name=Straße/Ö?x=1 %";
        LoginChallenge challenge = node().start(LoginContext.of(Locale.GERMAN).withRelayState(relay), TrustLevel.LOW);
        String query = ((LoginChallenge.Redirect) challenge).location().getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("nonce=")) {
                provider.nonce = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        Callback callback = Callback.of(Map.of("code", "c", "state", challenge.requestId()));

        LoginOutcome outcome = node().complete(callback);
        LoginOutcome again = node().complete(callback);

        assertThat(outcome).isInstanceOf(LoginOutcome.Authenticated.class);
        assertThat(outcome.relayState()).contains(relay);
        assertThat(((LoginOutcome.Failure) again).code()).isEqualTo(AuthError.OIDC_STATE_UNKNOWN);
    }
}
