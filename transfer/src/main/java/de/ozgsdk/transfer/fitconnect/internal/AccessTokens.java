package de.ozgsdk.transfer.fitconnect.internal;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;

/**
 * OAuth2 {@code client_credentials} access tokens of the API client, cached until {@code tokenRefreshMargin} before
 * they expire; {@link #invalidate} drops a token the delivery service no longer accepts (a 401 in mid-flow).
 */
public final class AccessTokens {

    private final OkHttpClient client;
    private final HttpUrl endpoint;
    private final String clientId;
    private final String clientSecret;
    private final Duration margin;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public AccessTokens(OkHttpClient client, FitConnectConfig config) {
        this.client = client;
        this.endpoint = HttpUrl.get(config.tokenEndpoint().toString());
        this.clientId = config.clientId();
        this.clientSecret = config.clientSecret();
        this.margin = config.tokenRefreshMargin();
        this.clock = config.clock();
    }

    /** A valid access token, fetched anew if the cached one is (nearly) expired or was invalidated. */
    public synchronized String current() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    /** Drops {@code rejected} if it is still the cached token, so that the next call fetches a new one. */
    public synchronized void invalidate(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch() {
        Request request = new Request.Builder().url(endpoint)
                .post(new FormBody.Builder()
                        .add("grant_type", "client_credentials")
                        .add("client_id", clientId)
                        .add("client_secret", clientSecret)
                        .build())
                .build();
        Instant requestedAt = clock.instant();
        try (Response response = client.newCall(request).execute()) {
            byte[] body = response.body().bytes();
            if (!response.isSuccessful()) {
                boolean refused = response.code() == 400 || response.code() == 401 || response.code() == 403;
                throw RemoteSystemException.builder(TransferError.FITCONNECT_TOKEN_FAILED, "FIT-Connect token")
                        .httpStatus(response.code())
                        .side(refused ? RemoteSystemException.Side.LOCAL : RemoteSystemException.Side.REMOTE)
                        .arguments(endpoint.redact(), response.code(), refused ? "client refused" : "unavailable")
                        .build();
            }
            JsonNode json = Json.read(body, Step.TOKEN, "-");
            String accessToken = Json.text(json, "access_token", Step.TOKEN, "-");
            long expiresIn = json.path("expires_in").asLong(300);
            this.token = accessToken;
            Duration lifetime = Duration.ofSeconds(Math.max(expiresIn, 1));
            Duration usable = lifetime.compareTo(margin.multipliedBy(2)) > 0 ? lifetime.minus(margin)
                    : lifetime.dividedBy(2);
            this.renewAt = requestedAt.plus(usable);
        } catch (IOException e) {
            throw RemoteSystemException.builder(TransferError.FITCONNECT_TOKEN_FAILED, "FIT-Connect token")
                    .side(RemoteSystemException.Side.UNKNOWN)
                    .cause(e)
                    .arguments(endpoint.redact(), "-", e.getClass().getSimpleName())
                    .build();
        }
    }
}
