package de.ozgsdk.sandbox.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.sandbox.RecordedExchange;
import de.ozgsdk.sandbox.SandboxError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OIDC provider mock on its own: the picker page, its refusals, the token endpoint's checks, record, admin. */
class OidcProviderMockTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"; // RFC 7636, appendix B
    private static OidcProviderMock idp;

    @BeforeAll
    static void start() {
        idp = OidcProviderMock.builder().client("portal", "portal-secret-42", Browser.REDIRECT_URI).start();
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    private static HttpUrl.Builder authorize() {
        return HttpUrl.get(idp.uri(OidcProviderMock.AUTHORIZE).toString()).newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", "portal")
                .addQueryParameter("redirect_uri", Browser.REDIRECT_URI.toString())
                .addQueryParameter("scope", "openid profile")
                .addQueryParameter("state", "s1")
                .addQueryParameter("nonce", "n1")
                .addQueryParameter("code_challenge", CHALLENGE)
                .addQueryParameter("code_challenge_method", "S256");
    }

    private static String code(String persona) {
        return Browser.callbackOf(Browser.get(authorize().addQueryParameter("persona", persona).build().toString()))
                .single("code").orElseThrow();
    }

    private static Browser.Reply token(String code, String verifier, String secret) {
        return Browser.send(new Request.Builder().url(idp.uri(OidcProviderMock.TOKEN).toString())
                .header("Authorization", okhttp3.Credentials.basic("portal", secret))
                .post(new FormBody.Builder().add("grant_type", "authorization_code").add("code", code)
                        .add("redirect_uri", Browser.REDIRECT_URI.toString()).add("code_verifier", verifier).build())
                .build());
    }

    @Test
    void showsAPersonaPickerThatLogsInTheChosenPersona() {
        Browser.Reply page = Browser.get(authorize().build().toString());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Erika Mustermann, Online-Ausweis (hoch)", "name=\"cancel\"",
                "http://eidas.europa.eu/LoA/substantial");

        Callback callback = Browser.callbackOf(postForm(page.body(), Map.of("persona", "elster-substanziell")));

        assertThat(callback.single("state")).contains("s1");
        assertThat(callback.single("iss")).contains(idp.issuer());
        assertThat(callback.single("code")).isPresent();
    }

    @Test
    void answersTheCancelButtonWithAccessDenied() {
        Browser.Reply page = Browser.get(authorize().build().toString());

        Callback callback = Browser.callbackOf(postForm(page.body(), Map.of("cancel", "1")));

        assertThat(callback.single("error")).contains("access_denied");
        assertThat(callback.single("state")).contains("s1");
    }

    @Test
    void neverRedirectsToAnUnregisteredRedirectUri() {
        Browser.Reply reply = Browser.get(authorize().setQueryParameter("redirect_uri", "https://evil.example/cb")
                .addQueryParameter("persona", "eid-hoch").build().toString());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.location()).isEmpty();
    }

    @Test
    void requiresPkceWithS256() {
        Callback callback = Browser.callbackOf(Browser.get(authorize().setQueryParameter("code_challenge_method",
                "plain").addQueryParameter("persona", "eid-hoch").build().toString()));

        assertThat(callback.single("error")).contains("invalid_request");
    }

    @Test
    void redeemsACodeOnceAndOnlyWithItsVerifierAndSecret() throws Exception {
        assertThat(token(code("eid-hoch"), VERIFIER, "wrong").status()).isEqualTo(401);
        assertThat(error(token(code("eid-hoch"), VERIFIER.replace('d', 'e'), "portal-secret-42"))).isEqualTo("invalid_grant");

        String code = code("eid-hoch");
        Browser.Reply first = token(code, VERIFIER, "portal-secret-42");
        assertThat(first.status()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(first.body())).containsKeys("id_token", "access_token")
                .containsEntry("token_type", "Bearer");
        assertThat(error(token(code, VERIFIER, "portal-secret-42"))).isEqualTo("invalid_grant");
    }

    @Test
    void recordsTokenRequestsWithoutCodeVerifierOrSecret() {
        String code = code("eid-hoch");
        token(code, VERIFIER, "portal-secret-42");

        RecordedExchange exchange = idp.records().of("POST", OidcProviderMock.TOKEN).get(
                idp.records().of("POST", OidcProviderMock.TOKEN).size() - 1);

        assertThat(exchange.toString()).contains("grant_type=authorization_code").doesNotContain(code, VERIFIER,
                "portal-secret-42");
        assertThat(exchange.headers()).containsEntry("authorization", "***");
    }

    @Test
    void rotatesItsKeyAndListsItsPersonasThroughTheAdminEndpoint() throws Exception {
        String before = idp.signingKeyId();

        Browser.Reply rotated = Browser.send(new Request.Builder().url(idp.uri("/__admin/oidc/rotate-key")
                .toString()).post(RequestBody.create(new byte[0], (MediaType) null)).build());
        Browser.Reply personas = Browser.get(idp.uri("/__admin/oidc/personas").toString());

        assertThat(JSONObjectUtils.parse(rotated.body()).get("kid")).isEqualTo(idp.signingKeyId()).isNotEqualTo(before);
        assertThat(idp.publicKeys().getKeyByKeyId(before)).as("graceful rotation keeps the old key").isNotNull();
        assertThat(personas.body()).contains("\"id\":\"eid-hoch\"", "\"level\":\"HIGH\"");
    }

    @Test
    void refusesBrokenSettingsWithTheirCodes() {
        assertCode(() -> OidcProviderMock.builder().start(), SandboxError.OIDC_CLIENT_INVALID);
        assertCode(() -> OidcProviderMock.builder().signingAlgorithm(JWSAlgorithm.HS256),
                SandboxError.OIDC_ALGORITHM_UNSUPPORTED);
        assertCode(() -> idp.persona("nobody"), SandboxError.OIDC_PERSONA_UNKNOWN);
        assertCode(() -> OidcPersona.fromJson(new ByteArrayInputStream(
                "{\"personas\":[{\"id\":\"x\",\"subject\":\"s\",\"level\":\"LoA-42\"}]}"
                        .getBytes(StandardCharsets.UTF_8))), SandboxError.OIDC_PERSONA_INVALID);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private static String error(Browser.Reply reply) throws Exception {
        return (String) JSONObjectUtils.parse(reply.body()).get("error");
    }

    /** Submits the picker page's form with its hidden fields and {@code chosen}, as a browser would. */
    private static Browser.Reply postForm(String page, Map<String, String> chosen) {
        FormBody.Builder form = new FormBody.Builder();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(page);
        Map<String, String> fields = new LinkedHashMap<>();
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        fields.putAll(chosen);
        fields.forEach(form::add);
        assertThat(fields).containsKeys("client_id", "state", "code_challenge");
        return Browser.send(new Request.Builder().url(idp.uri(OidcProviderMock.AUTHORIZE).toString())
                .post(form.build()).build());
    }
}
