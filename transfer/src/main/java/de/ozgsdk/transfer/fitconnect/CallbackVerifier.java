package de.ozgsdk.transfer.fitconnect;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.transfer.TransferError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a callback of the FIT-Connect delivery service (new submissions, new events) before its body is used: the
 * header {@code callback-authentication} must be the hex HMAC-SHA512, keyed with the callback secret, over
 * {@code "<callback-timestamp>.<raw body>"} (compared in constant time), and {@code callback-timestamp} (Unix
 * seconds) must be at most 5 minutes old, so that a recorded callback cannot be replayed later.
 *
 * <pre>{@code
 * CallbackVerifier callbacks = CallbackVerifier.of(callbackSecret);
 * callbacks.verify(timestampHeader, authenticationHeader, rawBody); // SecurityCheckException if forged or stale
 * // only now parse rawBody (CallbackNewSubmissions / CallbackNewEvents)
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CallbackVerifier {

    /** The oldest callback accepted. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** How far in the future a timestamp may lie (clock skew). */
    private static final Duration MAX_SKEW = Duration.ofMinutes(1);

    private final SecretKeySpec key;
    private final Clock clock;

    private CallbackVerifier(byte[] secret, Clock clock) {
        this.key = new SecretKeySpec(secret, "HmacSHA512");
        this.clock = clock;
    }

    /** A verifier for the callback secret set for the destination or submission (32 to 512 characters). */
    public static CallbackVerifier of(String secret) {
        return of(secret, Clock.systemUTC());
    }

    /** Like {@link #of(String)}, with the clock that judges the timestamp's age. */
    public static CallbackVerifier of(String secret, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(clock, "clock");
        if (secret.length() < 32 || secret.length() > 512) {
            throw new ConfigurationException(TransferError.FITCONNECT_CONFIG_INVALID, "callback secret",
                    "must have 32 to 512 characters (Submission API, CreateCallback.secret)");
        }
        return new CallbackVerifier(secret.getBytes(StandardCharsets.UTF_8), clock);
    }

    /**
     * Accepts the callback or throws.
     *
     * @param timestamp the {@code callback-timestamp} header (Unix seconds)
     * @param authentication the {@code callback-authentication} header (hex HMAC-SHA512)
     * @param rawBody the request body exactly as received
     * @throws SecurityCheckException if a header is missing, the HMAC differs or the timestamp is too old
     */
    public void verify(String timestamp, String authentication, byte[] rawBody) {
        Objects.requireNonNull(rawBody, "rawBody");
        if (timestamp == null || authentication == null || !timestamp.matches("\\d{1,12}")) {
            throw refused("callback-timestamp or callback-authentication missing or malformed");
        }
        byte[] expected = mac(timestamp, rawBody);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(authentication.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused("callback-authentication is not hex");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw refused("the HMAC does not match (wrong secret or changed body)");
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(MAX_AGE))) {
            throw refused("the timestamp is older than " + MAX_AGE.toMinutes() + " minutes");
        }
        if (sent.isAfter(now.plus(MAX_SKEW))) {
            throw refused("the timestamp lies in the future");
        }
    }

    /** The {@code callback-authentication} value for {@code timestamp} and {@code rawBody} (for senders and tests). */
    public String authentication(String timestamp, byte[] rawBody) {
        return HexFormat.of().formatHex(mac(timestamp, rawBody));
    }

    private byte[] mac(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA512", e);
        }
    }

    private static SecurityCheckException refused(String why) {
        return new SecurityCheckException(TransferError.FITCONNECT_CALLBACK_INVALID, why);
    }

    @Override
    public String toString() {
        return "CallbackVerifier[secret hidden]";
    }
}
