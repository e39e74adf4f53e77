package de.ozgsdk.payment;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.payment.internal.Echo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the citizen pays for one application: tenant, application id, the fees as booking lines, the SEPA purpose and
 * the return URL. {@link Builder#build()} checks the SEPA and XBezahldienste constraints (purpose at most 27 SEPA
 * characters, 1 to 99 lines, total at most 999999.00 EUR, ...) before anything is sent, and says what to fix.
 *
 * <pre>{@code
 * PaymentOrder order = PaymentOrder.builder()
 *         .tenant(TenantId.parse("051110000000"))
 *         .applicationId(draftId)
 *         .purpose("Anwohnerparken 2026")
 *         .line(BookingLine.of("Anwohnerparkausweis", "1.1200.431000", Money.parse("30.60")))
 *         .returnUrl(URI.create("https://service.example.de/parken/bezahlt"))
 *         .build();
 * }</pre>
 *
 * <p>The payment's {@link #requestId()} is derived from tenant, application id and attempt, so that starting the same
 * order again (after a timeout, a double click, a crash) finds the same payment instead of creating a second one.
 */
public final class PaymentOrder {

    /** Most booking lines (XBezahldienste {@code items}). */
    public static final int MAX_LINES = 99;
    /** Largest total and line amount (XBezahldienste {@code grosAmount}). */
    public static final Money MAX_AMOUNT = Money.parse("999999.00");
    /** Longest purpose (SEPA Verwendungszweck as XBezahldienste takes it). */
    public static final int MAX_PURPOSE = 27;
    /** Longest description and Buchungstext. */
    public static final int MAX_DESCRIPTION = 250;
    /** Longest return URL. */
    public static final int MAX_RETURN_URL = 2082;
    /** Most attempts of one application (the attempt is part of the 36-character request id). */
    public static final int MAX_ATTEMPTS = 999;

