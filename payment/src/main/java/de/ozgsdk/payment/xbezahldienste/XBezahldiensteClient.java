package de.ozgsdk.payment.xbezahldienste;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.IdempotencyKey;
import de.ozgsdk.http.OzgHttpClients;
import de.ozgsdk.http.Sleeper;
import de.ozgsdk.payment.PaymentError;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentProvider;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.payment.PaymentReference;
import de.ozgsdk.payment.PaymentResult;
import de.ozgsdk.payment.PaymentReturn;
import de.ozgsdk.payment.internal.CompletionPolling;
import de.ozgsdk.payment.internal.Echo;
import de.ozgsdk.payment.internal.OAuthTokens;
import de.ozgsdk.payment.internal.ServiceUrls;
import de.ozgsdk.payment.internal.XbdWire;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XBezahldienste client (FITKO standard 1.0, REST/JSON) for ePayBL konnektor, pmPayment and GiroCheckout: creates
 * the {@code PaymentTransaction}, sends the browser to its pay page and reads the outcome by status query, never from
 * the redirect. Thread-safe; create one per provider and keep it.
 *
 * <pre>{@code
 * XBezahldiensteClient xbezahldienste = XBezahldiensteClient.builder()
 *         .baseUrl(baseUrl)                     // e.g. XBezahldienstePreset.EPAYBL_KONNEKTOR.baseUrl(host)
 *         .originatorId("ozg-parken")           // the online service (GiroCheckout: the merchant id)
 *         .endPointId(tenant -> tenant.value()) // the authority, e.g. the AGS (GiroCheckout: the project id)
 *         .authentication(XBezahldiensteAuthentication.clientCredentials(tokenEndpoint, clientId, clientSecret))
 *         .build();
 * PaymentRedirect redirect = xbezahldienste.start(order); // 303 to redirect.payPage(); keep redirect.reference()
 * }</pre>
 *
 * <p>A retry never creates a second payment: the {@code requestId} is derived from the application id, the POST
 * carries it as {@code Idempotency-Key} (so the HTTP layer retries it after a timeout), and the service's
 * {@code PAYMENT_EXISTS} answer is taken as "read the existing one".
 */
public final class XBezahldiensteClient implements PaymentProvider {

    /** The provider name in records and logs. */
    public static final String NAME = "xbezahldienste";

    private static final Logger LOG = LoggerFactory.getLogger(XBezahldiensteClient.class);
    private static final Pattern PATH_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String SYSTEM = "XBezahldienste";

    private final HttpUrl baseUrl;
    private final String originatorId;
    private final Function<TenantId, String> endPointIds;
    private final OkHttpClient http;
    private final Optional<OAuthTokens> tokens;
    private final CompletionPolling polling;
    private final Sleeper sleeper;
    private final Clock clock;

    private XBezahldiensteClient(Builder builder) {
        this.baseUrl = HttpUrl.get(builder.baseUrl.toString());
        this.originatorId = builder.originatorId;
        this.endPointIds = builder.endPointIds;
        HttpClientConfig config = builder.http;
        if (config.component().isEmpty()) {
            config = config.toBuilder().component(NAME).build();
        }
        if (builder.authentication.clientCertificate().isPresent()) {
            config = config.toBuilder().clientCredential(builder.authentication.clientCertificate().get()).build();
        }
        this.http = OzgHttpClients.create(config);
        this.clock = config.clock();
        this.sleeper = config.sleeper();
        XBezahldiensteAuthentication auth = builder.authentication;
        this.tokens = auth.tokenEndpoint().map(endpoint -> new OAuthTokens(endpoint, auth.clientId().orElseThrow(),
                auth.clientSecret().orElseThrow(), auth.scope(), clock));
        this.polling = builder.polling;
    }

