package de.ozgsdk.payment.internal;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.payment.PaymentError;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * OAuth2 {@code client_credentials} access tokens (RFC 6749 section 4.4), cached until shortly before they expire;
 * {@link #invalidate} drops a token the payment service refused with 401. Opaque tokens (GiroCheckout) and JWTs
 * (pmPayment) are treated alike: the client never looks inside.
 */
public final class OAuthTokens {

    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final long DEFAULT_LIFETIME_SECONDS = 300;

    private final HttpUrl endpoint;
    private final String clientId;
    private final String clientSecret;
    private final Optional<String> scope;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public OAuthTokens(URI endpoint, String clientId, String clientSecret, Optional<String> scope, Clock clock) {
        this.endpoint = HttpUrl.get(endpoint.toString());
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.clock = clock;
    }

    /** A valid access token, fetched anew if the cached one is (nearly) expired or was invalidated. */
    public synchronized String current(OkHttpClient client) {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch(client);
        }
        return token;
    }

    /** Drops {@code rejected} if it is still the cached token, so that the next call fetches a new one. */
    public synchronized void invalidate(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch(OkHttpClient client) {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
        scope.ifPresent(value -> form.add("scope", value));
        // client_secret_basic (RFC 6749 section 2.3.1), which every OAuth2 server must support
        Request request = new Request.Builder().url(endpoint)
                .header("Authorization", Credentials.basic(clientId, clientSecret))
                .post(form.build())
                .build();
        Instant requestedAt = clock.instant();
        try (Response response = client.newCall(request).execute()) {
            byte[] body = response.body().bytes();
            if (!response.isSuccessful()) {
                boolean refused = response.code() == 400 || response.code() == 401 || response.code() == 403;
                throw failed(response.code(), refused ? "client credentials refused" : "token endpoint unavailable",
                        refused ? RemoteSystemException.Side.LOCAL : RemoteSystemException.Side.REMOTE, null);
            }
            JsonNode json = XbdWire.MAPPER.readTree(body);
            JsonNode accessToken = json.path("access_token");
            if (!accessToken.isString() || accessToken.asString().isEmpty()) {
                throw failed(response.code(), "answer without access_token", RemoteSystemException.Side.REMOTE, null);
            }
            long lifetime = Math.max(1, json.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS));
            Duration usable = Duration.ofSeconds(lifetime);
            usable = usable.compareTo(MARGIN.multipliedBy(2)) > 0 ? usable.minus(MARGIN) : usable.dividedBy(2);
            token = accessToken.asString();
            renewAt = requestedAt.plus(usable);
        } catch (IOException e) {
            throw failed(-1, e.getClass().getSimpleName(), RemoteSystemException.Side.UNKNOWN, e);
        } catch (JacksonException e) {
            throw failed(-1, "answer is no JSON", RemoteSystemException.Side.REMOTE, e);
        }
    }

    private RemoteSystemException failed(int status, String what, RemoteSystemException.Side side, Throwable cause) {
        RemoteSystemException.Builder builder = RemoteSystemException.builder(
                PaymentError.XBEZAHLDIENSTE_TOKEN_FAILED, "XBezahldienste token");
        if (status > 0) {
            builder.httpStatus(status);
        }
        return builder.side(side).cause(cause).arguments(endpoint.redact(), status > 0 ? status : "-", what).build();
    }
}
