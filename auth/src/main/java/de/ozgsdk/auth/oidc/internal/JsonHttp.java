package de.ozgsdk.auth.oidc.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Plain JSON exchanges with the OpenID provider over the SDK's OkHttp client; at most 1 MiB per answer. */
public final class JsonHttp {

    private static final long MAX_BYTES = 1024 * 1024;

    private final OkHttpClient client;

    public JsonHttp(OkHttpClient client) {
        this.client = client;
    }

    /** One answer: status, content type and body text. */
    public record Reply(int status, String contentType, String body) {

        /** Whether the status is 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as a JSON object, empty if it is none. */
        public Optional<Map<String, Object>> json() {
            try {
                return Optional.of(JSONObjectUtils.parse(body));
            } catch (ParseException e) {
                return Optional.empty();
            }
        }

        /** A short description of the answer for messages: status and, for an OAuth error body, its error code. */
        public String describe() {
            return "HTTP " + status + json().map(j -> j.get("error") instanceof String e ? " " + e : "").orElse("");
        }
    }

    /**
     * Sends {@code request} and reads the answer.
     *
     * @throws IOException if the exchange fails or the answer is larger than 1 MiB
     */
    public Reply exchange(Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            okio.Buffer buffer = new okio.Buffer();
            while (buffer.size() <= MAX_BYTES && body.source().read(buffer, 8192) != -1) {
                // read on until the end or the limit
            }
            if (buffer.size() > MAX_BYTES) {
                throw new IOException("answer of " + request.url().encodedPath() + " is larger than 1 MiB");
            }
            return new Reply(response.code(), response.header("Content-Type", ""),
                    buffer.readString(StandardCharsets.UTF_8));
        }
    }

    /** A GET of {@code uri} accepting JSON. */
    public Reply get(URI uri) throws IOException {
        return exchange(new Request.Builder().url(uri.toString()).header("Accept", "application/json").build());
    }
}
