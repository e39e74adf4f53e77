package de.ozgsdk.sandbox;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.ConfigurationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shape every mock shares, proven over real sockets with the JDK's own HTTP client. */
class MockServerTest {

    private final Http http = Http.plain();
    private final List<MockServer> started = new ArrayList<>();

    @AfterEach
    void closeMocks() {
        started.forEach(MockServer::close);
    }

    private EchoMock start(EchoMock.Builder builder) {
        EchoMock mock = builder.start();
        started.add(mock);
        return mock;
    }

    @Test
    void portZeroPicksAFreeLoopbackPortPerMock() throws Exception {
        EchoMock first = start(EchoMock.builder());
        EchoMock second = start(EchoMock.builder().port(0));

        assertThat(first.port()).isPositive().isNotEqualTo(second.port());
        assertThat(first.baseUrl()).hasScheme("http").hasHost("127.0.0.1").hasPath("/");
        assertThat(first.uri("/hello")).isEqualTo(first.uri("hello"));
        assertThat(http.get(first.uri("/hello")).body()).isEqualTo("hello");
        assertThat(http.get(second.uri("/hello")).body()).isEqualTo("hello");
    }

    @Test
    void listensOnTheGivenPort() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        EchoMock mock = start(EchoMock.builder().port(free));

        assertThat(mock.port()).isEqualTo(free);
        assertThat(http.get(mock.uri("/hello")).statusCode()).isEqualTo(200);
    }

    @Test
    void portTakenByAnotherMockFailsTheStartWithTheReason() {
        EchoMock first = start(EchoMock.builder());

        assertThatThrownBy(() -> start(EchoMock.builder().port(first.port())))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.code())
                        .isEqualTo(SandboxError.MOCK_START_FAILED))
                .hasMessageContaining("Mock \"echo\" could not start on 127.0.0.1:" + first.port())
                .hasMessageContaining("Failed to bind");
    }

    @Test
    void isReachableOnlyOnLoopbackAddress127001() throws Exception {
        EchoMock mock = start(EchoMock.builder());

        List<InetAddress> others = new ArrayList<>(List.of(InetAddress.getByName("127.0.1.1")));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            Collections.list(nic.getInetAddresses()).stream().filter(a -> !a.isLoopbackAddress()).forEach(others::add);
        }
        for (InetAddress address : others) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, mock.port()), 2_000);
                }
            }).as("connect to %s", address).isInstanceOf(IOException.class);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), 2_000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void statusFaultAnswersTheNextMatchingCallsThenTheMockRecovers() throws Exception {
        EchoMock mock = start(EchoMock.builder());
        mock.faults().add(Fault.status(503).on("POST", "/echo").times(2));

        assertThat(http.get(mock.uri("/hello")).statusCode()).as("other method and path").isEqualTo(200);
        assertThat(http.post(mock.uri("/echo"), "a").statusCode()).isEqualTo(503);
        HttpResponse<String> second = http.post(mock.uri("/echo"), "a");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.body()).isEqualTo("sandbox fault: status 503");
        assertThat(http.post(mock.uri("/echo"), "a").statusCode()).isEqualTo(201);
        assertThat(mock.faults().active()).isEmpty();
    }

    @Test
    void statusFaultWithAnEmptyBodySendsNoBody() throws Exception {
        EchoMock mock = start(EchoMock.builder());
        mock.faults().add(Fault.status(200, "application/xml", "").once());

        HttpResponse<String> answer = http.post(mock.uri("/echo"), "<antrag/>");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.headers().firstValue("Content-Type")).isEmpty();
    }

    @Test
    void faultUntilClearedHoldsForEveryCall() throws Exception {
        EchoMock mock = start(EchoMock.builder());
        mock.faults().add(Fault.status(500).onPath("/he*"));

        for (int i = 0; i < 3; i++) {
            assertThat(http.get(mock.uri("/hello")).statusCode()).isEqualTo(500);
        }
        mock.faults().clear();
        assertThat(http.get(mock.uri("/hello")).statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDelaysTheRealAnswer() throws Exception {
        EchoMock mock = start(EchoMock.builder());
        mock.faults().add(Fault.latency(Duration.ofSeconds(30)).once());

        assertThatThrownBy(() -> http.get(mock.uri("/hello"), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        mock.faults().add(Fault.latency(Duration.ofMillis(200)).once());
        long before = System.nanoTime();
        HttpResponse<String> slow = http.get(mock.uri("/hello"));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(slow.body()).isEqualTo("hello");
    }

    @Test
    void hangNeverAnswersUntilTheClientGivesUp() throws Exception {
        EchoMock mock = start(EchoMock.builder());
        mock.faults().add(Fault.hang().once());

        assertThatThrownBy(() -> http.get(mock.uri("/hello"), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(mock.records().last()).get().satisfies(exchange -> {
            assertThat(exchange.status()).isEmpty();
            assertThat(exchange.fault()).contains("hang on * /** (1 time)");
        });
        assertThat(http.get(mock.uri("/hello")).statusCode()).isEqualTo(200);
    }

    @Test
    void dropClosesTheConnectionWithoutAnswer() throws Exception {
        EchoMock mock = start(EchoMock.builder());
        mock.faults().add(Fault.drop().on("POST", "/echo").once());

        assertThatThrownBy(() -> http.post(mock.uri("/echo"), "<antrag/>"))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(mock.records().of("POST", "/echo")).singleElement()
                .satisfies(exchange -> assertThat(exchange.status()).isEmpty());
    }

    @Test
    void slowStatusHappensAfterItsDelay() throws Exception {
        EchoMock mock = start(EchoMock.builder());
        mock.faults().add(Fault.status(503).after(Duration.ofSeconds(30)).once());

        assertThatThrownBy(() -> http.get(mock.uri("/hello"), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void systemErrorIsAnsweredByTheMockItself() throws Exception {
        EchoMock mock = start(EchoMock.builder());
        mock.faults().add(Fault.systemError(EchoMock.Outage.MAINTENANCE).once());

        HttpResponse<String> answer = http.get(mock.uri("/hello"));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("120");
        assertThat(answer.body()).isEqualTo("Wartungsfenster");
    }

    @Test
    void refusesASystemErrorTheMockDoesNotKnow() {
        EchoMock mock = start(EchoMock.builder());

        assertThatThrownBy(() -> mock.faults().add(Fault.systemError("TOKEN_EXPIRED")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("[OZG-SANDBOX-106] Mock \"echo\" knows no system error \"TOKEN_EXPIRED\"; it knows"
                        + " [MAINTENANCE].");
    }

    @Test
    void recordMasksSecretsAndReducesBodiesToSizeAndHash() throws Exception {
        EchoMock mock = start(EchoMock.builder());

        http.post(mock.uri("/echo"), "<vorname>Erika</vorname>", "Authorization", "Bearer geheim",
                "X-Api-Key", "k-123", "Idempotency-Key", "sub-1", "Content-Type", "application/xml",
                "X-Steuer-Id", "12345678901");

        RecordedExchange exchange = mock.records().last().orElseThrow();
        assertThat(exchange.method()).isEqualTo("POST");
        assertThat(exchange.path()).isEqualTo("/echo");
        assertThat(exchange.status()).isEqualTo(OptionalInt.of(201));
        assertThat(exchange.fault()).isEmpty();
        assertThat(exchange.headers()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "authorization", "***", "x-api-key", "***", "idempotency-key", "sub-1",
                "content-type", "application/xml"));
        assertThat(exchange.body()).isEqualTo(MockServer.summarise(
                "<vorname>Erika</vorname>".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .startsWith("24 bytes, sha-256 ").doesNotContain("Erika");
        assertThat(exchange.toString()).doesNotContain("Erika", "geheim", "k-123", "12345678901");
    }

    @Test
    void recordKeepsTheNewestEntriesUpToItsLimit() throws Exception {
        EchoMock mock = start(EchoMock.builder().recordLimit(3));

        for (int i = 0; i < 5; i++) {
            http.post(mock.uri("/echo"), "x".repeat(i + 1));
        }

        assertThat(mock.records().all()).extracting(RecordedExchange::body)
                .allSatisfy(body -> assertThat(body).matches("[345] bytes, .*"));
        assertThat(mock.records().total()).isEqualTo(5);
        mock.records().clear();
        assertThat(mock.records().all()).isEmpty();
    }

    @Test
    void aFailingMockAnswers500AndKeepsServing() throws Exception {
        MockServer mock = new FailingMock.Builder().start();
        started.add(mock);

        HttpResponse<String> answer = http.get(mock.uri("/x"));

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("sandbox mock 'failing' failed", "broken on purpose");
        assertThat(http.get(mock.uri("/x")).statusCode()).isEqualTo(500);
    }

    @Test
    void closeCutsOffAHangingRequestAndFreesThePort() throws Exception {
        EchoMock mock = start(EchoMock.builder());
        mock.faults().add(Fault.hang());
        var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return http.get(mock.uri("/hello"), Duration.ofSeconds(60)).statusCode();
            } catch (Exception e) {
                return -1;
            }
        });
        while (mock.records().total() == 0) {
            Thread.onSpinWait();
        }

        mock.close();

        assertThat(pending.get(30, java.util.concurrent.TimeUnit.SECONDS)).isNotEqualTo(200);
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void unstartedOrPlainMocksSayWhatIsMissing() {
        EchoMock mock = start(EchoMock.builder());

        assertThatThrownBy(mock::pki).isInstanceOf(ConfigurationException.class)
                .hasMessage("[OZG-SANDBOX-113] Mock \"echo\" serves plain http and has no certificates. Build it with"
                        + " https().");
        assertThatThrownBy(() -> EchoMock.builder().port(70_000)).isInstanceOf(ConfigurationException.class)
                .hasMessage("[OZG-SANDBOX-110] The setting port = 70000 is invalid: allowed is 0..65535 (0 = any free"
                        + " port).");
        assertThat(Optional.of(mock.toString())).get().asString().startsWith("EchoMock[echo http://127.0.0.1:");
    }

    /** A mock whose handler always throws. */
    static final class FailingMock extends MockServer {
        FailingMock(MockServer.Builder<?, ?> builder) {
            super(builder, "failing", List.of());
        }

        @Override
        protected Answer handle(MockRequest request) {
            throw new IllegalStateException("broken on purpose");
        }

        static final class Builder extends MockServer.Builder<Builder, FailingMock> {
            @Override
            protected FailingMock build() {
                return new FailingMock(this);
            }
        }
    }
}
