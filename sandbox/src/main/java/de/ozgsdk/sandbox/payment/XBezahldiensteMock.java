package de.ozgsdk.sandbox.payment;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import de.ozgsdk.sandbox.SandboxError;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An XBezahldienste 1.0 payment service (FITKO; as ePayBL konnektor, pmPayment and GiroCheckout implement it) with a
 * pay page: {@code POST /paymenttransaction/{originatorId}/{endPointId}} creates a transaction and answers the
 * {@code PaymentTransaction} with the pay page as {@code transactionRedirectUrl};
 * {@code GET /paymenttransaction/{originatorId}/{endPointId}/{transactionId}} reads its status;
 * {@code GET /status/{originatorId}/{endPointId}} checks a configuration; {@code /paypage/{transactionId}} lets a
 * browser pay (GIROPAY, CREDITCARD, PAYPAL), cancel or fail, then sends it back to the {@code redirectUrl} without any
 * parameter (XBezahldienste has no callback: the status is read by GET).
 *
 * <pre>{@code
 * XBezahldiensteMock xbd = XBezahldiensteMock.builder()
 *         .endPoint("ozg-parken", "051110000000") // the known originatorId and endPointIds
 *         .oauthClient("portal", "geheim")         // POST /oauth/token, client credentials
 *         .start();
 * xbd.faults().add(Fault.systemError(XBezahldiensteMock.Error.CREATE_THEN_DROP)
 *         .on("POST", "/paymenttransaction/**").once()); // the answer to the first POST is lost
 * }</pre>
 *
 * <p>Authentication: OAuth2 client credentials ({@link Builder#oauthClient}; Bearer tokens from {@code /oauth/token},
 * {@code FORBIDDEN} without) or mutual TLS ({@link Builder#mutualTls()}: https, client certificates of the mock's
 * PKI, checked in the handshake of every request, the pay page's included). Refusals follow the FITKO error codes as
 * {@code application/problem+json}: {@code NO_VALID_ORIGINATOR_OR_ENDPOINT}, {@code PAYMENT_EXISTS} (a repeated
 * {@code requestId}; the problem names the existing {@code transactionId}), {@code CALCULATION_ERROR},
 * {@code BOOKING_DATA_MISSING}, {@code VALIDATION_ERROR}, {@code FORBIDDEN}, {@code UNSPECIFIED}. Admin:
 * {@code GET /__admin/payments} lists the transactions (ids, amount, status), {@code DELETE} forgets them.
 */
public final class XBezahldiensteMock extends MockServer {

    /** The mock's own errors, for {@link Fault#systemError(Enum)}. */
    public enum Error {
        /** {@code POST}: creates the transaction (if new), then answers {@code PAYMENT_EXISTS} (a lost answer). */
        PAYMENT_EXISTS,
        /** {@code POST}: creates the transaction, then closes the connection: the answer is lost. */
        CREATE_THEN_DROP,
        /** {@code GET} of a transaction: answers it with status {@code INITIAL}, whatever happened on the pay page. */
        STUCK_AT_INITIAL,
        /**
         * {@code POST /paypage/…}: the payment stays {@code INITIAL}, but the browser is sent back with
         * {@code ?status=PAYED&transactionId=…} appended, as a citizen who edits the return link would.
         */
        TAMPERED_REDIRECT,
        /**
         * {@code POST /paypage/…} with {@code action=pay}: the bank declines, the payment ends {@code FAILED} and the
         * browser is sent back as after any settlement (the pay page's "fail" button without the tester's choice).
         */
        DECLINED,
        /** Any API request: {@code 500} with the problem code {@code UNSPECIFIED}. */
        UNSPECIFIED
    }

    /** The path of the OAuth2 token endpoint. */
    public static final String TOKEN_PATH = "/oauth/token";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");
    private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9_\\s-]{1,27}");
    private static final Pattern CREATE = Pattern.compile("/paymenttransaction/([^/]+)/([^/]+)");
    private static final Pattern READ = Pattern.compile("/paymenttransaction/([^/]+)/([^/]+)/([^/]+)");
    private static final Pattern STATUS = Pattern.compile("/status/([^/]+)/([^/]+)");
    private static final Pattern PAY_PAGE = Pattern.compile("/paypage/([A-Za-z0-9-]{1,64})");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999");
    private static final List<String> METHODS = List.of("GIROPAY", "CREDITCARD", "PAYPAL");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Set<String>> endPoints;
    private final Map<String, String> clients;
    private final Set<String> requiredBookingData;
    private final Duration tokenLifetime;
    private final boolean mutualTls;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final Map<String, String> byRequest = new ConcurrentHashMap<>();
    private final AtomicLong kassenzeichen = new AtomicLong(1000);

    /** One transaction; its status changes on the pay page. */
    private static final class Transaction {
        final String transactionId;
        final String originatorId;
        final String endPointId;
        final String requestId;
        final ObjectNode request;
        final BigDecimal grosAmount;
        final String reference;
        final Instant created;
        volatile String status = "INITIAL";
        volatile String method;
        volatile Instant changed;

        Transaction(String transactionId, String originatorId, String endPointId, ObjectNode request, String reference,
                Instant created) {
            this.transactionId = transactionId;
            this.originatorId = originatorId;
            this.endPointId = endPointId;
            this.requestId = request.path("requestId").asString();
            this.request = request;
            this.grosAmount = request.path("grosAmount").decimalValue();
            this.reference = reference;
            this.created = created;
            this.changed = created;
        }

        SandboxPayment view() {
            return new SandboxPayment(transactionId, requestId, originatorId, endPointId, grosAmount, status,
                    Optional.ofNullable(method), reference);
        }
    }

    private XBezahldiensteMock(Builder builder) {
        super(builder, "xbezahldienste", Arrays.stream(Error.values()).map(Enum::name).toList());
        this.endPoints = Map.copyOf(builder.endPoints);
        this.clients = Map.copyOf(builder.clients);
        this.requiredBookingData = Set.copyOf(builder.requiredBookingData);
        this.tokenLifetime = builder.tokenLifetime;
        this.mutualTls = builder.mutualTls;
    }

    /**
     * A builder: plain http on a free loopback port, every originator and endpoint accepted, OAuth2 required once a
     * client is configured ({@link Builder#oauthClient}) or mutual TLS ({@link Builder#mutualTls()}).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The token endpoint for OAuth2 client credentials. */
    public URI tokenEndpoint() {
        return uri(TOKEN_PATH);
    }

    /** The transactions the mock holds, oldest first. */
    public List<SandboxPayment> payments() {
        return transactions.values().stream().sorted(Comparator.comparing((Transaction t) -> t.created)
                .thenComparing(t -> t.transactionId)).map(Transaction::view).toList();
    }

    /** How many transactions the mock holds (each {@code requestId} once, however often it was posted). */
    public int count() {
        return transactions.size();
    }

    /** The transaction created for {@code requestId}, if any. */
    public Optional<SandboxPayment> paymentFor(String requestId) {
        return transactions.values().stream().filter(t -> t.requestId.equals(requestId)).findFirst()
                .map(Transaction::view);
    }

    /** Forgets every transaction (as {@code DELETE /__admin/payments}). */
    public void clearPayments() {
        transactions.clear();
        byRequest.clear();
    }

    /** The pay page of a transaction (where {@code transactionRedirectUrl} points). */
    public URI payPage(String transactionId) {
        return uri("/paypage/" + transactionId);
    }

    @Override
    protected Answer handle(MockRequest request) {
        String path = request.path();
        if (path.equals(TOKEN_PATH)) {
            return request.method().equals("POST") ? token(request) : Answer.status(405).header("Allow", "POST");
        }
        Matcher page = PAY_PAGE.matcher(path);
        if (page.matches()) {
            return payPage(request, page.group(1), false, false);
        }
        Optional<Answer> refused = unauthenticated(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Matcher read = READ.matcher(path);
        if (read.matches() && request.method().equals("GET")) {
            return read(read.group(1), read.group(2), read.group(3), false);
        }
        Matcher create = CREATE.matcher(path);
        if (create.matches() && request.method().equals("POST")) {
            return create(request, create.group(1), create.group(2), Optional.empty());
        }
        Matcher status = STATUS.matcher(path);
        if (status.matches() && request.method().equals("GET")) {
            return knownEndPoint(status.group(1), status.group(2)) ? Answer.json(200, "{\"status\":\"OK\"}")
                    : problem(400, "NO_VALID_ORIGINATOR_OR_ENDPOINT", "Unbekannte originatorId oder endPointId",
                            Optional.empty());
        }
        return problem(404, "UNSPECIFIED", "Kein Endpunkt unter diesem Pfad", Optional.empty());
    }

    @Override
    protected Answer systemError(String error, MockRequest request) {
        Error kind = Error.valueOf(error);
        if (request.path().equals(TOKEN_PATH)) {
            // the errors are the payment service's; scope them with on(...) so that they do not meet the token call
            return handle(request);
        }
        if (kind == Error.UNSPECIFIED) {
            return problem(500, "UNSPECIFIED", "Interner Fehler des Bezahldienstes", Optional.empty());
        }
        Matcher page = PAY_PAGE.matcher(request.path());
        if ((kind == Error.TAMPERED_REDIRECT || kind == Error.DECLINED) && page.matches()) {
            return payPage(request, page.group(1), kind == Error.TAMPERED_REDIRECT, kind == Error.DECLINED);
        }
        Optional<Answer> refused = unauthenticated(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Matcher read = READ.matcher(request.path());
        if (kind == Error.STUCK_AT_INITIAL && read.matches()) {
            return read(read.group(1), read.group(2), read.group(3), true);
        }
        Matcher create = CREATE.matcher(request.path());
        if ((kind == Error.PAYMENT_EXISTS || kind == Error.CREATE_THEN_DROP) && create.matches()) {
            return create(request, create.group(1), create.group(2), Optional.of(kind));
        }
        return handle(request);
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        if (!request.path().equals(ADMIN_PREFIX + "payments")) {
            return Optional.empty();
        }
        if (request.method().equals("DELETE")) {
            clearPayments();
            return Optional.of(Answer.status(204));
        }
        ArrayNode list = JSON.createArrayNode();
        for (SandboxPayment payment : payments()) {
            ObjectNode entry = list.addObject();
            entry.put("transactionId", payment.transactionId());
            entry.put("requestId", payment.requestId());
            entry.put("originatorId", payment.originatorId());
            entry.put("endPointId", payment.endPointId());
            entry.put("grosAmount", payment.grosAmount());
            entry.put("status", payment.status());
            payment.paymentMethod().ifPresent(method -> entry.put("paymentMethod", method));
            entry.put("transactionReference", payment.transactionReference());
        }
        return Optional.of(Answer.json(200, JSON.writeValueAsString(list)));
    }

    @Override
    protected Set<String> recordedHeaders() {
        return Set.of("content-type", "content-length", "accept", "idempotency-key", "authorization");
    }

    /** Shows what identifies a payment request (ids, amount, number of items), never the requestor. */
    @Override
    protected String summariseBody(MockRequest request) {
        if (request.method().equals("POST") && CREATE.matcher(request.path()).matches()) {
            try {
                JsonNode body = JSON.readTree(request.body());
                return "requestId=" + body.path("requestId").asString("?") + ", grosAmount="
                        + (body.path("grosAmount").isNumber() ? body.path("grosAmount").decimalValue().toPlainString()
                                : "?")
                        + ", items=" + body.path("items").size() + ", requestor=***";
            } catch (JacksonException e) {
                return summarise(request.body());
            }
        }
        if (PAY_PAGE.matcher(request.path()).matches() && request.method().equals("POST")) {
            Map<String, String> form = form(request);
            return "action=" + form.getOrDefault("action", "?") + ", method=" + form.getOrDefault("method", "-");
        }
        if (request.path().equals(TOKEN_PATH)) {
            return "grant_type=" + form(request).getOrDefault("grant_type", "?") + ", client_secret=***";
        }
        return summarise(request.body());
    }

    private Answer token(MockRequest request) {
        Map<String, String> form = form(request);
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "only client_credentials is supported");
        }
        String[] credentials = basicCredentials(request).orElseGet(() -> new String[] {
            form.getOrDefault("client_id", ""), form.getOrDefault("client_secret", "")});
        String secret = clients.get(credentials[0]);
        if (secret == null || !java.security.MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                credentials[1].getBytes(StandardCharsets.UTF_8))) {
            return oauthError(401, "invalid_client", "unknown client or wrong client secret");
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        tokens.put(token, clock().instant().plus(tokenLifetime));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", tokenLifetime.toSeconds());
        answer.put("scope", form.getOrDefault("scope", "post"));
        return Answer.json(200, JSON.writeValueAsString(answer)).header("Cache-Control", "no-store");
    }

    private Optional<Answer> unauthenticated(MockRequest request) {
        if (mutualTls) {
            // the TLS handshake already demanded a certificate of the mock's PKI
            return request.clientCertificates().isEmpty() ? Optional.of(problem(403, "FORBIDDEN",
                    "Kein Client-Zertifikat", Optional.empty())) : Optional.empty();
        }
        if (clients.isEmpty()) {
            return Optional.empty();
        }
        String authorization = request.header("Authorization").orElse("");
        if (!authorization.startsWith("Bearer ")) {
            return Optional.of(problem(401, "FORBIDDEN", "Kein Bearer-Token", Optional.empty()));
        }
        Instant expires = tokens.get(authorization.substring("Bearer ".length()));
        if (expires == null || !clock().instant().isBefore(expires)) {
            return Optional.of(problem(401, "FORBIDDEN", "Token unbekannt oder abgelaufen", Optional.empty()));
        }
        return Optional.empty();
    }

    private Answer create(MockRequest request, String originatorId, String endPointId, Optional<Error> fault) {
        if (!knownEndPoint(originatorId, endPointId)) {
            return problem(400, "NO_VALID_ORIGINATOR_OR_ENDPOINT", "Unbekannte originatorId oder endPointId",
                    Optional.empty());
        }
        ObjectNode body;
        try {
            JsonNode tree = JSON.readTree(request.body());
            if (!(tree instanceof ObjectNode object)) {
                return problem(400, "VALIDATION_ERROR", "Der Inhalt ist kein JSON-Objekt", Optional.empty());
            }
            body = object;
        } catch (JacksonException e) {
            return problem(400, "VALIDATION_ERROR", "Der Inhalt ist kein JSON", Optional.empty());
        }
        Optional<Answer> invalid = validate(body);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String key = originatorId + "/" + endPointId + "/" + body.path("requestId").asString();
        String newId = UUID.randomUUID().toString();
        String existingId = byRequest.putIfAbsent(key, newId);
        if (existingId != null) {
            return problem(409, "PAYMENT_EXISTS", "Mit dieser Request-ID wurde bereits ein PaymentRequest platziert",
                    Optional.of(existingId));
        }
        Transaction transaction = new Transaction(newId, originatorId, endPointId, body,
                "KZ" + kassenzeichen.incrementAndGet(), clock().instant());
        transactions.put(newId, transaction);
        if (fault.isPresent() && fault.get() == Error.CREATE_THEN_DROP) {
            return Answer.drop();
        }
        if (fault.isPresent() && fault.get() == Error.PAYMENT_EXISTS) {
            return problem(409, "PAYMENT_EXISTS", "Mit dieser Request-ID wurde bereits ein PaymentRequest platziert",
                    Optional.of(newId));
        }
        return Answer.json(200, JSON.writeValueAsString(transactionJson(transaction, transaction.status)));
    }

    private Optional<Answer> validate(ObjectNode body) {
        String requestId = body.path("requestId").asString("");
        if (!ID.matcher(requestId).matches()) {
            return validation("requestId fehlt oder ist ungültig (1-36 Zeichen [\\w-])");
        }
        if (!"EUR".equals(body.path("currency").asString(""))) {
            return validation("Nur die Währung EUR wird unterstützt");
        }
        if (!PURPOSE.matcher(body.path("purpose").asString("")).matches()) {
            return validation("purpose fehlt oder ist ungültig (höchstens 27 Zeichen [\\w\\s-])");
        }
        if (body.path("description").asString("").length() > 250) {
            return validation("description ist länger als 250 Zeichen");
        }
        String redirect = body.path("redirectUrl").asString("");
        if (redirect.isEmpty() || redirect.length() > 2082 || !URI.create(redirect.replace(" ", "%20")).isAbsolute()) {
            return validation("redirectUrl fehlt oder ist keine absolute URL");
        }
        JsonNode items = body.path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > 99) {
            return validation("items muss 1 bis 99 Positionen enthalten");
        }
        if (!body.path("grosAmount").isNumber()) {
            return validation("grosAmount fehlt");
        }
        BigDecimal gros = body.path("grosAmount").decimalValue();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : items) {
            Optional<Answer> itemProblem = validateItem(item);
            if (itemProblem.isPresent()) {
                return itemProblem;
            }
            sum = sum.add(item.path("totalNetAmount").decimalValue()).add(item.path("totalTaxAmount").decimalValue());
        }
        if (gros.signum() <= 0 || gros.compareTo(MAX_AMOUNT) > 0 || gros.compareTo(sum) != 0) {
            return Optional.of(problem(400, "CALCULATION_ERROR", "grosAmount " + gros.toPlainString()
                    + " passt nicht zur Summe der Positionen " + sum.toPlainString(), Optional.empty()));
        }
        return Optional.empty();
    }

    private Optional<Answer> validateItem(JsonNode item) {
        for (String name : List.of("quantity", "singleNetAmount", "totalNetAmount", "singleTaxAmount",
                "totalTaxAmount")) {
            if (!item.path(name).isNumber()) {
                return validation("Position ohne " + name);
            }
        }
        BigDecimal quantity = item.path("quantity").decimalValue();
        BigDecimal net = item.path("singleNetAmount").decimalValue().multiply(quantity);
        BigDecimal tax = item.path("singleTaxAmount").decimalValue().multiply(quantity);
        if (net.compareTo(item.path("totalNetAmount").decimalValue()) != 0
                || tax.compareTo(item.path("totalTaxAmount").decimalValue()) != 0) {
            return Optional.of(problem(400, "CALCULATION_ERROR", "Position " + item.path("id").asString("?")
                    + ": Einzelbetrag mal Menge ergibt nicht den Gesamtbetrag", Optional.empty()));
        }
        JsonNode booking = item.path("bookingData");
        for (String name : requiredBookingData) {
            if (booking.path(name).asString("").isBlank()) {
                return Optional.of(problem(400, "BOOKING_DATA_MISSING", "Position " + item.path("id").asString("?")
                        + ": bookingData." + name + " fehlt", Optional.empty()));
            }
        }
        return Optional.empty();
    }

    private Answer read(String originatorId, String endPointId, String transactionId, boolean stuck) {
        Transaction transaction = transactions.get(transactionId);
        if (transaction == null || !transaction.originatorId.equals(originatorId)
                || !transaction.endPointId.equals(endPointId)) {
            return problem(404, "UNSPECIFIED", "Keine Transaktion mit dieser ID", Optional.empty());
        }
        return Answer.json(200, JSON.writeValueAsString(transactionJson(transaction,
                stuck ? "INITIAL" : transaction.status)));
    }

    private ObjectNode transactionJson(Transaction transaction, String status) {
        ObjectNode root = JSON.createObjectNode();
        root.set("paymentRequest", transaction.request);
        ObjectNode information = root.putObject("paymentInformation");
        information.put("transactionUrl", uri("/paymenttransaction/" + transaction.originatorId + "/"
                + transaction.endPointId + "/" + transaction.transactionId).toString());
        if (status.equals("INITIAL")) {
            information.put("transactionRedirectUrl", payPage(transaction.transactionId).toString());
        }
        information.put("transactionId", transaction.transactionId);
        information.put("transactionReference", transaction.reference);
        information.put("transactionTimestamp", transaction.changed.toString());
        if (transaction.method != null && !status.equals("INITIAL")) {
            information.put("paymentMethod", transaction.method);
        }
        information.put("status", status);
        return root;
    }

    private Answer payPage(MockRequest request, String transactionId, boolean tampered, boolean declined) {
        Transaction transaction = transactions.get(transactionId);
        if (transaction == null) {
            return Answer.text(404, "text/html; charset=utf-8", "<!DOCTYPE html><title>Unbekannt</title>"
                    + "<p>Diese Zahlung ist unbekannt.</p>");
        }
        if (request.method().equals("GET")) {
            return Answer.text(200, "text/html; charset=utf-8", payPageHtml(transaction));
        }
        if (!request.method().equals("POST")) {
            return Answer.status(405).header("Allow", "GET, POST");
        }
        if (!transaction.status.equals("INITIAL")) {
            return Answer.text(409, "text/html; charset=utf-8", "<!DOCTYPE html><title>Abgeschlossen</title>"
                    + "<p>Diese Zahlung ist bereits abgeschlossen.</p>");
        }
        Map<String, String> form = form(request);
        String action = form.getOrDefault("action", "");
        String redirect = transaction.request.path("redirectUrl").asString();
        if (tampered) {
            return Answer.status(303).header("Location", redirect + (redirect.contains("?") ? "&" : "?")
                    + "status=PAYED&transactionId=" + transaction.transactionId);
        }
        switch (action) {
            case "pay" -> {
                String method = form.getOrDefault("method", "");
                if (!METHODS.contains(method)) {
                    return Answer.text(400, "text/html; charset=utf-8", "<!DOCTYPE html><title>Fehler</title>"
                            + "<p>Bitte eine Zahlungsart wählen: " + String.join(", ", METHODS) + "</p>");
                }
                transaction.method = method;
                settle(transaction, declined ? "FAILED" : "PAYED");
            }
            case "cancel" -> settle(transaction, "CANCELED");
            case "fail" -> settle(transaction, "FAILED");
            default -> {
                return Answer.text(400, "text/html; charset=utf-8", "<!DOCTYPE html><title>Fehler</title>"
                        + "<p>Unbekannte Aktion.</p>");
            }
        }
        return Answer.status(303).header("Location", redirect);
    }

    private void settle(Transaction transaction, String status) {
        transaction.changed = clock().instant();
        transaction.status = status;
    }

    private static String payPageHtml(Transaction transaction) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<title>Bezahlen (Sandbox)</title></head><body><main><h1>Bezahlen</h1>");
        html.append("<p>Betrag: ").append(transaction.grosAmount.toPlainString()).append(" EUR</p>");
        html.append("<p>Verwendungszweck: ").append(escape(transaction.request.path("purpose").asString()))
                .append("</p><form method=\"post\"><fieldset><legend>Zahlungsart</legend>");
        for (String method : METHODS) {
            html.append("<label><input type=\"radio\" name=\"method\" value=\"").append(method).append("\"")
                    .append(method.equals("GIROPAY") ? " checked" : "").append("> ").append(method)
                    .append("</label>");
        }
        html.append("</fieldset><button name=\"action\" value=\"pay\">Bezahlen</button>"
                + "<button name=\"action\" value=\"cancel\">Abbrechen</button>"
                + "<button name=\"action\" value=\"fail\">Zahlung scheitern lassen</button></form></main>"
                + "</body></html>");
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private boolean knownEndPoint(String originatorId, String endPointId) {
        if (!ID.matcher(originatorId).matches() || !ID.matcher(endPointId).matches()) {
            return false;
        }
        return endPoints.isEmpty() || endPoints.getOrDefault(originatorId, Set.of()).contains(endPointId);
    }

    private Answer problem(int status, String code, String text, Optional<String> transactionId) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("errorCode", code);
        problem.put("link", uri("/problems/" + code.toLowerCase(Locale.ROOT)).toString());
        problem.put("status", status);
        problem.put("title", title(status));
        problem.put("functionalText", text);
        // an extension member (RFC 9457): which transaction exists, so that a client can read it
        transactionId.ifPresent(id -> problem.put("transactionId", id));
        return Answer.text(status, "application/problem+json", JSON.writeValueAsString(problem));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            default -> "Internal Server Error";
        };
    }

    private static Optional<Answer> validation(String text) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("errorCode", "VALIDATION_ERROR");
        problem.put("status", 400);
        problem.put("title", "Bad Request");
        problem.put("functionalText", text);
        return Optional.of(Answer.text(400, "application/problem+json", JSON.writeValueAsString(problem)));
    }

    private static Answer oauthError(int status, String error, String description) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("error", error);
        answer.put("error_description", description);
        return Answer.json(status, JSON.writeValueAsString(answer));
    }

    private static Optional<String[]> basicCredentials(MockRequest request) {
        String header = request.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> form(MockRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(request.body(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** Builds an {@link XBezahldiensteMock}. */
    public static final class Builder extends MockServer.Builder<Builder, XBezahldiensteMock> {
        private final Map<String, Set<String>> endPoints = new LinkedHashMap<>();
        private final Map<String, String> clients = new LinkedHashMap<>();
        private final Set<String> requiredBookingData = new HashSet<>(Set.of("Haushaltsstelle"));
        private Duration tokenLifetime = Duration.ofMinutes(5);
        private boolean mutualTls;

        private Builder() {
        }

        /**
         * Accepts {@code endPointIds} for {@code originatorId}; once any is given, other combinations are answered
         * {@code NO_VALID_ORIGINATOR_OR_ENDPOINT}. Default: every well-formed combination is accepted.
         */
        public Builder endPoint(String originatorId, String... endPointIds) {
            requireId("originatorId", originatorId);
            Set<String> ids = endPoints.computeIfAbsent(originatorId, k -> new HashSet<>());
            for (String id : endPointIds) {
                ids.add(requireId("endPointId", id));
            }
            return this;
        }

        /** Requires OAuth2 client credentials and accepts this client; may be called for several clients. */
        public Builder oauthClient(String clientId, String clientSecret) {
            Objects.requireNonNull(clientSecret, "clientSecret");
            if (Objects.requireNonNull(clientId, "clientId").isEmpty() || clients.containsKey(clientId)) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "clientId", clientId,
                        "a non-empty id not configured yet");
            }
            clients.put(clientId, clientSecret);
            return this;
        }

        /** How long issued access tokens are valid (on the mock's clock); default 5 minutes. */
        public Builder tokenLifetime(Duration lifetime) {
            if (Objects.requireNonNull(lifetime, "lifetime").toSeconds() < 1) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "tokenLifetime", lifetime,
                        "at least 1 second");
            }
            tokenLifetime = lifetime;
            return this;
        }

        /** The {@code bookingData} keys every item must carry; default {@code Haushaltsstelle}. */
        public Builder requiredBookingData(String... keys) {
            requiredBookingData.clear();
            requiredBookingData.addAll(List.of(keys));
            return this;
        }

        /** Authenticates by mutual TLS (as the ePayBL konnektor): https with client certificates of the mock's PKI. */
        public Builder mutualTls() {
            mutualTls = true;
            https();
            requireClientCertificate();
            return this;
        }

        @Override
        protected XBezahldiensteMock build() {
            if (mutualTls && !clients.isEmpty()) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "authentication",
                        "mutual TLS and OAuth2 clients", "one of the two");
            }
            return new XBezahldiensteMock(this);
        }

        private static String requireId(String name, String id) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, name, String.valueOf(id),
                        "1 to 36 characters of A-Z, a-z, 0-9, _ and -");
            }
            return id;
        }
    }
}
