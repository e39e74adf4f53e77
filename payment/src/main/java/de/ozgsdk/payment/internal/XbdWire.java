package de.ozgsdk.payment.internal;

import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentOrder;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of XBezahldienste 1.0 (FITKO, docs.fitko.de/xbezahldienste): {@code PaymentRequest} out,
 * {@code PaymentTransaction} and {@code application/problem+json} in. Amounts are written from and read into
 * {@link BigDecimal}, never through a {@code double}.
 */
public final class XbdWire {

    /** Reads floating-point numbers as BigDecimal, so that 30.60 stays 30.60. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The wire values of {@code PaymentInformation.status}. */
    public enum Status { INITIAL, PAYED, FAILED, CANCELED }

    /** What the client uses of a {@code PaymentTransaction}: its request part and its payment information. */
    public record Transaction(String requestId, BigDecimal grosAmount, String currency, String transactionId,
            Optional<URI> payPage, Optional<String> transactionReference, Status status,
            Optional<String> paymentMethod, Optional<Instant> timestamp) {
    }

    /** An {@code application/problem+json} answer. */
    public record Problem(int httpStatus, String code, String text, Optional<String> transactionId) {
    }

    private XbdWire() {
    }

    /** The {@code PaymentRequest} of an order. */
    public static byte[] paymentRequest(PaymentOrder order, Instant now) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("requestId", order.requestId());
        request.put("requestTimestamp", now.toString());
        request.put("currency", "EUR");
        request.put("grosAmount", order.total().amount());
        request.put("purpose", order.purpose());
        order.description().ifPresent(text -> request.put("description", text));
        request.put("redirectUrl", order.returnUrl().toString());
        ArrayNode items = request.putArray("items");
        List<BookingLine> lines = order.lines();
        for (int i = 0; i < lines.size(); i++) {
            BookingLine line = lines.get(i);
            ObjectNode item = items.addObject();
            item.put("id", Integer.toString(i + 1));
            item.put("reference", order.requestId());
            item.put("description", line.buchungstext());
            // fees of authorities carry no VAT: net equals gross, tax is zero
            item.put("taxRate", BigDecimal.ZERO);
            item.put("quantity", line.quantity());
            item.put("totalNetAmount", line.total().amount());
            item.put("totalTaxAmount", BigDecimal.ZERO.setScale(2));
            item.put("singleNetAmount", line.singleAmount().amount());
            item.put("singleTaxAmount", BigDecimal.ZERO.setScale(2));
            ObjectNode booking = item.putObject("bookingData");
            booking.put("Haushaltsstelle", line.haushaltsstelle());
            line.objektnummer().ifPresent(number -> booking.put("Objektnummer", number));
            booking.put("Buchungstext", line.buchungstext());
        }
        return MAPPER.writeValueAsBytes(request);
    }

    /**
     * The parts of a {@code PaymentTransaction} answer.
     *
     * @throws IllegalArgumentException saying what does not follow XBezahldienste
     */
    public static Transaction transaction(byte[] body) {
        JsonNode root = tree(body);
        JsonNode request = root.path("paymentRequest");
        JsonNode information = root.path("paymentInformation");
        if (!information.isObject()) {
            throw new IllegalArgumentException("member paymentInformation missing");
        }
        String statusText = text(information, "status");
        Status status;
        try {
            status = Status.valueOf(statusText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status " + Echo.of(statusText), e);
        }
        return new Transaction(
                text(request, "requestId"),
                amount(request, "grosAmount"),
                optionalText(request, "currency").orElse("EUR"),
                text(information, "transactionId"),
                optionalText(information, "transactionRedirectUrl").map(XbdWire::uri),
                optionalText(information, "transactionReference"),
                status,
                optionalText(information, "paymentMethod"),
                optionalText(information, "transactionTimestamp").map(XbdWire::instant));
    }

    /** The problem in an error answer; a body that is no problem JSON gives code {@code UNSPECIFIED}. */
    public static Problem problem(byte[] body, int httpStatus) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            return new Problem(httpStatus, "UNSPECIFIED", "no problem JSON", Optional.empty());
        }
        if (root == null || !root.isObject()) {
            return new Problem(httpStatus, "UNSPECIFIED", "no problem JSON", Optional.empty());
        }
        // the FITKO page does not print the name of the code member; providers use errorCode or code
        String code = optionalText(root, "errorCode").or(() -> optionalText(root, "code")).orElse("UNSPECIFIED");
        String text = optionalText(root, "functionalText").or(() -> optionalText(root, "detail"))
                .or(() -> optionalText(root, "title")).orElse("");
        return new Problem(httpStatus, Echo.of(code), Echo.of(text), optionalText(root, "transactionId"));
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("body is no JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body is no JSON (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String text(JsonNode node, String name) {
        return optionalText(node, name).orElseThrow(() -> new IllegalArgumentException(
                "member " + name + " missing or not a string"));
    }

    private static Optional<String> optionalText(JsonNode node, String name) {
        JsonNode member = node.get(name);
        return member != null && member.isString() && !member.asString().isEmpty()
                ? Optional.of(member.asString()) : Optional.empty();
    }

    private static BigDecimal amount(JsonNode node, String name) {
        JsonNode member = node.get(name);
        if (member == null || !member.isNumber()) {
            throw new IllegalArgumentException("member " + name + " missing or not a number");
        }
        return member.decimalValue();
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("transactionRedirectUrl is no URL", e);
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("transactionTimestamp is no date-time", e);
        }
    }
}
