package de.ozgsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginChallengeTest {

    private static LoginChallenge.AutoPost post(String relayState) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SAMLRequest", "PHNhbWxwOkF1dGhuUmVxdWVzdC8+");
        fields.put("RelayState", relayState);
        return new LoginChallenge.AutoPost("_a1", URI.create("https://id.bund.de/idp/profile/SAML2/POST/SSO"), fields);
    }

    @Test
    void autoPostPageWorksWithoutJavaScriptThroughAVisibleButton() {
        String html = post("step-2").html(Locale.GERMAN);

        assertThat(html).contains("<form id=\"ozg-login\" method=\"post\""
                + " action=\"https://id.bund.de/idp/profile/SAML2/POST/SSO\">")
                .contains("<input type=\"hidden\" name=\"SAMLRequest\" value=\"PHNhbWxwOkF1dGhuUmVxdWVzdC8+\">")
                .contains("<button type=\"submit\">Weiter</button>")
                .contains("<script>" + LoginChallenge.AutoPost.SCRIPT + "</script>");
        assertThat(post("x").html(Locale.ENGLISH)).contains("<html lang=\"en\">", ">Continue</button>");
    }

    @Test
    void autoPostPageEscapesFieldValues() {
        String html = post("\"><script>alert(1)</script>").html(Locale.GERMAN);

        assertThat(html).contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void contentSecurityPolicyAllowsExactlyTheAutoSubmitScript() throws Exception {
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(LoginChallenge.AutoPost.SCRIPT.getBytes(StandardCharsets.UTF_8)));

        assertThat(post("x").contentSecurityPolicy())
                .contains("script-src 'sha256-" + hash + "'")
                .contains("form-action https://id.bund.de;")
                .startsWith("default-src 'none'");
    }

    @Test
    void callbackToStringShowsNamesOnly() {
        Callback callback = Callback.of(Map.of("SAMLResponse", "PHNhbWw+", "RelayState", "step-2"));

        assertThat(callback.toString()).isEqualTo("Callback[RelayState, SAMLResponse]");
        assertThat(callback.single("SAMLResponse")).contains("PHNhbWw+");
        assertThat(Callback.ofMultiValued(Map.of("SAMLResponse", List.of("a", "b")))
                .single("SAMLResponse")).isEmpty();
    }
}
