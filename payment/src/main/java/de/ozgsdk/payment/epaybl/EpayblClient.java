package de.ozgsdk.payment.epaybl;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.OzgHttpClients;
import de.ozgsdk.http.Sleeper;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentError;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentProvider;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.payment.PaymentReference;
import de.ozgsdk.payment.PaymentResult;
import de.ozgsdk.payment.PaymentReturn;
import de.ozgsdk.payment.internal.CompletionPolling;
import de.ozgsdk.payment.internal.Echo;
import de.ozgsdk.payment.internal.EpayblWire;
import de.ozgsdk.payment.internal.EpayblWire.Part;
import de.ozgsdk.payment.internal.EpayblWire.Struct;
import de.ozgsdk.payment.internal.EpayblWire.Value;
import de.ozgsdk.payment.internal.ServiceUrls;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * The client of classic ePayBL (SOAP 1.1, namespace {@code http://www.bff.bund.de/ePayment}, mutual TLS): creates a
 * Kassenzeichen for the order through a one-time pseudo customer, sends the browser to the Paypage and learns the
 * outcome from {@code lesenKassenzeichenInfo}, never from the backlink. Thread-safe; create one and keep it. Here
 * against the sandbox's {@code EpayblMock}; in production the service and Paypage URLs of the ePayBL operator, the
 * tenants' Mandanten and the portal's PKCS#12 client certificate:
 *
 * <pre>{@code
 * EpayblClient epaybl = EpayblClient.builder()
 *         .serviceUrl(mock.serviceUrl())                                 // …/soap/servlet/rpcrouter
 *         .paypage(EpayblPaypage.of(mock.paypageUrl(), backlinkKey))     // …/paypage/login.do, 32+ byte key
 *         .mandant(new EpayblMandant("1610000000", "42", "01"))          // or tenant -> Mandant of the tenant
 *         .clientCertificate(mock.pki().issueClient("ozg-portal"))       // PrivateKeyCredential.fromPkcs12(…)
 *         .http(HttpClientConfig.builder().trustedCertificates(mock.serverTrust()).build())
 *         .build();
 *
 * PaymentRedirect redirect = epaybl.start(order); // 303 to redirect.payPage(); keep redirect.reference()
 * }</pre>
 *
 * <p>When the browser comes back (to either backlink, or never), the outcome is read from ePayBL:
 *
 * <pre>{@code
 * PaymentResult result = epaybl.complete(PaymentReturn.of(reference, parameters)); // never trusts the link
 * }</pre>
 *
 * <p>{@link #start} runs {@code isAlive → lesenTransaktion → anlegenKunde →
 * anlegenKassenzeichenMitZahlverfahrenlisteMitBLP → loeschenKunde}. The Kassenzeichen carries an
 * {@code EShopTransaktionsNr} derived from the order's request id, and {@code lesenTransaktion} asks for it first: a
 * retry of the same order (after a timeout, a lost answer, a crash) finds the Kassenzeichen created before instead of
 * creating a second one. {@link #complete} checks the signed backlink and polls {@code lesenKassenzeichenInfo} until
 * the Paypage status is {@code INAKTIV}; then Kassenzeichen, customer number and amount must match the order.
 */
public final class EpayblClient implements PaymentProvider {

    /** The provider name in records and logs. */
    public static final String NAME = "epaybl";
    /** The Paypage status that ends a payment: the citizen finished on the Paypage. */
    public static final String INAKTIV = "INAKTIV";
    /** The longest SEPA Verwendungszweck: Kassenzeichen + "/" + Buchungstext. */
    public static final int MAX_VERWENDUNGSZWECK = 27;

    private static final Logger LOG = LoggerFactory.getLogger(EpayblClient.class);
    private static final String SYSTEM = "ePayBL";
    private static final MediaType XML = MediaType.get("text/xml; charset=utf-8");
    private static final Pattern SEPA_TEXT = Pattern.compile("[A-Za-z0-9 /?:().,'+-]+");
    private static final int TRANSAKTIONS_NR_LENGTH = 30;

    private final HttpUrl serviceUrl;
    private final EpayblPaypage paypage;
    private final Function<TenantId, EpayblMandant> mandanten;
    private final int kassenzeichenLength;
    private final OkHttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CompletionPolling polling;
    private final SecureRandom random = new SecureRandom();

    private EpayblClient(Builder builder) {
        this.serviceUrl = HttpUrl.get(builder.serviceUrl.toString());
        this.paypage = builder.paypage;
        this.mandanten = builder.mandanten;
        this.kassenzeichenLength = builder.kassenzeichenLength;
        HttpClientConfig config = builder.http;
        if (config.component().isEmpty()) {
            config = config.toBuilder().component(NAME).build();
        }
        if (builder.clientCertificate != null) {
            config = config.toBuilder().clientCredential(builder.clientCertificate).build();
        }
        this.http = OzgHttpClients.create(config);
        this.clock = config.clock();
        this.sleeper = config.sleeper();
        this.polling = builder.polling;
    }

    /** A builder; service URL, Paypage and Mandant are required, a client certificate unless on localhost. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PaymentRedirect start(PaymentOrder order) {
        EpayblMandant mandant = mandant(order.tenant());
        checkVerwendungszweck(order, kassenzeichenLength);
        String requestId = order.requestId();
        String transaktionsNr = transaktionsNr(requestId);
        requireAlive(mandant, requestId);
        Optional<Transaktion> existing = lesenTransaktion(mandant, transaktionsNr, requestId);
        if (existing.isPresent()) {
            return continueExisting(order, mandant, existing.get());
        }
        // a fresh customer number per attempt: one left behind by a crash before loeschenKunde cannot block a retry
        String kunde = transaktionsNr + "-" + HexFormat.of().formatHex(nonce());
        anlegenKunde(mandant, kunde, order);
        String kassenzeichen;
        try {
            kassenzeichen = anlegenKassenzeichen(mandant, kunde, transaktionsNr, order);
        } finally {
            loeschenKunde(mandant, kunde, requestId);
        }
        LOG.info("payment {} created as Kassenzeichen {}", requestId, kassenzeichen);
        return redirect(order, mandant, kassenzeichen, kunde);
    }

    @Override
    public PaymentResult complete(PaymentReturn returned) {
        PaymentReference reference = returned.reference();
        Optional<EpayblPaypage.Result> backlink = paypage.verify(reference, returned.parameters());
        PaymentResult result = status(reference);
        if (result.outcome() == PaymentResult.Outcome.PENDING && backlink.equals(
                Optional.of(EpayblPaypage.Result.ABORT))) {
            return new PaymentResult(reference, PaymentResult.Outcome.CANCELLED, Optional.of(
                    reference.transactionId()), Optional.empty(), Optional.of(clock.instant()));
        }
        return polling.poll(result, () -> status(reference), sleeper, this::interruptedWhilePolling);
    }

    @Override
    public PaymentResult status(PaymentReference reference) {
        EpayblMandant mandant = mandant(reference.tenant());
        String requestId = reference.requestId();
        KassenzeichenInfo info = lesenKassenzeichenInfo(mandant, reference.transactionId(), requestId);
        checkBelongsTo(info, reference);
        if (!INAKTIV.equals(info.paypageStatus())) {
            return new PaymentResult(reference, PaymentResult.Outcome.PENDING, Optional.of(info.kassenzeichen()),
                    Optional.empty(), Optional.empty());
        }
        Transaktion ordered = lesenTransaktion(mandant, transaktionsNr(requestId), requestId).orElseThrow(
                () -> mismatch(requestId, "EShopTransaktionsNr", "ePayBL knows no transaction of this payment"));
        if (!ordered.kassenzeichen().equals(reference.transactionId())) {
            throw mismatch(requestId, "Kassenzeichen", "the transaction of this payment has Kassenzeichen "
                    + Echo.of(ordered.kassenzeichen()));
        }
        if (info.betrag().compareTo(ordered.betrag()) != 0) {
            throw mismatch(requestId, "betragHauptforderungen", info.betrag().toPlainString() + " instead of "
                    + ordered.betrag().toPlainString());
        }
        return new PaymentResult(reference, PaymentResult.Outcome.PAID, Optional.of(info.kassenzeichen()),
                info.zahlverfahren(), Optional.of(clock.instant()));
    }

    @Override
    public void checkConfiguration(TenantId tenant) {
        requireAlive(mandant(tenant), "configuration-check");
    }

    /**
     * Checks before anything is sent that every Buchungstext fits the SEPA Verwendungszweck ePayBL builds from it
     * (Kassenzeichen + "/" + Buchungstext, at most 27 SEPA characters), for Kassenzeichen of {@code kassenzeichenLength}
     * characters.
     *
     * @throws InvalidInputException ({@code OZG-PAYMENT-208}) naming the line and what to shorten
     */
    public static void checkVerwendungszweck(PaymentOrder order, int kassenzeichenLength) {
        List<BookingLine> lines = order.lines();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).buchungstext();
            int room = MAX_VERWENDUNGSZWECK - kassenzeichenLength - 1;
            if (text.length() > room) {
                throw new InvalidInputException(PaymentError.EPAYBL_VERWENDUNGSZWECK_INVALID, i + 1, Echo.of(text),
                        "with a Kassenzeichen of " + kassenzeichenLength + " characters the Buchungstext may have "
                                + room + " characters, it has " + text.length());
            }
            if (!SEPA_TEXT.matcher(text).matches()) {
                throw new InvalidInputException(PaymentError.EPAYBL_VERWENDUNGSZWECK_INVALID, i + 1, Echo.of(text),
                        "only A-Z, a-z, 0-9, space and / ? : ( ) . , ' + - are SEPA characters (no umlauts)");
            }
        }
    }

    /** The {@code EShopTransaktionsNr} of a request id: 30 hex digits of SHA-256, the same for every retry. */
    static String transaktionsNr(String requestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("epaybl\n" + requestId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, TRANSAKTIONS_NR_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private byte[] nonce() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return bytes;
    }

    private PaymentRedirect continueExisting(PaymentOrder order, EpayblMandant mandant, Transaktion existing) {
        String requestId = order.requestId();
        if (existing.betrag().compareTo(order.total().amount()) != 0) {
            throw mismatch(requestId, "betrag", existing.betrag().toPlainString() + " instead of "
                    + order.total().toPlainString());
        }
        KassenzeichenInfo info = lesenKassenzeichenInfo(mandant, existing.kassenzeichen(), requestId);
        PaymentReference reference = new PaymentReference(order.tenant(), requestId, existing.kassenzeichen());
        checkBelongsTo(info, reference);
        LOG.info("payment {} exists as Kassenzeichen {}; continuing with it", requestId, existing.kassenzeichen());
        if (INAKTIV.equals(info.paypageStatus())) {
            // already finished on the Paypage (a retry after the citizen paid): back to the portal, which reads it
            return new PaymentRedirect(reference, order.returnUrl());
        }
        return redirect(order, mandant, existing.kassenzeichen(), info.eShopKundenNr());
    }

    private PaymentRedirect redirect(PaymentOrder order, EpayblMandant mandant, String kassenzeichen, String kunde) {
        if (kassenzeichen.length() > kassenzeichenLength) {
            // the pre-check assumed shorter Kassenzeichen: the Verwendungszweck may be cut by the bank
            checkVerwendungszweck(order, kassenzeichen.length());
        }
        PaymentReference reference = new PaymentReference(order.tenant(), order.requestId(), kassenzeichen);
        return new PaymentRedirect(reference, paypage.url(mandant.mandantNr(), kunde, kassenzeichen,
                order.requestId(), order.returnUrl()));
    }

    private void checkBelongsTo(KassenzeichenInfo info, PaymentReference reference) {
        if (!info.kassenzeichen().equals(reference.transactionId())) {
            throw mismatch(reference.requestId(), "kassenzeichen", Echo.of(info.kassenzeichen()) + " instead of "
                    + reference.transactionId());
        }
        if (!info.eShopKundenNr().startsWith(transaktionsNr(reference.requestId()) + "-")) {
            throw mismatch(reference.requestId(), "EShopKundenNr", "the Kassenzeichen was created for another "
                    + "customer than this payment's");
        }
    }

    // ---- the operations ------------------------------------------------------------------------------------------

    private void requireAlive(EpayblMandant mandant, String requestId) {
        EpayblWire.Ergebnis ergebnis = call("isAlive", List.of(new Value("mandantNr", mandant.mandantNr())),
                requestId).ergebnis();
        if (!ergebnis.istOk()) {
            throw RemoteSystemException.builder(PaymentError.EPAYBL_UNAVAILABLE, SYSTEM)
                    .side(RemoteSystemException.Side.REMOTE)
                    .requestId(requestId)
                    .arguments(serviceUrl.host(), "isAlive", requestId, describe(ergebnis))
                    .build();
        }
    }

    private Optional<Transaktion> lesenTransaktion(EpayblMandant mandant, String transaktionsNr, String requestId) {
        EpayblWire.Answer answer = call("lesenTransaktion", List.of(new Value("mandantNr", mandant.mandantNr()),
                new Value("eShopTransaktionsNr", transaktionsNr)), requestId);
        if (!answer.ergebnis().istOk()) {
            // ePayBL answers istOk=false when it has no transaction under the number: nothing was created yet
            return Optional.empty();
        }
        String kassenzeichen = answer.text("buchungsListe", "kassenzeichen").filter(s -> !s.isEmpty())
                .orElseThrow(() -> invalid(requestId, "lesenTransaktion", "buchungsListe/kassenzeichen missing"));
        BigDecimal betrag = answer.decimal("buchungsListe", "betrag")
                .orElseThrow(() -> invalid(requestId, "lesenTransaktion", "buchungsListe/betrag missing"));
        return Optional.of(new Transaktion(reference(kassenzeichen, requestId, "lesenTransaktion"), betrag));
    }

    private void anlegenKunde(EpayblMandant mandant, String kunde, PaymentOrder order) {
        // The pseudo customer carries no personal data: the Paypage shows the purpose where it shows the name.
        requireOk(call("anlegenKunde", List.of(new Value("mandantNr", mandant.mandantNr()),
                new Value("bewirtschafterNr", mandant.bewirtschafterNr()),
                new Struct("kunde", List.of(new Value("nachname", order.purpose()),
                        new Value("EShopKundenNr", kunde), new Value("sprache", "de")))),
                order.requestId()), "anlegenKunde", order.requestId());
    }

    private String anlegenKassenzeichen(EpayblMandant mandant, String kunde, String transaktionsNr,
            PaymentOrder order) {
        String operation = "anlegenKassenzeichenMitZahlverfahrenlisteMitBLP";
        List<Part> buchungen = new ArrayList<>();
        for (BookingLine line : order.lines()) {
            List<Part> buchung = new ArrayList<>(List.of(new Value("betrag", line.total().toPlainString()),
                    new Value("buchungstext", line.buchungstext()),
                    new Value("haushaltsstelle", line.haushaltsstelle())));
            line.objektnummer().ifPresent(nummer -> buchung.add(new Value("objektnummer", nummer)));
            buchungen.add(new Struct("item", buchung));
        }
        Struct buchungsListe = new Struct("buchungsListe", List.of(
                new Value("betrag", order.total().toPlainString()),
                new Value("bewirtschafterNr", mandant.bewirtschafterNr()),
                new Struct("buchungen", buchungen),
                new Value("EShopTransaktionsNr", transaktionsNr),
                new Value("faelligkeitsdatum", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()),
                new Value("kennzeichenMahnverfahren", mandant.kennzeichenMahnverfahren()),
                new Value("waehrungskennzeichen", "EUR")));
        EpayblWire.Answer answer = call(operation, List.of(new Value("mandantNr", mandant.mandantNr()),
                new Value("eShopKundenNr", kunde), buchungsListe), order.requestId());
        requireOk(answer, operation, order.requestId());
        String kassenzeichen = answer.text("buchungsListe", "kassenzeichen").filter(s -> !s.isEmpty())
                .orElseThrow(() -> invalid(order.requestId(), operation, "buchungsListe/kassenzeichen missing"));
        return reference(kassenzeichen, order.requestId(), operation);
    }

    private void loeschenKunde(EpayblMandant mandant, String kunde, String requestId) {
        // The pseudo customer is not needed once the Kassenzeichen exists (or failed); a failure here leaves a
        // customer without personal data behind and must not fail the payment.
        try {
            EpayblWire.Ergebnis ergebnis = call("loeschenKunde", List.of(new Value("mandantNr", mandant.mandantNr()),
                    new Value("bewirtschafterNr", mandant.bewirtschafterNr()), new Value("EShopKundenNr", kunde)),
                    requestId).ergebnis();
            if (!ergebnis.istOk()) {
                LOG.warn("payment {}: loeschenKunde answered {}", requestId, describe(ergebnis));
            }
        } catch (RuntimeException e) {
            LOG.warn("payment {}: loeschenKunde failed: {}", requestId, e.toString());
        }
    }

    private KassenzeichenInfo lesenKassenzeichenInfo(EpayblMandant mandant, String kassenzeichen, String requestId) {
        String operation = "lesenKassenzeichenInfo";
        EpayblWire.Answer answer = call(operation, List.of(new Value("mandantNr", mandant.mandantNr()),
                new Value("kassenzeichen", kassenzeichen)), requestId);
        requireOk(answer, operation, requestId);
        return new KassenzeichenInfo(
                answer.text("kassenzeichen").orElseThrow(() -> invalid(requestId, operation, "kassenzeichen missing")),
                answer.text("paypageStatus", "code").orElse(""),
                answer.decimal("betragHauptforderungen").orElseThrow(
                        () -> invalid(requestId, operation, "betragHauptforderungen missing")),
                answer.text("EShopKundennummer").orElseThrow(
                        () -> invalid(requestId, operation, "EShopKundennummer missing")),
                answer.text("zahlverfahren").filter(s -> !s.isEmpty()));
    }

    private String reference(String kassenzeichen, String requestId, String operation) {
        if (!kassenzeichen.matches("[A-Za-z0-9]{2,30}")) {
            throw invalid(requestId, operation, "the Kassenzeichen is not 2 to 30 letters or digits");
        }
        return kassenzeichen;
    }

    private void requireOk(EpayblWire.Answer answer, String operation, String requestId) {
        EpayblWire.Ergebnis ergebnis = ergebnis(answer, operation, requestId);
        if (!ergebnis.istOk()) {
            throw RemoteSystemException.builder(PaymentError.EPAYBL_REFUSED, SYSTEM)
                    .side(RemoteSystemException.Side.REMOTE)
                    .requestId(requestId)
                    .arguments(serviceUrl.host(), operation, requestId, ergebnis.code(), ergebnis.kurzText(),
                            ergebnis.langText())
                    .build();
        }
    }

    private EpayblWire.Ergebnis ergebnis(EpayblWire.Answer answer, String operation, String requestId) {
        try {
            return answer.ergebnis();
        } catch (IllegalArgumentException e) {
            throw invalid(requestId, operation, e.getMessage());
        }
    }

    private static String describe(EpayblWire.Ergebnis ergebnis) {
        return "istOk=false, code " + ergebnis.code() + ", " + ergebnis.kurzText() + " (" + ergebnis.langText() + ")";
    }

    /** One SOAP call; HTTP and parsing failures become the payment errors. */
    private EpayblWire.Answer call(String operation, List<Part> parts, String requestId) {
        Request request = new Request.Builder().url(serviceUrl)
                .header("SOAPAction", "\"" + EpayblWire.NAMESPACE + "#" + operation + "\"")
                .post(RequestBody.create(EpayblWire.request(operation, parts), XML))
                .build();
        byte[] body;
        int status;
        try (Response response = http.newCall(request).execute()) {
            body = response.body().bytes();
            status = response.code();
        } catch (IOException e) {
            throw RemoteSystemException.builder(PaymentError.EPAYBL_UNAVAILABLE, SYSTEM)
                    .side(RemoteSystemException.Side.UNKNOWN)
                    .requestId(requestId)
                    .cause(e)
                    .arguments(serviceUrl.host(), operation, requestId, e.getClass().getSimpleName())
                    .build();
        }
        try {
            EpayblWire.Answer answer = EpayblWire.answer(body, operation);
            if (status != 200) {
                throw invalid(requestId, operation, "HTTP " + status + " with a SOAP answer that is no fault");
            }
            ergebnis(answer, operation, requestId);
            return answer;
        } catch (EpayblWire.SoapFault fault) {
            throw RemoteSystemException.builder(PaymentError.EPAYBL_SOAP_FAULT, SYSTEM)
                    .side(RemoteSystemException.Side.REMOTE)
                    .httpStatus(status)
                    .requestId(requestId)
                    .arguments(serviceUrl.host(), operation, requestId, fault.faultCode(),
                            Echo.of(fault.faultString()))
                    .build();
        } catch (IllegalArgumentException | InvalidInputException e) {
            if (status >= 500 || status == 408 || status == 429) {
                throw RemoteSystemException.builder(PaymentError.EPAYBL_UNAVAILABLE, SYSTEM)
                        .side(RemoteSystemException.Side.REMOTE)
                        .httpStatus(status)
                        .requestId(requestId)
                        .arguments(serviceUrl.host(), operation, requestId, "HTTP " + status)
                        .build();
            }
            throw invalid(requestId, operation, status == 200 ? e.getMessage() : "HTTP " + status);
        }
    }

    private RemoteSystemException invalid(String requestId, String operation, String what) {
        return RemoteSystemException.builder(PaymentError.EPAYBL_ANSWER_INVALID, SYSTEM)
                .side(RemoteSystemException.Side.REMOTE)
                .requestId(requestId)
                .arguments(serviceUrl.host(), operation, requestId, what)
                .build();
    }

    private static SecurityCheckException mismatch(String requestId, String what, String detail) {
        return new SecurityCheckException(PaymentError.EPAYBL_MISMATCH, requestId, what, detail);
    }

    private EpayblMandant mandant(TenantId tenant) {
        EpayblMandant mandant = mandanten.apply(tenant);
        if (mandant == null) {
            throw new ConfigurationException(PaymentError.EPAYBL_CONFIG_INVALID, "mandant of tenant " + tenant,
                    "no ePayBL Mandant is configured for this tenant");
        }
        return mandant;
    }

    private RemoteSystemException interruptedWhilePolling(InterruptedException e) {
        return RemoteSystemException.builder(PaymentError.EPAYBL_UNAVAILABLE, SYSTEM)
                .cause(e).arguments(serviceUrl.host(), "lesenKassenzeichenInfo", "-", "interrupted while polling")
                .build();
    }

    static void requireSecureUrl(String setting, URI url) {
        ServiceUrls.requireSecure(PaymentError.EPAYBL_CONFIG_INVALID, setting, url);
    }

    private static boolean isLoopback(URI url) {
        return ServiceUrls.isLoopback(url);
    }

    /** What {@code lesenTransaktion} reports: the Kassenzeichen created under our number and its amount. */
    private record Transaktion(String kassenzeichen, BigDecimal betrag) {
    }

    /** What {@code lesenKassenzeichenInfo} reports. */
    private record KassenzeichenInfo(String kassenzeichen, String paypageStatus, BigDecimal betrag,
            String eShopKundenNr, Optional<String> zahlverfahren) {
    }

    /** Builds an {@link EpayblClient}; each setter validates its argument. */
    public static final class Builder {
        private URI serviceUrl;
        private EpayblPaypage paypage;
        private Function<TenantId, EpayblMandant> mandanten;
        private PrivateKeyCredential clientCertificate;
        private HttpClientConfig http = HttpClientConfig.defaults();
        private int kassenzeichenLength = 12;
        private CompletionPolling polling = CompletionPolling.of(Duration.ofSeconds(10), Duration.ofMillis(500),
                Duration.ofSeconds(2), PaymentError.EPAYBL_CONFIG_INVALID);

        private Builder() {
        }

        /** The SOAP endpoint, e.g. {@code https://epay.example.de/soap/servlet/rpcrouter} (required). */
        public Builder serviceUrl(URI url) {
            Objects.requireNonNull(url, "url");
            requireSecureUrl("serviceUrl", url);
            serviceUrl = url;
            return this;
        }

        /** The Paypage with its backlink key (required). */
        public Builder paypage(EpayblPaypage page) {
            paypage = Objects.requireNonNull(page, "page");
            return this;
        }

        /** The Mandant of each tenant (required); answering {@code null} for a tenant refuses its payments. */
        public Builder mandant(Function<TenantId, EpayblMandant> perTenant) {
            mandanten = Objects.requireNonNull(perTenant, "perTenant");
            return this;
        }

        /** One Mandant for every tenant (a local portal of one municipality). */
        public Builder mandant(EpayblMandant mandant) {
            Objects.requireNonNull(mandant, "mandant");
            return mandant(tenant -> mandant);
        }

        /** The TLS client certificate ePayBL knows this portal by (required unless the service is on localhost). */
        public Builder clientCertificate(PrivateKeyCredential credential) {
            clientCertificate = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** Timeouts, trust anchors, clock and sleeper of the HTTP client. Default: {@link HttpClientConfig#defaults()}. */
        public Builder http(HttpClientConfig config) {
            http = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * The length of this Mandant's Kassenzeichen, 2 to 30 (default 12, ePayBL's standard): with it the client
         * checks before sending that Kassenzeichen + "/" + Buchungstext fits the 27 characters of the Verwendungszweck.
         */
        public Builder kassenzeichenLength(int length) {
            if (length < 2 || length > 30) {
                throw new ConfigurationException(PaymentError.EPAYBL_CONFIG_INVALID, "kassenzeichenLength",
                        "it must be 2 to 30, not " + length);
            }
            kassenzeichenLength = length;
            return this;
        }

        /**
         * How long {@link EpayblClient#complete} polls {@code lesenKassenzeichenInfo} until the Paypage status is
         * {@code INAKTIV} (ePayBL settles a moment after the browser returned) before it answers PENDING: first after
         * {@code first}, then doubling up to {@code max}. Defaults 10 s, 500 ms, 2 s; a deadline of zero asks once.
         */
        public Builder completion(Duration deadline, Duration first, Duration max) {
            polling = CompletionPolling.of(deadline, first, max, PaymentError.EPAYBL_CONFIG_INVALID);
            return this;
        }

        /** The client. */
        public EpayblClient build() {
            require(serviceUrl != null, "serviceUrl", "it is not set");
            require(paypage != null, "paypage", "it is not set");
            require(mandanten != null, "mandant", "it is not set");
            require(clientCertificate != null || isLoopback(serviceUrl), "clientCertificate",
                    "ePayBL requires mutual TLS: give the client certificate of the portal");
            return new EpayblClient(this);
        }

        private static void require(boolean condition, String setting, String problem) {
            if (!condition) {
                throw new ConfigurationException(PaymentError.EPAYBL_CONFIG_INVALID, setting, problem);
            }
        }
    }

    @Override
    public String toString() {
        return "EpayblClient[" + serviceUrl.host() + ", paypage " + paypage.loginUrl().getHost() + "]";
    }
}
