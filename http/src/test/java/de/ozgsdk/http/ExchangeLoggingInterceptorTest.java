package de.ozgsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class ExchangeLoggingInterceptorTest {

    private final MockWebServer server = new MockWebServer();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws IOException {
        appender.start();
        root.addAppender(appender);
        root.setLevel(ch.qos.logback.classic.Level.TRACE);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        root.detachAppender(appender);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    }

    @Test
    void logsMethodHostPathStatusDurationAndAttemptOnly() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Set-Cookie", "sid=RESPONSE-COOKIE-SECRET")
                .body("RESPONSE-BODY-SECRET").build());
        OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new ExchangeLoggingInterceptor(Level.INFO))
                .build();
        Request request = new Request.Builder()
                .url(server.url("/v1/antraege?token=QUERY-SECRET&name=Mustermann"))
                .header("Authorization", "Bearer AUTHORIZATION-SECRET")
                .header("Cookie", "session=COOKIE-SECRET")
                .post(RequestBody.create("{\"name\":\"BODY-SECRET\"}", MediaType.get("application/json")))
                .build();

        try (Response response = client.newCall(request).execute()) {
            assertThat(response.body().string()).isEqualTo("RESPONSE-BODY-SECRET");
        }

        List<ILoggingEvent> lines = exchangeLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
        assertThat(lines.get(0).getFormattedMessage())
                .matches("HTTP POST localhost:" + server.getPort() + "/v1/antraege -> 201 in \\d+ ms \\(attempt 1\\)");
        assertThat(everythingLogged()).doesNotContain("SECRET", "Mustermann", "token");
    }

    @Test
    void logsOneLinePerAttemptOfRetriedRequest() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        OkHttpClient client = OzgHttpClients.create(HttpClientConfig.builder().sleeper(wait -> { })
                .exchangeLogLevel(Level.INFO).build());

        client.newCall(new Request.Builder().url(server.url("/status?secret=QUERY-SECRET")).build()).execute().close();

        assertThat(exchangeLines()).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                first -> assertThat(first).contains("HTTP GET ", "/status -> 503 in ", "(attempt 1)"),
                second -> assertThat(second).contains("HTTP GET ", "/status -> 200 in ", "(attempt 2)"));
        assertThat(everythingLogged()).doesNotContain("SECRET");
    }

    @Test
    void logsFailedExchangeWithExceptionTypeOnly() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
                .addInterceptor(new ExchangeLoggingInterceptor()).build();

        assertThatThrownBy(() -> client.newCall(
                new Request.Builder().url(server.url("/x?secret=QUERY-SECRET")).build()).execute())
                .isInstanceOf(IOException.class);

        assertThat(exchangeLines()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.DEBUG);
            assertThat(event.getFormattedMessage()).matches("HTTP GET localhost:\\d+/x -> failed: \\w+ in \\d+ ms "
                    + "\\(attempt 1\\)");
        });
        assertThat(everythingLogged()).doesNotContain("SECRET");
    }

    @Test
    void logsNothingWhenItsLevelIsDisabled() throws Exception {
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        server.enqueue(new MockResponse.Builder().code(200).build());
        OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new ExchangeLoggingInterceptor(Level.DEBUG))
                .build();

        client.newCall(new Request.Builder().url(server.url("/")).build()).execute().close();

        assertThat(exchangeLines()).isEmpty();
    }

    private List<ILoggingEvent> exchangeLines() {
        return appender.list.stream()
                .filter(event -> event.getLoggerName().equals(ExchangeLoggingInterceptor.class.getName()))
                .toList();
    }

    private String everythingLogged() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : appender.list) {
            all.append(event.getFormattedMessage()).append('\n');
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    all.append(argument).append('\n');
                }
            }
            if (event.getThrowableProxy() != null) {
                all.append(event.getThrowableProxy().getMessage()).append('\n');
            }
        }
        return all.toString();
    }
}