    /** A builder; base URL, originator id and authentication are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PaymentRedirect start(PaymentOrder order) {
        String endPointId = endPointId(order.tenant());
        HttpUrl url = baseUrl.newBuilder().addPathSegment("paymenttransaction").addPathSegment(originatorId)
                .addPathSegment(endPointId).build();
        Request.Builder request = IdempotencyKey.of(order.requestId()).applyTo(new Request.Builder().url(url)
                .post(RequestBody.create(XbdWire.paymentRequest(order, clock.instant()), JSON)));
        Answer answer = send(request, order.requestId());
        if (answer.isOk()) {
            XbdWire.Transaction transaction = transaction(answer, order.requestId());
            checkSameOrder(transaction, order);
            LOG.info("payment {} created as transaction {}", order.requestId(), transaction.transactionId());
            return redirect(transaction, order);
        }
        XbdWire.Problem problem = XbdWire.problem(answer.body(), answer.status());
        if ("PAYMENT_EXISTS".equals(problem.code())) {
            return existing(order, problem);
        }
        throw refused(problem, order.requestId());
    }

    @Override
    public PaymentResult complete(PaymentReturn returned) {
        PaymentReference reference = returned.reference();
        checkReturnParameters(returned);
        PaymentResult result = status(reference);
        return polling.poll(result, () -> status(reference), sleeper, this::interruptedWhilePolling);
    }

    @Override
    public PaymentResult status(PaymentReference reference) {
        XbdWire.Transaction transaction = fetch(reference.tenant(), reference.transactionId(),
                reference.requestId());
        if (!transaction.requestId().equals(reference.requestId())) {
            throw new SecurityCheckException(PaymentError.XBEZAHLDIENSTE_MISMATCH, SYSTEM, reference.requestId(),
                    "requestId", "transaction " + reference.transactionId() + " belongs to another request");
        }
        return result(reference, transaction);
    }

    @Override
    public void checkConfiguration(TenantId tenant) {
        HttpUrl url = baseUrl.newBuilder().addPathSegment("status").addPathSegment(originatorId)
                .addPathSegment(endPointId(tenant)).build();
        Answer answer = send(new Request.Builder().url(url).get(), "status-check");
        if (!answer.isOk()) {
            throw refused(XbdWire.problem(answer.body(), answer.status()), "status-check");
        }
    }

    private PaymentRedirect existing(PaymentOrder order, XbdWire.Problem problem) {
        // The answer to our first POST was lost (timeout, dropped connection), or the same order was started twice.
        String transactionId = problem.transactionId().orElseThrow(() -> RemoteSystemException
                .builder(PaymentError.XBEZAHLDIENSTE_PAYMENT_EXISTS, SYSTEM)
                .httpStatus(problem.httpStatus())
                .side(RemoteSystemException.Side.REMOTE)
                .requestId(order.requestId())
                .arguments(baseUrl.host(), order.requestId())
                .build());
        XbdWire.Transaction transaction = fetch(order.tenant(), transactionId, order.requestId());
        if (!transaction.requestId().equals(order.requestId())) {
            throw new SecurityCheckException(PaymentError.XBEZAHLDIENSTE_MISMATCH, SYSTEM, order.requestId(),
                    "requestId", "PAYMENT_EXISTS names transaction " + transactionId + " of another request");
        }
        checkSameOrder(transaction, order);
        LOG.info("payment {} exists as transaction {}; continuing with it", order.requestId(), transactionId);
        return redirect(transaction, order);
    }

    private PaymentRedirect redirect(XbdWire.Transaction transaction, PaymentOrder order) {
        PaymentReference reference = new PaymentReference(order.tenant(), order.requestId(),
                transaction.transactionId());
        if (transaction.status() != XbdWire.Status.INITIAL) {
            // already settled (a retry after the citizen paid): back to the portal, which reads the status
            return new PaymentRedirect(reference, order.returnUrl());
        }
        URI payPage = transaction.payPage().orElseThrow(() -> invalid(order.requestId(),
                "transactionRedirectUrl missing while status is INITIAL"));
        try {
            requireSecureUrl("transactionRedirectUrl", payPage);
        } catch (ConfigurationException e) {
            throw invalid(order.requestId(), "transactionRedirectUrl is not an absolute https URL");
        }
        return new PaymentRedirect(reference, payPage);
    }

    private void checkSameOrder(XbdWire.Transaction transaction, PaymentOrder order) {
        if (transaction.grosAmount().compareTo(order.total().amount()) != 0) {
            throw new SecurityCheckException(PaymentError.XBEZAHLDIENSTE_MISMATCH, SYSTEM, order.requestId(),
                    "grosAmount", transaction.grosAmount().toPlainString() + " instead of "
                            + order.total().toPlainString());
        }
        if (!"EUR".equals(transaction.currency())) {
            throw new SecurityCheckException(PaymentError.XBEZAHLDIENSTE_MISMATCH, SYSTEM, order.requestId(),
                    "currency", Echo.of(transaction.currency()) + " instead of EUR");
        }
    }

    private void checkReturnParameters(PaymentReturn returned) {
        PaymentReference reference = returned.reference();
        check(returned, "transactionId", reference.transactionId(), reference);
        check(returned, "requestId", reference.requestId(), reference);
    }

    private static void check(PaymentReturn returned, String name, String expected, PaymentReference reference) {
        for (String value : returned.parameters().getOrDefault(name, List.of())) {
            if (!expected.equals(value)) {
                throw new SecurityCheckException(PaymentError.RETURN_MISMATCH, Echo.of(value),
                        reference.requestId());
            }
        }
    }

    private XbdWire.Transaction fetch(TenantId tenant, String transactionId, String requestId) {
        HttpUrl url = baseUrl.newBuilder().addPathSegment("paymenttransaction").addPathSegment(originatorId)
                .addPathSegment(endPointId(tenant)).addPathSegment(transactionId).build();
        Answer answer = send(new Request.Builder().url(url).get(), requestId);
        if (!answer.isOk()) {
            throw refused(XbdWire.problem(answer.body(), answer.status()), requestId);
        }
        return transaction(answer, requestId);
    }

    private PaymentResult result(PaymentReference reference, XbdWire.Transaction transaction) {
        PaymentResult.Outcome outcome = switch (transaction.status()) {
            case INITIAL -> PaymentResult.Outcome.PENDING;
            case PAYED -> PaymentResult.Outcome.PAID;
            case FAILED -> PaymentResult.Outcome.FAILED;
            case CANCELED -> PaymentResult.Outcome.CANCELLED;
        };
        return new PaymentResult(reference, outcome, transaction.transactionReference(), transaction.paymentMethod(),
                transaction.timestamp());
    }

    private XbdWire.Transaction transaction(Answer answer, String requestId) {
        try {
            return XbdWire.transaction(answer.body());
        } catch (IllegalArgumentException e) {
            throw invalid(requestId, e.getMessage());
        }
    }

    /** Sends with authentication; a 401 under OAuth2 fetches a new token and sends once more. */
    private Answer send(Request.Builder request, String requestId) {
        Optional<String> token = tokens.map(cache -> cache.current(http));
        Answer answer = execute(authorised(request, token), requestId);
        if (answer.status() == 401 && token.isPresent()) {
            tokens.get().invalidate(token.get());
            answer = execute(authorised(request, Optional.of(tokens.get().current(http))), requestId);
        }
        return answer;
    }

