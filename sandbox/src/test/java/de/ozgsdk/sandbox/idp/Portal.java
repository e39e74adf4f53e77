package de.ozgsdk.sandbox.idp;

import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PendingRequestStore;
import de.ozgsdk.auth.saml.BundIdProfile;
import de.ozgsdk.auth.saml.IdpMetadata;
import de.ozgsdk.auth.saml.SamlProfile;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.sandbox.SandboxPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test portal: the real SAML service provider of ozg-auth, registered at the IdP mock by its metadata, and a
 * browser that carries the forms between them over HTTP (JDK client, no JavaScript: it submits the forms itself).
 */
public final class Portal {

    static final URI ENTITY_ID = URI.create("https://portal.musterstadt.example.de");
    static final URI ACS = URI.create("https://portal.musterstadt.example.de/saml/acs");
    private static final Pattern INPUT =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final PrivateKeyCredential SP_KEY = SandboxPki.selfSignedRsa("portal.musterstadt.example.de");

    final SamlServiceProvider sp;
    final ServicekontoIdpMock idp;
    final PendingRequestStore store;
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private Portal(ServicekontoIdpMock idp, SamlServiceProvider sp, PendingRequestStore store) {
        this.idp = idp;
        this.sp = sp;
        this.store = store;
    }

    static SamlProfile bundId() {
        return BundIdProfile.builder("Stadt Musterstadt", "musterstadt-anwohnerparken").build();
    }

    /** A portal with the BundID profile against {@code idp}. */
    public static Portal against(ServicekontoIdpMock idp) throws IOException, InterruptedException {
        return against(idp, builder -> builder.profile(bundId()));
    }

    /** A portal configured further by {@code configure} (profile, binding, clock …). */
    static Portal against(ServicekontoIdpMock idp, UnaryOperator<SamlServiceProvider.Builder> configure)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String metadata = client.send(HttpRequest.newBuilder(idp.uri(ServicekontoIdpMock.METADATA)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        PendingRequestStore store = new InMemoryPendingRequestStore();
        SamlServiceProvider.Builder builder = SamlServiceProvider.builder()
                .entityId(ENTITY_ID)
                .acsUrl(ACS)
                .signingKey(SP_KEY)
                .decryptionKey(SP_KEY)
                .idp(IdpMetadata.parse(new ByteArrayInputStream(metadata.getBytes(StandardCharsets.UTF_8)),
                        "idp-metadata.xml"))
                .pendingRequests(store)
                .clock(Clock.systemUTC())
                .allowedSkew(Duration.ofSeconds(30));
        SamlServiceProvider sp = configure.apply(builder).build();
        HttpResponse<String> registered = client.send(HttpRequest.newBuilder(idp.uri("/__admin/service-providers"))
                .POST(HttpRequest.BodyPublishers.ofString(sp.metadata())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 204) {
            throw new IllegalStateException("registration failed: " + registered.body());
        }
        return new Portal(idp, sp, store);
    }

    /** Starts a login at {@code level} and returns the IdP's page (login page or error page). */
    public HttpResponse<String> startLogin(TrustLevel level) throws IOException, InterruptedException {
        LoginChallenge challenge = sp.start(LoginContext.of(Locale.GERMAN).withRelayState("schritt-2"), level);
        if (challenge instanceof LoginChallenge.AutoPost post) {
            return post(post.action(), post.fields());
        }
        URI location = ((LoginChallenge.Redirect) challenge).location();
        return browser.send(HttpRequest.newBuilder(location).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a login, picks {@code persona} on the login page and hands the answer to the SP. */
    public LoginOutcome login(String persona, TrustLevel level) throws IOException, InterruptedException {
        return complete(answer(persona, level));
    }

    /** The form fields the IdP's answer page posts to the ACS. */
    Map<String, String> answer(String persona, TrustLevel level) throws IOException, InterruptedException {
        HttpResponse<String> page = startLogin(level);
        if (page.statusCode() != 200) {
            throw new IllegalStateException("IdP refused the request: " + page.statusCode() + " " + page.body());
        }
        Map<String, String> choice = new LinkedHashMap<>();
        choice.put("login", fields(page.body()).get("login"));
        if (persona == null) {
            choice.put("cancel", "1");
        } else {
            choice.put("persona", persona);
        }
        HttpResponse<String> answer = post(idp.uri(ServicekontoIdpMock.LOGIN), choice);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("IdP login failed: " + answer.statusCode() + " " + answer.body());
        }
        return fields(answer.body());
    }

    LoginOutcome complete(Map<String, String> fields) {
        return sp.complete(Callback.of(fields));
    }

    HttpResponse<String> post(URI uri, Map<String, String> fields) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The hidden fields of a page (values HTML-unescaped). */
    static Map<String, String> fields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            fields.put(input.group(1), input.group(2).replace("&quot;", "\"").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&"));
        }
        return fields;
    }

    static PrivateKeyCredential spKey() {
        return SP_KEY;
    }
}
