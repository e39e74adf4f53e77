package de.ozgsdk.transfer.fitconnect;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.persistence.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Callbacks of the delivery service: HMAC-SHA512 over "timestamp.body", at most 5 minutes old. */
class CallbackVerifierTest {

    private static final String SECRET = "insecure_unsafe_qHScgrg_kP-R31jHUwp3GkVkGJolvBchz65b74Lzue0";
    private static final byte[] BODY = ("{\"type\":\"https://schema.fitko.de/fit-connect/submission-api/callbacks/"
            + "new-submissions\",\"submissions\":[]}").getBytes(StandardCharsets.UTF_8);

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final CallbackVerifier verifier = CallbackVerifier.of(SECRET, clock);
    private final String now = Long.toString(clock.instant().getEpochSecond());

    /** The HMAC as the delivery service computes it, written here independently of the verifier. */
    private static String hmac(String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void acceptsACallbackWithTheRightHmac() throws Exception {
        assertThatCode(() -> verifier.verify(now, hmac(now, BODY), BODY)).doesNotThrowAnyException();
    }

    @Test
    void refusesATamperedBody() throws Exception {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("[]", "[{}]")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify(now, hmac(now, BODY), tampered))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("HMAC does not match");
    }

    @Test
    void refusesAChangedTimestamp() throws Exception {
        String later = Long.toString(clock.instant().getEpochSecond() + 10);

        assertThatThrownBy(() -> verifier.verify(later, hmac(now, BODY), BODY))
                .isInstanceOf(SecurityCheckException.class);
    }

    @Test
    void refusesACallbackOlderThanFiveMinutes() throws Exception {
        String stale = Long.toString(clock.instant().minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond());

        assertThatThrownBy(() -> verifier.verify(stale, hmac(stale, BODY), BODY))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("older than 5 minutes");
    }

    @Test
    void acceptsACallbackJustUnderFiveMinutesOld() throws Exception {
        String old = Long.toString(clock.instant().minus(Duration.ofMinutes(5)).getEpochSecond());

        assertThatCode(() -> verifier.verify(old, hmac(old, BODY), BODY)).doesNotThrowAnyException();
    }

    @Test
    void refusesMissingHeaders() {
        assertThatThrownBy(() -> verifier.verify(null, "00", BODY)).isInstanceOf(SecurityCheckException.class);
        assertThatThrownBy(() -> verifier.verify(now, "not-hex", BODY)).isInstanceOf(SecurityCheckException.class);
    }
}