    private static Request authorised(Request.Builder request, Optional<String> token) {
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return request.build();
    }

    private Answer execute(Request request, String requestId) {
        try (Response response = http.newCall(request).execute()) {
            byte[] body = response.body().bytes();
            if (response.code() >= 500 || response.code() == 408 || response.code() == 429) {
                throw RemoteSystemException.builder(PaymentError.XBEZAHLDIENSTE_UNAVAILABLE, SYSTEM)
                        .httpStatus(response.code())
                        .side(RemoteSystemException.Side.REMOTE)
                        .requestId(requestId)
                        .arguments(baseUrl.host(), requestId, "HTTP " + response.code())
                        .build();
            }
            return new Answer(response.code(), body);
        } catch (IOException e) {
            throw RemoteSystemException.builder(PaymentError.XBEZAHLDIENSTE_UNAVAILABLE, SYSTEM)
                    .side(RemoteSystemException.Side.UNKNOWN)
                    .requestId(requestId)
                    .cause(e)
                    .arguments(baseUrl.host(), requestId, e.getClass().getSimpleName())
                    .build();
        }
    }

    private RemoteSystemException refused(XbdWire.Problem problem, String requestId) {
        return RemoteSystemException.builder(PaymentError.XBEZAHLDIENSTE_REFUSED, SYSTEM)
                .httpStatus(problem.httpStatus())
                .requestId(requestId)
                .arguments(baseUrl.host(), requestId, problem.httpStatus(), problem.code(), problem.text())
                .build();
    }

    private RemoteSystemException invalid(String requestId, String what) {
        return RemoteSystemException.builder(PaymentError.XBEZAHLDIENSTE_ANSWER_INVALID, SYSTEM)
                .side(RemoteSystemException.Side.REMOTE)
                .requestId(requestId)
                .arguments(baseUrl.host(), requestId, what)
                .build();
    }

