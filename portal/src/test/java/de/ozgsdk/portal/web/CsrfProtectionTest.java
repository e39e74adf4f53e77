package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.tenant.PortalTestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsrfProtectionTest {

    static final String MOUNT = LegacyPortal.MOUNT;

    PortalTestDatabases databases;
    LegacyPortal portal;
    RawHttp http;
    String cookie;
    String token;

    @BeforeEach
    void startPortalAndOpenASession() throws Exception {
        databases = PortalTestDatabases.h2();
        TestClock clock = new TestClock(Instant.parse("2026-12-07T22:00:00Z"));
        portal = new LegacyPortal(new FlowTestServlet(JdbcFlowSessions.builder(databases.open()).clock(clock).build(),
                CsrfProtection.of(JdbcFlowSessionsTest.KEY), clock), SecurityHeadersFilter.defaults());
        http = portal.http();
        RawHttp.Response form = http.get("localhost", MOUNT + "/form");
        cookie = form.cookies().get("ozg-flow");
        token = JdbcFlowSessionsTest.token(form);
    }

    @AfterEach
    void stop() throws Exception {
        portal.close();
        databases.close();
    }

    private RawHttp.Response put(String formToken, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Cookie";
        all[1] = cookie;
        System.arraycopy(headers, 0, all, 2, headers.length);
        String body = "key=a&value=b" + (formToken == null ? ""
                : "&" + CsrfProtection.FIELD + "=" + URLEncoder.encode(formToken, StandardCharsets.UTF_8));
        return http.send("POST", "localhost", MOUNT + "/put", body, all);
    }

    @Test
    void acceptsTheTokenOfTheSessionFromTheSameOrigin() throws Exception {
        assertThat(put(token, "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
        assertThat(put(token).status()).as("an old browser sends neither header").isEqualTo(200);
    }

    @Test
    void refusesAPostWithoutTokenWithAGermanPage() throws Exception {
        RawHttp.Response refused = put(null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("x-test-refusal")).contains("missing token");
        assertThat(refused.body()).contains("<html lang=\"de\">", "Anfrage abgewiesen",
                "laden Sie die Seite neu und senden Sie das Formular erneut");
    }

    @Test
    void refusesAWrongTokenWithAnEnglishPageForAnEnglishBrowser() throws Exception {
        // a middle character: the last base64url character of 32 bytes carries 2 bits the decoder ignores
        int middle = token.length() / 2;
        String other = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A')
                + token.substring(middle + 1);

        RawHttp.Response refused = put(other, "Accept-Language", "en-GB,en;q=0.8");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("x-test-refusal")).contains("wrong token");
        assertThat(refused.body()).contains("<html lang=\"en\">", "Request refused", "reload the page");
    }

    @Test
    void refusesACrossSiteRequestEvenWithTheRightToken() throws Exception {
        RawHttp.Response refused = put(token, "Sec-Fetch-Site", "cross-site");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("x-test-refusal")).contains("Sec-Fetch-Site cross-site");
    }

    @Test
    void refusesAForeignOriginAndAcceptsItsOwn() throws Exception {
        RawHttp.Response refused = put(token, "Origin", "https://evil.example");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("x-test-refusal")).contains("foreign Origin https://evil.example");

        String own = "http://localhost:" + portal.port();
        assertThat(put(token, "Origin", own).status()).isEqualTo(200);
    }

    @Test
    void aTokenIsBoundToItsSession() throws Exception {
        RawHttp.Response second = http.get("localhost", MOUNT + "/form");
        String otherToken = JdbcFlowSessionsTest.token(second);

        assertThat(otherToken).isNotEqualTo(token);
        assertThat(put(otherToken).status()).isEqualTo(403);
    }

    @Test
    void aTokenDependsOnTheServerKey() {
        FlowSession session = new FixedSession("same-session-id");
        byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

        assertThat(CsrfProtection.of(JdbcFlowSessionsTest.KEY).token(session))
                .isEqualTo(CsrfProtection.of(JdbcFlowSessionsTest.KEY).token(session))
                .isNotEqualTo(CsrfProtection.of(otherKey).token(session))
                .doesNotContain("same-session-id");
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> CsrfProtection.of(new byte[16]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OZG-PORTAL-506")
                .hasMessageContaining("at least 32 random bytes");
    }

    /** A session with a fixed id, for the token alone. */
    private record FixedSession(String id) implements FlowSession {
        @Override
        public java.util.Optional<String> get(String key) {
            return java.util.Optional.empty();
        }

        @Override
        public void put(String key, String value) {
        }

        @Override
        public void remove(String key) {
        }

        @Override
        public java.util.Map<String, String> values() {
            return java.util.Map.of();
        }

        @Override
        public Instant deadline() {
            return Instant.MAX;
        }
    }
}
