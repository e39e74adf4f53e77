package de.ozgsdk.http;

import de.ozgsdk.http.internal.Attempt;
import de.ozgsdk.http.internal.LoggableUrl;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * An OkHttp interceptor that logs one line per HTTP exchange with method, host, path, status, duration and attempt
 * number, and nothing else: no query string, no header, no body, since those carry tokens and personal data.
 *
 * <pre>{@code
 * OkHttpClient client = new OkHttpClient.Builder()
 *         .addInterceptor(new ExchangeLoggingInterceptor(Level.INFO))
 *         .build();
 * // logs: HTTP GET api.example.de/v1/status -> 200 in 35 ms (attempt 1)
 * }</pre>
 *
 * <p>Add it as an application interceptor after a retry interceptor to get one line per attempt.
 */
public final class ExchangeLoggingInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeLoggingInterceptor.class);

    private final Level level;

    /** Logs at {@link Level#DEBUG}. */
    public ExchangeLoggingInterceptor() {
        this(Level.DEBUG);
    }

    /** Logs at {@code level}. */
    public ExchangeLoggingInterceptor(Level level) {
        this.level = Objects.requireNonNull(level, "level");
    }

    /** The level it logs at. */
    public Level level() {
        return level;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isEnabledForLevel(level)) {
            return chain.proceed(request);
        }
        long start = System.nanoTime();
        String method = request.method();
        String target = LoggableUrl.of(request.url());
        int attempt = attemptOf(request);
        try {
            Response response = chain.proceed(request);
            LOG.atLevel(level).log("HTTP {} {} -> {} in {} ms (attempt {})",
                    method, target, response.code(), millisSince(start), attempt);
            return response;
        } catch (IOException | RuntimeException e) {
            // Only the exception's type: its message may quote the URL with its query string.
            LOG.atLevel(level).log("HTTP {} {} -> failed: {} in {} ms (attempt {})",
                    method, target, e.getClass().getSimpleName(), millisSince(start), attempt);
            throw e;
        }
    }

    private static int attemptOf(Request request) {
        Attempt attempt = request.tag(Attempt.class);
        return attempt == null ? 1 : attempt.number();
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
