package de.ozgsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OzgHttpClientsTest {

    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CAP = Duration.ofSeconds(2);

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsSdkUserAgentNamingTheComponent() throws Exception {
        server.enqueue(ok());

        execute(client(config().component("epaybl")), get());

        assertThat(server.takeRequest().getHeaders().get("User-Agent")).matches("ozg-sdk/\\S+ \\(\\+epaybl\\)");
    }

    @Test
    void keepsUserAgentTheCallerSet() throws Exception {
        server.enqueue(ok());

        execute(client(config()), new Request.Builder().url(server.url("/")).header("User-Agent", "mine/1").build());

        assertThat(server.takeRequest().getHeaders().get("User-Agent")).isEqualTo("mine/1");
    }

    @Test
    void appliesConfiguredTimeouts() {
        OkHttpClient client = client(config().connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(4))
                .writeTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(6)));

        assertThat(List.of(client.connectTimeoutMillis(), client.readTimeoutMillis(), client.writeTimeoutMillis(),
                client.callTimeoutMillis())).containsExactly(3000, 4000, 5000, 6000);
        assertThat(client.retryOnConnectionFailure()).isFalse();
        assertThat(client.followSslRedirects()).isFalse();
    }

    @Test
    void readTimeoutFiresWhenServerDoesNotAnswer() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        OkHttpClient client = client(config().readTimeout(Duration.ofMillis(200)).maxRetries(0));

        assertThatThrownBy(() -> execute(client, get())).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void callTimeoutBoundsTheWholeCallAndIsNotRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        OkHttpClient client = client(config().readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(() -> execute(client, get())).isInstanceOf(InterruptedIOException.class)
                .isNotInstanceOf(SocketTimeoutException.class);
        assertThat(waits).isEmpty();
    }

    @Test
    void retriesGetAfterTwo503AndSucceedsOnThirdRequestWithJitteredBackoff() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(ok());

        int code = execute(client(config().random(new Random(42))), get());

        assertThat(code).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ZERO, BASE);
        assertThat(waits.get(1)).isBetween(Duration.ZERO, BASE.multipliedBy(2));
    }

    @Test
    void backoffBoundDoublesPerAttemptUpToTheCap() throws Exception {
        for (int i = 0; i < 6; i++) {
            server.enqueue(status(502));
        }
        OkHttpClient client = client(config().maxRetries(5).backoff(BASE, Duration.ofMillis(500))
                .random(new AlwaysHighest()));

        assertThat(execute(client, get())).isEqualTo(502);

        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void returnsLastAnswerAfterMaxRetries() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(504));
        }

        assertThat(execute(client(config()), get())).isEqualTo(504);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void doesNotRetryClientErrors() throws Exception {
        server.enqueue(status(400));
        server.enqueue(ok());

        assertThat(execute(client(config()), get())).isEqualTo(400);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesGetAfterDroppedConnection() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok());

        assertThat(execute(client(config()), get())).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void doesNotRetryPostAfter503() throws Exception {
        server.enqueue(status(503));
        server.enqueue(ok());

        assertThat(execute(client(config()), post(new Request.Builder()).build())).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void doesNotRetryPostAfterDroppedConnection() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok());

        assertThatThrownBy(() -> execute(client(config()), post(new Request.Builder()).build()))
                .isInstanceOf(IOException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesPostWithIdempotencyKeySendingTheSameKeyEachTime() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(429));
        server.enqueue(ok());
        IdempotencyKey key = IdempotencyKey.of("submission-4711");

        int code = execute(client(config()), post(key.applyTo(new Request.Builder())).build());

        assertThat(code).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getHeaders().get(IdempotencyKey.HEADER)).isEqualTo("submission-4711");
            assertThat(request.getBody().utf8()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void addsIdempotencyHeaderWhenOnlyTheTagIsSet() throws Exception {
        server.enqueue(ok());
        IdempotencyKey key = IdempotencyKey.random();

        execute(client(config()), post(new Request.Builder()).tag(IdempotencyKey.class, key).build());

        assertThat(server.takeRequest().getHeaders().get(IdempotencyKey.HEADER)).isEqualTo(key.value());
    }

    @Test
    void waitsAsLongAsRetryAfterSecondsAsks() throws Exception {
        server.enqueue(status(503).newBuilder().setHeader("Retry-After", "1").build());
        server.enqueue(ok());

        assertThat(execute(client(config()), get())).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void capsRetryAfterAtTheBackoffCap() throws Exception {
        server.enqueue(status(429).newBuilder().setHeader("Retry-After", "3600").build());
        server.enqueue(ok());

        assertThat(execute(client(config()), get())).isEqualTo(200);
        assertThat(waits).containsExactly(CAP);
    }

    @Test
    void honoursRetryAfterAsHttpDate() throws Exception {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        String inOneSecond = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(now.plusSeconds(1), ZoneOffset.UTC));
        server.enqueue(status(503).newBuilder().setHeader("Retry-After", inOneSecond).build());
        server.enqueue(ok());

        int code = execute(client(config().clock(Clock.fixed(now, ZoneOffset.UTC))), get());

        assertThat(code).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void fallsBackToBackoffForUnreadableRetryAfter() throws Exception {
        server.enqueue(status(503).newBuilder().setHeader("Retry-After", "soon").build());
        server.enqueue(ok());

        assertThat(execute(client(config().random(new AlwaysHighest())), get())).isEqualTo(200);
        assertThat(waits).containsExactly(BASE);
    }

    @Test
    void givesUpWhenInterruptedWhileWaiting() {
        server.enqueue(status(503));
        server.enqueue(ok());
        OkHttpClient client = client(config().sleeper(wait -> {
            throw new InterruptedException("test");
        }));

        try {
            assertThatThrownBy(() -> execute(client, get())).isInstanceOf(InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private HttpClientConfig.Builder config() {
        return HttpClientConfig.builder().backoff(BASE, CAP).sleeper(waits::add)
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10));
    }

    private static OkHttpClient client(HttpClientConfig.Builder config) {
        return OzgHttpClients.create(config.build());
    }

    private Request get() {
        return new Request.Builder().url(server.url("/v1/status")).build();
    }

    private Request.Builder post(Request.Builder builder) {
        return builder.url(server.url("/v1/submissions"))
                .post(RequestBody.create("{\"a\":1}", MediaType.get("application/json")));
    }

    private static int execute(OkHttpClient client, Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            return response.code();
        }
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).body("ok").build();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    /** Always draws the largest allowed value, so that waits show the backoff bound itself. */
    private static final class AlwaysHighest implements RandomGenerator {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    }
}
