package de.ozgsdk.payment.epaybl;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.payment.PaymentError;
import de.ozgsdk.payment.PaymentReference;
import de.ozgsdk.payment.internal.Echo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ePayBL Paypage link ({@code …/paypage/login.do?mandant=…&EShopKundenNr=…&kassenzeichen=…&backlinkSuccess=…
 * &backlinkAbort=…}) and its two backlinks into the portal, each signed with HMAC-SHA256 over payment, Kassenzeichen
 * and result, so that a backlink changed on its way through the browser is refused.
 *
 * <pre>{@code
 * EpayblPaypage paypage = EpayblPaypage.of(URI.create("https://epay.example.de/paypage/login.do"), backlinkKey);
 * URI payPage = paypage.url("1610000000", eShopKundenNr, "4200000000061", requestId,
 *         URI.create("https://service.example.de/parken/bezahlt"));
 * Optional<EpayblPaypage.Result> result = paypage.verify(reference, returnParameters); // empty: no backlink
 * }</pre>
 *
 * <p>The signature proves that the portal wrote the link, not that anything was paid: both backlinks are visible to
 * the citizen in the Paypage URL. The outcome always comes from {@code lesenKassenzeichenInfo}.
 */
public final class EpayblPaypage {

    /** Query parameter of the backlink naming our payment request id. */
    public static final String PAYMENT_PARAMETER = "ozgPayment";
    /** Query parameter of the backlink naming the Kassenzeichen. */
    public static final String KASSENZEICHEN_PARAMETER = "kassenzeichen";
    /** Query parameter of the backlink naming the result ({@code success} or {@code abort}). */
    public static final String RESULT_PARAMETER = "result";
    /** Query parameter of the backlink carrying the signature. */
    public static final String SIGNATURE_PARAMETER = "sig";

    private static final int MIN_KEY_BYTES = 32;
    private static final List<String> BACKLINK_PARAMETERS = List.of(PAYMENT_PARAMETER, KASSENZEICHEN_PARAMETER,
            RESULT_PARAMETER, SIGNATURE_PARAMETER);

    /** Which backlink the Paypage sent the browser to. */
    public enum Result {
        /** {@code backlinkSuccess}: the citizen finished on the Paypage. */
        SUCCESS,
        /** {@code backlinkAbort}: the citizen cancelled, or the Paypage gave up. */
        ABORT;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final URI loginUrl;
    private final SecretKeySpec key;

    private EpayblPaypage(URI loginUrl, byte[] backlinkKey) {
        this.loginUrl = loginUrl;
        this.key = new SecretKeySpec(backlinkKey, "HmacSHA256");
    }

    /**
     * The Paypage at {@code loginUrl} with backlinks signed by {@code backlinkKey}.
     *
     * @param loginUrl the Paypage's {@code login.do}, absolute https (http only on localhost, in tests)
     * @param backlinkKey at least 32 random bytes, kept secret by the portal and the same on every node
     * @throws ConfigurationException if the URL is not absolute https or the key is shorter than 32 bytes
     */
    public static EpayblPaypage of(URI loginUrl, byte[] backlinkKey) {
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(backlinkKey, "backlinkKey");
        EpayblClient.requireSecureUrl("paypageUrl", loginUrl);
        if (loginUrl.getRawQuery() != null || loginUrl.getRawFragment() != null) {
            throw new ConfigurationException(PaymentError.EPAYBL_CONFIG_INVALID, "paypageUrl",
                    "give the login.do URL without query or fragment");
        }
        if (backlinkKey.length < MIN_KEY_BYTES) {
            throw new ConfigurationException(PaymentError.EPAYBL_CONFIG_INVALID, "backlinkKey",
                    "it has " + backlinkKey.length + " bytes; give at least " + MIN_KEY_BYTES + " random bytes");
        }
        return new EpayblPaypage(loginUrl, backlinkKey.clone());
    }

    /** The Paypage's {@code login.do}. */
    public URI loginUrl() {
        return loginUrl;
    }

    /** The Paypage URL for one Kassenzeichen, with both signed backlinks to {@code returnUrl}. */
    public URI url(String mandantNr, String eShopKundenNr, String kassenzeichen, String requestId, URI returnUrl) {
        return URI.create(loginUrl + "?mandant=" + encode(mandantNr) + "&EShopKundenNr=" + encode(eShopKundenNr)
                + "&kassenzeichen=" + encode(kassenzeichen)
                + "&backlinkSuccess=" + encode(backlink(returnUrl, requestId, kassenzeichen, Result.SUCCESS).toString())
                + "&backlinkAbort=" + encode(backlink(returnUrl, requestId, kassenzeichen, Result.ABORT).toString()));
    }

    /** {@code returnUrl} with payment, Kassenzeichen, result and their signature as query parameters. */
    public URI backlink(URI returnUrl, String requestId, String kassenzeichen, Result result) {
        String base = returnUrl.toString();
        return URI.create(base + (returnUrl.getRawQuery() == null ? "?" : "&")
                + PAYMENT_PARAMETER + "=" + encode(requestId)
                + "&" + KASSENZEICHEN_PARAMETER + "=" + encode(kassenzeichen)
                + "&" + RESULT_PARAMETER + "=" + result.wire()
                + "&" + SIGNATURE_PARAMETER + "=" + signature(requestId, kassenzeichen, result.wire()));
    }

    /**
     * Checks the backlink parameters of a return against the stored reference.
     *
     * @return the result the backlink names; empty if the return carries no backlink parameter at all (the portal
     *     asks on its own, or the citizen came back another way)
     * @throws SecurityCheckException ({@code OZG-PAYMENT-207}) if a backlink parameter is missing, repeated or changed,
     *     or the backlink belongs to another payment
     */
    public Optional<Result> verify(PaymentReference reference, Map<String, List<String>> parameters) {
        if (BACKLINK_PARAMETERS.stream().noneMatch(parameters::containsKey)) {
            return Optional.empty();
        }
        String requestId = single(parameters, PAYMENT_PARAMETER, reference);
        String kassenzeichen = single(parameters, KASSENZEICHEN_PARAMETER, reference);
        String result = single(parameters, RESULT_PARAMETER, reference);
        String signature = single(parameters, SIGNATURE_PARAMETER, reference);
        byte[] expected = signature(requestId, kassenzeichen, result).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
            throw refused(reference, "the signature does not match (the link was changed)");
        }
        if (!requestId.equals(reference.requestId()) || !kassenzeichen.equals(reference.transactionId())) {
            throw refused(reference, "it belongs to payment " + Echo.of(requestId) + " with Kassenzeichen "
                    + Echo.of(kassenzeichen));
        }
        return Optional.of(Result.valueOf(result.toUpperCase(Locale.ROOT)));
    }

    private static String single(Map<String, List<String>> parameters, String name, PaymentReference reference) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() != 1) {
            throw refused(reference, "parameter " + name + " appears " + values.size() + " times instead of once");
        }
        return values.get(0);
    }

    private static SecurityCheckException refused(PaymentReference reference, String why) {
        return new SecurityCheckException(PaymentError.EPAYBL_BACKLINK_INVALID, reference.requestId(), why);
    }

    private String signature(String requestId, String kassenzeichen, String result) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal(("epaybl-backlink\n" + requestId + "\n" + kassenzeichen + "\n" + result)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EpayblPaypage[" + loginUrl + "]";
    }
}
