package de.ozgsdk.transfer.fitconnect.internal;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.http.OzgHttpClients;
import de.ozgsdk.transfer.TransferError;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP side of the FIT-Connect client: every call carries the API client's Bearer token (renewed once if the
 * delivery service answers 401 in the middle of a flow), failures of the wire and 5xx/408/425/429 become retryable
 * {@link RemoteSystemException}s, everything else is returned for the step to judge.
 */
public final class FitConnectHttp {

    public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    public static final MediaType JOSE = MediaType.get("application/jose");
    /** The largest answer read into memory: an encrypted attachment may be large, 512 MiB bounds it. */
    private static final long MAX_ANSWER_BYTES = 512L << 20;

    private final OkHttpClient client;
    private final AccessTokens tokens;
    private final HttpUrl submissionApi;
    private final String system;

    public FitConnectHttp(FitConnectConfig config) {
        this.client = OzgHttpClients.create(config.http()).newBuilder().followRedirects(false).build();
        this.tokens = new AccessTokens(client, config);
        this.submissionApi = HttpUrl.get(config.submissionApi().toString());
        this.system = submissionApi.host() + ":" + submissionApi.port();
    }

    /** The plain client (without token), e.g. for JWKS and routes. */
    public OkHttpClient client() {
        return client;
    }

    /** Host and port of the delivery service, as named in errors. */
    public String system() {
        return system;
    }

    /** Fetches an access token now (or uses the cached one): proves the client credentials without another call. */
    public void token() {
        tokens.current();
    }

    /** The Submission API URL of {@code segments} (each one path segment, encoded). */
    public HttpUrl url(String... segments) {
        HttpUrl.Builder url = submissionApi.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    /** One answer: status, body and the delivery service's request id. */
    public record Answer(int status, byte[] body, String requestId) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json(Step step, String submission) {
            return Json.read(body, step, submission);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public Answer get(HttpUrl url, Step step, String submission) {
        return call(new Request.Builder().url(url).get(), step, submission);
    }

    public Answer post(HttpUrl url, RequestBody body, Step step, String submission) {
        return call(new Request.Builder().url(url).post(body), step, submission);
    }

    public Answer put(HttpUrl url, RequestBody body, Step step, String submission) {
        return call(new Request.Builder().url(url).put(body), step, submission);
    }

    /** Sends the request with a token, and once more with a fresh token if it was refused with 401. */
    private Answer call(Request.Builder request, Step step, String submission) {
        String token = tokens.current();
        Answer answer = execute(request.header("Authorization", "Bearer " + token).build(), step, submission);
        if (answer.status() == 401) {
            tokens.invalidate(token);
            answer = execute(request.header("Authorization", "Bearer " + tokens.current()).build(), step, submission);
        }
        if (answer.status() == 408 || answer.status() == 425 || answer.status() == 429 || answer.status() >= 500) {
            throw RemoteSystemException.builder(TransferError.FITCONNECT_UNAVAILABLE, system)
                    .httpStatus(answer.status())
                    .side(RemoteSystemException.Side.REMOTE)
                    .requestId(answer.requestId())
                    .arguments(system, step, submission, "HTTP " + answer.status())
                    .build();
        }
        return answer;
    }

    private Answer execute(Request request, Step step, String submission) {
        try (Response response = client.newCall(request).execute()) {
            if (response.body().source().request(MAX_ANSWER_BYTES + 1)) {
                throw Json.invalid(step, submission, "answer larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            return new Answer(response.code(), response.body().bytes(), response.header("X-Request-Id"));
        } catch (IOException e) {
            throw RemoteSystemException.builder(TransferError.FITCONNECT_UNAVAILABLE, system)
                    .side(RemoteSystemException.Side.UNKNOWN)
                    .cause(e)
                    .arguments(system, step, submission, e.getClass().getSimpleName())
                    .build();
        }
    }

    /** The permanent failure for a 4xx the step cannot use, with the problem's title if the service sent one. */
    public RemoteSystemException refused(Answer answer, Step step, String submission) {
        return RemoteSystemException.builder(TransferError.FITCONNECT_REFUSED, system)
                .httpStatus(answer.status())
                .side(RemoteSystemException.Side.LOCAL)
                .requestId(answer.requestId())
                .arguments(system, step, submission, answer.status(), problemTitle(answer))
                .build();
    }

    private static String problemTitle(Answer answer) {
        try {
            JsonNode problem = Json.MAPPER.readTree(answer.body());
            String title = problem == null ? "" : problem.path("title").asString("");
            String cut = title.length() > 200 ? title.substring(0, 200) : title;
            return cut.isEmpty() ? "no problem details" : cut.replaceAll("\\p{Cntrl}", "?");
        } catch (RuntimeException e) {
            return "no problem details";
        }
    }
}
