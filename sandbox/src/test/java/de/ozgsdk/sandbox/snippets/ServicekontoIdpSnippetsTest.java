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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Servicekonto IdP mock's sample in SANDBOX.md, run against ozg-auth's SAML service provider. */
class ServicekontoIdpSnippetsTest {

    private static final Pattern INPUT = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private final HttpClient http = HttpClient.newHttpClient();

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
        String loginPage = post(post.action(), post.fields());             // the persona choice
        String answerPage = post(idp.uri(ServicekontoIdpMock.LOGIN),        // pick Erika (eID, level 4)
                Map.of("login", fields(loginPage).get("login"), "persona", "erika-eid"));
        LoginOutcome outcome = sp.complete(Callback.of(fields(answerPage))); // refused: OZG-AUTH-126
        idp.close();
        // @end

        assertThat(((LoginOutcome.Failure) outcome).code().code()).isEqualTo("OZG-AUTH-126");
    }

    private String post(URI uri, Map<String, String> fields) throws Exception {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Map<String, String> fields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            fields.put(input.group(1), input.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return fields;
    }
}