    private String endPointId(TenantId tenant) {
        String endPointId = endPointIds.apply(tenant);
        if (endPointId == null || !PATH_ID.matcher(endPointId).matches()) {
            throw new ConfigurationException(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID,
                    "endPointId of tenant " + tenant, "it must have 1 to 36 characters of A-Z, a-z, 0-9, _ and -");
        }
        return endPointId;
    }

    private RemoteSystemException interruptedWhilePolling(InterruptedException e) {
        return RemoteSystemException.builder(PaymentError.XBEZAHLDIENSTE_UNAVAILABLE, SYSTEM)
                .cause(e).arguments(baseUrl.host(), "-", "interrupted while polling").build();
    }

    static void requireSecureUrl(String setting, URI url) {
        ServiceUrls.requireSecure(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID, setting, url);
    }

    private record Answer(int status, byte[] body) {
        boolean isOk() {
            return status == 200 || status == 201;
        }
    }

    /** Builds an {@link XBezahldiensteClient}; each setter validates its argument. */
    public static final class Builder {
        private URI baseUrl;
        private String originatorId;
        private Function<TenantId, String> endPointIds = TenantId::value;
        private XBezahldiensteAuthentication authentication;
        private HttpClientConfig http = HttpClientConfig.defaults();
        private CompletionPolling polling = CompletionPolling.of(Duration.ofSeconds(10), Duration.ofMillis(500),
                Duration.ofSeconds(4), PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID);

        private Builder() {
        }

        /** The base URL of the interface, e.g. from {@link XBezahldienstePreset#baseUrl} (required). */
        public Builder baseUrl(URI url) {
            Objects.requireNonNull(url, "url");
            requireSecureUrl("baseUrl", url);
            String text = url.toString();
            baseUrl = text.endsWith("/") ? url : URI.create(text + "/");
            return this;
        }

        /**
         * The {@code originatorId}: the online service (ePayBL: the Leika key or the service's id at the konnektor;
         * pmPayment: the "Verfahren"; GiroCheckout: the merchant id), 1 to 36 characters {@code [A-Za-z0-9_-]}
         * (required).
         */
        public Builder originatorId(String id) {
            originatorId = pathId("originatorId", id);
            return this;
        }

        /**
         * The {@code endPointId} of each tenant: the responsible authority (ePayBL: the AGS; GiroCheckout: the
         * project id). Default: the tenant id itself (the 12-digit ARS on the central portal).
         */
        public Builder endPointId(Function<TenantId, String> ids) {
            endPointIds = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** How the client authenticates (required). */
        public Builder authentication(XBezahldiensteAuthentication how) {
            authentication = Objects.requireNonNull(how, "how");
            return this;
        }

        /**
         * Timeouts, retries, trust anchors, clock and sleeper of the HTTP client; the client certificate of
         * {@link XBezahldiensteAuthentication#mutualTls} is added to it. Default: {@link HttpClientConfig#defaults()}.
         */
        public Builder http(HttpClientConfig config) {
            http = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * How long {@link XBezahldiensteClient#complete} polls an open payment (the service may settle it a moment
         * after the browser returned) before it answers PENDING: first after {@code firstPoll}, then doubling up to
         * {@code maxPoll}. Defaults 10 s, 500 ms, 4 s. A deadline of zero asks once.
         */
        public Builder completion(Duration deadline, Duration first, Duration max) {
            polling = CompletionPolling.of(deadline, first, max, PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID);
            return this;
        }

        /** The client. */
        public XBezahldiensteClient build() {
            if (baseUrl == null) {
                throw new ConfigurationException(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID, "baseUrl",
                        "it is not set");
            }
            if (originatorId == null) {
                throw new ConfigurationException(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID, "originatorId",
                        "it is not set");
            }
            if (authentication == null) {
                throw new ConfigurationException(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID, "authentication",
                        "it is not set: use mutual TLS or OAuth2 client credentials");
            }
            return new XBezahldiensteClient(this);
        }

        private static String pathId(String setting, String id) {
            Objects.requireNonNull(id, setting);
            if (!PATH_ID.matcher(id).matches()) {
                throw new ConfigurationException(PaymentError.XBEZAHLDIENSTE_CONFIG_INVALID, setting,
                        "it must have 1 to 36 characters of A-Z, a-z, 0-9, _ and -");
            }
            return id;
        }
    }
}
