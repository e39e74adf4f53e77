package de.ozgsdk.sandbox.fitconnect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the tests against the FIT-Connect mock: OkHttp, no SDK code. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final MediaType JSON_TYPE = MediaType.get("application/json");
    static final MediaType JOSE = MediaType.get("application/jose");

    /** A response, read completely. */
    record Reply(int status, String contentType, String body, okhttp3.Headers headers) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final OkHttpClient http;
    private final FitConnectSandbox sandbox;

    Api(FitConnectSandbox sandbox) {
        this(sandbox, new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build());
    }

    Api(FitConnectSandbox sandbox, OkHttpClient http) {
        this.sandbox = sandbox;
        this.http = http;
    }

    Api withReadTimeout(Duration timeout) {
        return new Api(sandbox, http.newBuilder().readTimeout(timeout).retryOnConnectionFailure(false).build());
    }

    /** A token for the client (client_credentials in the form body). */
    String token(String clientId, String secret) {
        Reply reply = execute(new Request.Builder().url(sandbox.tokenUrl().toString())
                .post(new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", clientId)
                        .add("client_secret", secret).build())
                .build());
        if (reply.status() != 200) {
            throw new AssertionError("token request failed: " + reply);
        }
        return reply.json().get("access_token").stringValue();
    }

    Reply get(String path, String token) {
        return execute(authorised(path, token).get().build());
    }

    Reply post(String path, String token, MediaType type, String body) {
        return execute(authorised(path, token).post(RequestBody.create(body, type)).build());
    }

    Reply put(String path, String token, MediaType type, String body) {
        return execute(authorised(path, token).put(RequestBody.create(body, type)).build());
    }

    Reply execute(Request request) {
        try (Response response = http.newCall(request).execute()) {
            String contentType = response.header("Content-Type", "");
            return new Reply(response.code(), contentType, response.body().string(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Request.Builder authorised(String path, String token) {
        Request.Builder builder = new Request.Builder().url(url(path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    String url(String path) {
        URI uri = sandbox.uri(path);
        return uri.toString();
    }

    /** {@code POST /v1/submissions} body. */
    static String createBody(UUID destinationId, String leikaKey, UUID... attachments) {
        var body = JSON.createObjectNode();
        body.put("destinationId", destinationId.toString());
        var announced = body.putArray("announcedAttachments");
        for (UUID attachment : attachments) {
            announced.add(attachment.toString());
        }
        var serviceType = body.putObject("serviceType");
        serviceType.put("name", "Testleistung");
        serviceType.put("identifier", "urn:de:fim:leika:leistung:" + leikaKey);
        return body.toString();
    }
}
