package de.ozgsdk.sandbox.fitconnect.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ozgsdk.sandbox.fitconnect.SentCallback;

/**
 * Sends the callbacks of the delivery service, one after the other on a thread of its own so that a slow receiver
 * never holds up the API: {@code POST} with {@code callback-authentication} = hex HMAC-SHA512 over
 * {@code "<callback-timestamp>.<body>"} and {@code callback-timestamp} in seconds of the mock's clock.
 */
public final class CallbackSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackSender.class);

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fit-connect-sandbox-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<SentCallback> sent = new CopyOnWriteArrayList<>();

    public CallbackSender(Clock clock) {
        this.clock = clock;
    }

    /** Sends the callback {@code times} times (more than once only under the duplicate-callback fault). */
    public void send(URI url, String secret, String type, String body, int times) {
        long timestamp = clock.instant().getEpochSecond();
        String mac = hmac(secret, timestamp, body);
        for (int i = 0; i < times; i++) {
            executor.execute(() -> deliver(url, type, body, timestamp, mac));
        }
    }

    private void deliver(URI url, String type, String body, long timestamp, String mac) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("callback-authentication", mac)
                .header("callback-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.info("callback {} to {} failed: {}", type, url, e.toString());
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        sent.add(new SentCallback(url, type, body, timestamp, status));
    }

    /** The callbacks sent so far, oldest first. */
    public List<SentCallback> sent() {
        return List.copyOf(sent);
    }

    /** Hex HMAC-SHA512 with the callback secret over {@code "<timestamp>.<body>"}. */
    public static String hmac(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is not available", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