    private static final int MAX_QUANTITY = 999_999;
    private static final int MAX_APPLICATION_ID = 200;
    private static final int MAX_BOOKING_VALUE = 250;
    private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9_ -]+");
    private static final Pattern NOT_PURPOSE = Pattern.compile("[^A-Za-z0-9_ -]");
    private static final Pattern BOOKING_VALUE = Pattern.compile("[\\p{L}\\p{N} _.,:/()+&'-]+");

    private final TenantId tenant;
    private final String applicationId;
    private final int attempt;
    private final String purpose;
    private final Optional<String> description;
    private final URI returnUrl;
    private final List<BookingLine> lines;
    private final Money total;

    private PaymentOrder(Builder builder, Money total) {
        this.tenant = builder.tenant;
        this.applicationId = builder.applicationId;
        this.attempt = builder.attempt;
        this.purpose = builder.purpose;
        this.description = builder.description;
        this.returnUrl = builder.returnUrl;
        this.lines = List.copyOf(builder.lines);
        this.total = total;
    }

    /** A builder without any part set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder seeded with this order, e.g. to make the next attempt ({@code toBuilder().attempt(2).build()}). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The tenant (municipality) whose cashier's office receives the money. */
    public TenantId tenant() {
        return tenant;
    }

    /** The id of the application (draft) the fee belongs to. */
    public String applicationId() {
        return applicationId;
    }

    /** The attempt of paying this application, from 1: a failed or cancelled payment is retried with the next. */
    public int attempt() {
        return attempt;
    }

    /** The SEPA purpose (Verwendungszweck), at most 27 characters. */
    public String purpose() {
        return purpose;
    }

    /** The description shown on the pay page, if set. */
    public Optional<String> description() {
        return description;
    }

    /** Where the pay page sends the browser back. */
    public URI returnUrl() {
        return returnUrl;
    }

    /** The booking lines, at least one. */
    public List<BookingLine> lines() {
        return lines;
    }

    /** The sum of the lines (XBezahldienste {@code grosAmount}). */
    public Money total() {
        return total;
    }

    /**
     * The id of the payment request: 32 hex digits of SHA-256 over tenant and application id, a hyphen and the attempt
     * ({@code 9f86d081884c7d659a2feaa0c55ad015-1}); at most 36 characters, the same for every start of the same
     * attempt, free of personal data.
     */
    public String requestId() {
        return requestIdOf(tenant, applicationId, attempt);
    }

    /** The request id of {@code attempt} for an application; see {@link #requestId()}. */
    public static String requestIdOf(TenantId tenant, String applicationId, int attempt) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((tenant.value() + "\n" + applicationId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + "-" + attempt;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A fingerprint of what is paid (total and booking lines, not the return URL), to notice that the same attempt
     * is started again with a different order.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder(total.toPlainString());
        for (BookingLine line : lines) {
            text.append('|').append(line.haushaltsstelle()).append('|').append(line.objektnummer().orElse(""))
                    .append('|').append(line.quantity()).append('|').append(line.singleAmount().toPlainString());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "PaymentOrder[requestId=" + requestId() + ", tenant=" + tenant + ", total=" + total + ", lines="
                + lines.size() + "]";
    }

    /** Builds a {@link PaymentOrder}; {@link #build()} checks the constraints. */
    public static final class Builder {
        private TenantId tenant;
        private String applicationId;
        private int attempt = 1;
        private String purpose;
        private Optional<String> description = Optional.empty();
        private URI returnUrl;
        private final List<BookingLine> lines = new ArrayList<>();

        private Builder() {
        }

        private Builder(PaymentOrder order) {
            tenant = order.tenant;
            applicationId = order.applicationId;
            attempt = order.attempt;
            purpose = order.purpose;
            description = order.description;
            returnUrl = order.returnUrl;
            lines.addAll(order.lines);
        }

        /** The tenant (required). */
        public Builder tenant(TenantId id) {
            tenant = Objects.requireNonNull(id, "id");
            return this;
        }

        /** The id of the application the fee belongs to, 1 to 200 printable characters (required). */
        public Builder applicationId(String id) {
            applicationId = Objects.requireNonNull(id, "id");
            return this;
        }

        /** The attempt, 1 to 999; default 1. */
        public Builder attempt(int number) {
            attempt = number;
            return this;
        }

        /** The SEPA purpose: 1 to 27 characters of A-Z, a-z, 0-9, space, underscore and hyphen (required). */
        public Builder purpose(String text) {
            purpose = Objects.requireNonNull(text, "text");
            return this;
        }

        /** A description for the pay page, at most 250 characters; default none. */
        public Builder description(String text) {
            description = Optional.of(Objects.requireNonNull(text, "text"));
            return this;
        }

        /** The absolute https URL the pay page sends the browser back to, at most 2082 characters (required). */
        public Builder returnUrl(URI url) {
            returnUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /** Adds a booking line (at least one, at most 99). */
        public Builder line(BookingLine line) {
            lines.add(Objects.requireNonNull(line, "line"));
            return this;
        }

        /** Replaces the booking lines. */
        public Builder lines(List<BookingLine> all) {
            lines.clear();
            all.forEach(this::line);
            return this;
        }

        /**
         * The checked order.
         *
         * @throws InvalidInputException naming the first broken constraint and how to fix it
         * @throws NullPointerException if tenant, application id, purpose or return URL is missing
         */
        public PaymentOrder build() {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(returnUrl, "returnUrl");
            checkApplicationId();
            checkPurpose();
            description.ifPresent(Builder::checkDescription);
            checkReturnUrl();
            return new PaymentOrder(this, checkLines());
        }

        private void checkApplicationId() {
            if (applicationId.isEmpty() || applicationId.length() > MAX_APPLICATION_ID
                    || applicationId.codePoints().anyMatch(cp -> Character.isISOControl(cp)
                            || Character.isWhitespace(cp))) {
                throw new InvalidInputException(PaymentError.APPLICATION_ID_INVALID, Echo.of(applicationId),
                        "it must have 1 to " + MAX_APPLICATION_ID + " characters without spaces");
            }
            if (attempt < 1 || attempt > MAX_ATTEMPTS) {
                throw new InvalidInputException(PaymentError.APPLICATION_ID_INVALID, Echo.of(applicationId),
                        "attempt " + attempt + " is outside 1 to " + MAX_ATTEMPTS);
            }
        }

        private void checkPurpose() {
            if (purpose.isEmpty() || purpose.length() > MAX_PURPOSE) {
                throw new InvalidInputException(PaymentError.PURPOSE_INVALID, Echo.of(purpose),
                        "it has " + purpose.length() + " characters, 1 to " + MAX_PURPOSE + " are allowed");
            }
            if (!PURPOSE.matcher(purpose).matches()) {
                Matcher bad = NOT_PURPOSE.matcher(purpose);
                bad.find();
                throw new InvalidInputException(PaymentError.PURPOSE_INVALID, Echo.of(purpose),
                        "the character '" + purpose.charAt(bad.start()) + "' at position " + (bad.start() + 1)
                                + " is not allowed");
            }
        }

        private static void checkDescription(String text) {
            if (text.length() > MAX_DESCRIPTION) {
                throw new InvalidInputException(PaymentError.DESCRIPTION_INVALID, text.length(), MAX_DESCRIPTION);
            }
        }

        private void checkReturnUrl() {
            String text = returnUrl.toString();
            String problem = null;
            if (text.length() > MAX_RETURN_URL) {
                problem = "it has " + text.length() + " characters, at most " + MAX_RETURN_URL + " are allowed";
            } else if (!returnUrl.isAbsolute() || returnUrl.getHost() == null) {
                problem = "it is not an absolute URL with a host";
            } else if (!"https".equals(returnUrl.getScheme().toLowerCase(Locale.ROOT))
                    && !("http".equals(returnUrl.getScheme().toLowerCase(Locale.ROOT)) && isLoopback(returnUrl))) {
                problem = "only https is allowed (http only for localhost, in tests)";
            } else if (returnUrl.getRawFragment() != null) {
                problem = "it must not have a fragment (#...)";
            }
            if (problem != null) {
                throw new InvalidInputException(PaymentError.RETURN_URL_INVALID, Echo.of(text), problem);
            }
        }

        private static boolean isLoopback(URI url) {
            String host = url.getHost();
            return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        }

        private Money checkLines() {
            if (lines.isEmpty() || lines.size() > MAX_LINES) {
                throw new InvalidInputException(PaymentError.BOOKING_LINES_INVALID, lines.size(), MAX_LINES);
            }
            Money total = Money.ZERO;
            for (int i = 0; i < lines.size(); i++) {
                checkLine(i + 1, lines.get(i));
                total = total.plus(lines.get(i).total());
            }
            if (total.compareTo(MAX_AMOUNT) > 0) {
                throw new InvalidInputException(PaymentError.AMOUNT_INVALID, total,
                        "the total of the booking lines exceeds " + MAX_AMOUNT);
            }
            return total;
        }

        private static void checkLine(int position, BookingLine line) {
            String problem = bookingValueProblem("Buchungstext", line.buchungstext());
            if (problem == null) {
                problem = bookingValueProblem("Haushaltsstelle", line.haushaltsstelle());
            }
            if (problem == null && line.objektnummer().isPresent()) {
                problem = bookingValueProblem("Objektnummer", line.objektnummer().get());
            }
            if (problem == null && (line.quantity() < 1 || line.quantity() > MAX_QUANTITY)) {
                problem = "the quantity " + line.quantity() + " is outside 1 to " + MAX_QUANTITY;
            }
            if (problem != null) {
                throw new InvalidInputException(PaymentError.BOOKING_LINE_INVALID, position, problem);
            }
            if (line.singleAmount().isNegative() || line.singleAmount().isZero()) {
                throw new InvalidInputException(PaymentError.AMOUNT_INVALID, line.singleAmount(),
                        "booking line " + position + " must have a positive single amount");
            }
            if (line.total().compareTo(MAX_AMOUNT) > 0) {
                throw new InvalidInputException(PaymentError.AMOUNT_INVALID, line.total(),
                        "booking line " + position + " exceeds " + MAX_AMOUNT);
            }
        }

        private static String bookingValueProblem(String name, String value) {
            if (value.isBlank()) {
                return "the " + name + " is empty";
            }
            if (value.length() > MAX_BOOKING_VALUE) {
                return "the " + name + " has " + value.length() + " characters, at most " + MAX_BOOKING_VALUE
                        + " are allowed";
            }
            if (!BOOKING_VALUE.matcher(value).matches()) {
                return "the " + name + " has characters other than letters, digits, spaces and _ . , : / ( ) + & ' -";
            }
            return null;
        }
    }
}
