package de.ozgsdk.sandbox.tsa.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.http.timestamp.TimestampError;
import de.ozgsdk.http.timestamp.TimestampToken;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.tsa.TimestampAuthorityMock;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The code samples of TimestampAuthorityMock's Javadoc and SANDBOX.md (checked by DocSnippetsTest in the examples
 * module), run against the mock.
 */
class TsaSnippetsTest {

    private final byte[] receipt = "Eingangsbestätigung".getBytes(StandardCharsets.UTF_8);
    private TimestampAuthorityMock mock;

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void clientAgainstTheMock() {
        // @start region="tsa-mock"
        TimestampAuthorityMock tsa = TimestampAuthorityMock.builder().start(); // key and CA generated for this run
        TimestampClient client = TimestampClient.builder()
                .url(tsa.tsaUrl().toString())              // http://127.0.0.1:<port>/tsa
                .trustAnchors(List.of(tsa.trustAnchor()))  // the mock's CA certificate
                .build();
        TimestampToken token = client.stamp(receipt);
        tsa.faults().add(Fault.systemError(TimestampAuthorityMock.Error.WRONG_NONCE).once()); // the next token lies
        // @end
        mock = tsa;
        assertThat(token.serialNumber()).isEqualTo(tsa.issued().get(0).serialNumber());
        assertThatThrownBy(() -> client.stamp(receipt)).isInstanceOfSatisfying(SecurityCheckException.class,
                e -> assertThat(e.code()).isEqualTo(TimestampError.NONCE_MISMATCH));
    }

    @Test
    void mockWithClockPolicyAndFaults() {
        // @start region="tsa-settings"
        TimestampAuthorityMock tsa = TimestampAuthorityMock.builder()
                .clock(Clock.fixed(Instant.parse("2026-03-02T23:59:59Z"), ZoneOffset.UTC)) // genTime: the deadline
                .policy("1.2.3.4.1")          // default 2.999.3161.1
                .acceptPolicy("1.2.3.4.2")    // a request may ask for it
                .accuracy(Duration.ofSeconds(1))
                .start();
        X509Certificate anchor = tsa.trustAnchor(); // also GET /__admin/tsa/ca.pem
        tsa.faults().add(Fault.systemError(TimestampAuthorityMock.Error.REJECTION_SYSTEM_FAILURE).once());
        tsa.faults().add(Fault.status(503).once()); // after the rejection: an overloaded TSA
        // @end
        mock = tsa;
        TimestampClient client = TimestampClient.builder().url(tsa.tsaUrl().toString())
                .trustAnchors(List.of(anchor)).clock(tsa.clock()).build();
        assertThatThrownBy(() -> client.stamp(receipt)).hasMessageContaining("systemFailure");
        assertThatThrownBy(() -> client.stamp(receipt)).hasMessageContaining("503");
        TimestampToken token = client.stamp(receipt);
        assertThat(token.genTime()).isEqualTo(Instant.parse("2026-03-02T23:59:59Z"));
        assertThat(token.policy()).isEqualTo("1.2.3.4.1");
    }
}
