package de.ozgsdk.bench.payment;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.payment.PaymentResult;
import de.ozgsdk.payment.PaymentReturn;
import de.ozgsdk.payment.Payments;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.sandbox.payment.XBezahldiensteMock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14 §3: start and complete one payment with {@link XBezahldiensteClient} against the sandbox's
 * {@link XBezahldiensteMock} (same JVM, loopback, OAuth2 token cached on both sides) against the baseline of a bare
 * OkHttp POST of the same {@code PaymentRequest} JSON and a GET of its status. The client adds the order checks, the
 * derived request id, the idempotency key, the SDK's interceptors (user agent, retry, exchange log), the answer
 * checks (amount, currency, request id, pay page) and the mapping to a {@code PaymentResult}; complete asks once
 * (completion deadline zero), as the baseline does. {@code paymentsStartComplete} adds the persisted state machine
 * ({@link Payments}, in-memory H2: insert, two audited transitions), for information.
 *
 * <pre class="language-sh">
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar XBezahldiensteBenchmark -f 1 -wi 4 -i 6 -w 2 -r 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class XBezahldiensteBenchmark {

    private static final String ORIGINATOR = "ozg-parken";
    private static final TenantId TENANT = TenantId.parse("051110000000");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private XBezahldiensteMock mock;
    private XBezahldiensteClient client;
    private Database database;
    private Payments payments;
    private OkHttpClient http;
    private String bearer;

    @Setup(Level.Trial)
    public void start() throws IOException {
        mock = XBezahldiensteMock.builder().endPoint(ORIGINATOR, TENANT.value()).oauthClient("portal", "geheim")
                .tokenLifetime(Duration.ofHours(1)).start();
        client = XBezahldiensteClient.builder()
                .baseUrl(mock.baseUrl())
                .originatorId(ORIGINATOR)
                .authentication(XBezahldiensteAuthentication.clientCredentials(mock.tokenEndpoint(), "portal",
                        "geheim"))
                .http(HttpClientConfig.defaults())
                .completion(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1))
                .build();
        database = Database.h2InMemory("bench_payment_" + UUID.randomUUID().toString().replace("-", ""));
        payments = Payments.create(database, client, Clock.systemUTC());
        http = new OkHttpClient();
        Request token = new Request.Builder().url(mock.tokenEndpoint().toString())
                .header("Authorization", Credentials.basic("portal", "geheim"))
                .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
                .build();
        bearer = "Bearer " + json(token).get("access_token").asString();
    }

    @Setup(Level.Iteration)
    public void forgetPayments() {
        mock.clearPayments();
    }

    @TearDown(Level.Trial)
    public void stop() {
        mock.close();
        database.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static PaymentOrder order() {
        return PaymentOrder.builder()
                .tenant(TENANT)
                .applicationId(UUID.randomUUID().toString())
                .purpose("Anwohnerparken 2026")
                .line(BookingLine.of("Anwohnerparkausweis", "1.1200.431000", Money.parse("30.60"))
                        .withObjektnummer("4711"))
                .returnUrl(URI.create("https://service.example.de/parken/bezahlt"))
                .build();
    }

    @Benchmark
    public PaymentResult clientStartComplete() {
        PaymentRedirect redirect = client.start(order());
        return client.complete(PaymentReturn.of(redirect.reference()));
    }

    @Benchmark
    public PaymentResult paymentsStartComplete() {
        PaymentOrder order = order();
        payments.start(order);
        return payments.complete(order.tenant(), order.applicationId(), Map.of());
    }

    @Benchmark
    public JsonNode bareOkHttp() throws IOException {
        String requestId = UUID.randomUUID().toString();
        ObjectNode request = MAPPER.createObjectNode();
        request.put("requestId", requestId);
        request.put("requestTimestamp", Instant.now().toString());
        request.put("currency", "EUR");
        request.put("grosAmount", new BigDecimal("30.60"));
        request.put("purpose", "Anwohnerparken 2026");
        request.put("redirectUrl", "https://service.example.de/parken/bezahlt");
        ObjectNode item = request.putArray("items").addObject();
        item.put("id", "1");
        item.put("reference", requestId);
        item.put("description", "Anwohnerparkausweis");
        item.put("taxRate", BigDecimal.ZERO);
        item.put("quantity", 1);
        item.put("totalNetAmount", new BigDecimal("30.60"));
        item.put("totalTaxAmount", new BigDecimal("0.00"));
        item.put("singleNetAmount", new BigDecimal("30.60"));
        item.put("singleTaxAmount", new BigDecimal("0.00"));
        ObjectNode booking = item.putObject("bookingData");
        booking.put("Haushaltsstelle", "1.1200.431000");
        booking.put("Objektnummer", "4711");
        booking.put("Buchungstext", "Anwohnerparkausweis");
        String base = mock.baseUrl() + "paymenttransaction/" + ORIGINATOR + "/" + TENANT.value();
        JsonNode created = json(new Request.Builder().url(base).header("Authorization", bearer)
                .post(RequestBody.create(MAPPER.writeValueAsBytes(request), JSON)).build());
        String transactionId = created.get("paymentInformation").get("transactionId").asString();
        return json(new Request.Builder().url(base + "/" + transactionId).header("Authorization", bearer).get()
                .build());
    }

    private JsonNode json(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " for " + request.url());
            }
            return MAPPER.readTree(response.body().bytes());
        }
    }
}
