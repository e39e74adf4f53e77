package de.ozgsdk.portal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a citizen's browser does in the tests: log in at the IdP mock, fill steps, press buttons on the pay page. */
public final class Flows {

    private Flows() {
    }

    /** Logs in as {@code persona} over HTTP, through the runtime's provider on {@code node}. */
    static Citizen logIn(PortalWorld world, PortalWorld.Node node, ApplicationRef ref, String persona) {
        LoginChallenge challenge = node.runtime.startLogin(ref, node.sp.id(), LoginContext.of(Locale.GERMAN));
        assertThat(challenge).isInstanceOf(LoginChallenge.AutoPost.class);
        Map<String, String> answer = world.idp.logIn(((LoginChallenge.AutoPost) challenge).fields(), persona);
        LoginOutcome outcome = node.runtime.completeLogin(node.sp.id(), Callback.of(answer));
        assertThat(outcome).isInstanceOf(LoginOutcome.Authenticated.class);
        return outcome.citizen().orElseThrow();
    }

    /** Parameters as a servlet gives them, from name/value pairs. */
    public static Map<String, String[]> form(String... pairs) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return parameters;
    }

    public static Map<String, String[]> address(String postalCode) {
        return form("G99100000002.F99100000004", "Heidestraße 17", "G99100000002.F99100000005", postalCode,
                "G99100000002.F99100000006", "Köln");
    }

    public static Map<String, String[]> vehicle(String plate) {
        return form("G99100000003[0].F99100000007", plate, "G99100000003[0].F99100000008", "pkw");
    }

    public static Map<String, String[]> applicant(String given, String surname, String birthDate) {
        return form("G99100000001.F99100000001", given, "G99100000001.F99100000002", surname,
                "G99100000001.F99100000003", birthDate);
    }

    /** Opens the pay page, presses {@code action} and returns the parameters of the return URL. */
    public static Map<String, String[]> pay(URI payPage, String action) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(payPage).timeout(Duration.ofSeconds(20))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> sent = browser.send(HttpRequest.newBuilder(payPage).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=" + action + "&method=GIROPAY")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(303);
        URI back = URI.create(sent.headers().firstValue("Location").orElseThrow());
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (back.getRawQuery() != null) {
            for (String pair : back.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
        return parameters;
    }
}
