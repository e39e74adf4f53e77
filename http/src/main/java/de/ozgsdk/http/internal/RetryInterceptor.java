package de.ozgsdk.http.internal;

import de.ozgsdk.http.IdempotencyKey;
import de.ozgsdk.http.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownServiceException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an idempotent request again after a transient failure: an I/O failure (refused connection, timeout, dropped
 * connection) or a status 408, 429, 502, 503 or 504.
 *
 * <p>Idempotent are GET, HEAD, PUT, DELETE, OPTIONS and TRACE, and any request tagged with an
 * {@link IdempotencyKey}; everything else (a plain POST above all) is sent exactly once, since the server may have
 * acted on it although the answer was lost. Handshake and certificate failures are not retried: they are
 * configuration errors that a second try does not fix.
 */
public final class RetryInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 429, 502, 503, 504);

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryInterceptor(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request original = withIdempotencyHeader(chain.request());
        boolean mayRetry = isIdempotent(original);
        for (int attempt = 1; ; attempt++) {
            Request request = original.newBuilder().tag(Attempt.class, new Attempt(attempt)).build();
            boolean lastAttempt = !mayRetry || attempt > policy.maxRetries();
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (lastAttempt || !isTransient(e) || chain.call().isCanceled()) {
                    throw e;
                }
                pause(request, policy.backoff(attempt), e.getClass().getSimpleName(), attempt);
                continue;
            }
            if (lastAttempt || !RETRYABLE_STATUS.contains(response.code())) {
                return response;
            }
            int failedAttempt = attempt;
            Duration wait = retryAfter(response).orElseGet(() -> policy.backoff(failedAttempt));
            response.close();
            pause(request, wait, "status " + response.code(), attempt);
        }
    }

    private static Request withIdempotencyHeader(Request request) {
        IdempotencyKey key = request.tag(IdempotencyKey.class);
        if (key == null || key.value().equals(request.header(IdempotencyKey.HEADER))) {
            return request;
        }
        return request.newBuilder().header(IdempotencyKey.HEADER, key.value()).build();
    }

    private static boolean isIdempotent(Request request) {
        RequestBody body = request.body();
        if (body != null && (body.isOneShot() || body.isDuplex())) {
            return false;
        }
        return IDEMPOTENT_METHODS.contains(request.method()) || request.tag(IdempotencyKey.class) != null;
    }

    private static boolean isTransient(IOException failure) {
        if (failure instanceof SSLHandshakeException || failure instanceof SSLPeerUnverifiedException
                || failure instanceof UnknownServiceException || failure instanceof ProtocolException) {
            return false;
        }
        // InterruptedIOException other than a socket timeout is the call timeout or a thread interrupt: give up.
        return !(failure instanceof InterruptedIOException) || failure instanceof SocketTimeoutException;
    }

    private Optional<Duration> retryAfter(Response response) {
        String value = response.header("Retry-After");
        return value == null ? Optional.empty() : policy.retryAfter(value);
    }

    private void pause(Request request, Duration wait, String reason, int attempt) throws IOException {
        LOG.debug("retrying {} {} after {} in {} ms (attempt {} of {})", request.method(),
                LoggableUrl.of(request.url()), reason, wait.toMillis(), attempt + 1, policy.maxRetries() + 1);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
            interrupted.initCause(e);
            throw interrupted;
        }
    }
}
