package de.ozgsdk.sandbox.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.Sandbox;
import de.ozgsdk.sandbox.junit.OzgSandbox;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

// The sample of SANDBOX.md, "JUnit 5 extension": a test class of its own, as a user writes it.
// @start region="extension"
@OzgSandbox // one sandbox for the test run; faults and records are cleared before each test
class TimestampOfReceiptsTest {

    private static final byte[] RECEIPT = "Eingangsbestätigung 4711".getBytes(StandardCharsets.UTF_8);

    @Test
    void anOverloadedTsaFailsTheStampAndTheNextQueryIsServed(Sandbox sandbox) {
        TimestampClient client = TimestampClient.builder()
                .url(sandbox.tsaUrl().toString())
                .trustAnchors(List.of(sandbox.tsaTrustAnchor()))
                .build();
        sandbox.tsa().faults().add(Fault.status(503).once()); // the next query only

        assertThatThrownBy(() -> client.stamp(RECEIPT)).isInstanceOf(RemoteSystemException.class);
        assertThat(client.stamp(RECEIPT).hashAlgorithm()).isEqualTo("SHA-256");
    }
}
// @end
