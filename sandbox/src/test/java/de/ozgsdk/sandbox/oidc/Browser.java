package de.ozgsdk.sandbox.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.LoginChallenge;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The citizen's browser in the OIDC tests: follows the login challenge to the mock's authorize endpoint (choosing a
 * persona with {@code persona=}), and turns the redirect back into the {@link Callback} the portal would receive.
 */
final class Browser {

    static final URI REDIRECT_URI = URI.create("https://portal.example/login/oidc");

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();

    private Browser() {
    }

    /** Logs in as {@code persona} at the provider and returns what arrives at the redirect URI. */
    static Callback loginAs(LoginChallenge challenge, String persona) {
        HttpUrl url = HttpUrl.get(((LoginChallenge.Redirect) challenge).location()).newBuilder()
                .addQueryParameter("persona", persona).build();
        return callbackOf(get(url.toString()));
    }

    /** GETs {@code url} without following redirects. */
    static Reply get(String url) {
        return send(new Request.Builder().url(url).build());
    }

    static Reply send(Request request) {
        try (Response response = HTTP.newCall(request).execute()) {
            return new Reply(response.code(), response.header("Location", ""), response.body().string());
        } catch (IOException e) {
            throw new AssertionError("request to the mock failed", e);
        }
    }

    /** The callback of a 303 redirect to the portal. */
    static Callback callbackOf(Reply reply) {
        assertThat(reply.status()).as("authorize answers with a redirect").isEqualTo(303);
        assertThat(reply.location()).startsWith(REDIRECT_URI.toString());
        String query = URI.create(reply.location()).getRawQuery();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    k -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return Callback.ofMultiValued(parameters);
    }

    /** One answer of the mock. */
    record Reply(int status, String location, String body) {
    }

    /** The system clock moved forward by hand (the mock keeps real time). */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration duration) {
            offset = offset.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
