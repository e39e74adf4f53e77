package de.ozgsdk.sandbox.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.http.timestamp.TimestampError;
import de.ozgsdk.http.timestamp.TimestampToken;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.tsa.TimestampAuthorityMock.Error;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ozg-http's {@link TimestampClient} against the time-stamp authority mock over a real socket: it accepts the mock's
 * tokens, and each fault of the mock makes it fail with the error its documentation names.
 */
class TimestampClientAgainstTsaMockTest {

    private static final byte[] RECEIPT = "Eingangsbestätigung Antrag 4711".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2025-03-14T09:30:00Z");

    private TimestampAuthorityMock tsa;

    @BeforeEach
    void start() {
        tsa = TimestampAuthorityMock.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
    }

    @AfterEach
    void stop() {
        tsa.close();
    }

    @Test
    void clientAcceptsTheMocksTokenAndItVerifiesAgainFromItsArchivedBytes() {
        TimestampToken token = client(tsa).stamp(RECEIPT);

        assertThat(token.genTime()).isEqualTo(NOW);
        assertThat(token.policy()).isEqualTo(TimestampAuthorityMock.DEFAULT_POLICY);
        assertThat(token.hashAlgorithm()).isEqualTo("SHA-256");
        assertThat(token.serialNumber()).isEqualTo(tsa.issued().get(0).serialNumber());
        assertThat(token.tsaSubject()).contains("CN=OZG Sandbox TSA");
        TimestampToken.parse(token.encoded(), List.of(tsa.trustAnchor())).verify(RECEIPT);
    }

    @Test
    void clientRequestingTheMocksPolicyGetsATokenUnderIt() {
        TimestampClient client = TimestampClient.builder().url(tsa.tsaUrl().toString())
                .trustAnchors(List.of(tsa.trustAnchor())).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .policy(tsa.policy()).build();

        assertThat(client.stamp(RECEIPT).policy()).isEqualTo(tsa.policy());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "REJECTION_BAD_ALG, TSA_REJECTED",
        "REJECTION_UNACCEPTED_POLICY, TSA_REJECTED",
        "REJECTION_SYSTEM_FAILURE, TSA_REJECTED",
        "MALFORMED_REPLY, TSA_RESPONSE_MALFORMED",
    })
    void tsaFailuresAreRemoteSystemErrors(Error error, TimestampError expected) {
        tsa.faults().add(Fault.systemError(error).once());

        assertThatThrownBy(() -> client(tsa).stamp(RECEIPT))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> assertThat(e.code()).isEqualTo(expected));
        assertThat(client(tsa).stamp(RECEIPT)).as("the fault was used up").isNotNull();
    }

    @Test
    void rejectionsNameTheirFailInfoAndBlameTheRightSide() {
        tsa.faults().add(Fault.systemError(Error.REJECTION_BAD_ALG).once());
        tsa.faults().add(Fault.systemError(Error.REJECTION_SYSTEM_FAILURE).once());

        RemoteSystemException badAlg = remoteFailure();
        RemoteSystemException systemFailure = remoteFailure();

        assertThat(badAlg.getMessage()).contains("badAlg");
        assertThat(badAlg.side()).isEqualTo(RemoteSystemException.Side.LOCAL);
        assertThat(systemFailure.getMessage()).contains("systemFailure");
        assertThat(systemFailure.side()).isEqualTo(RemoteSystemException.Side.REMOTE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "WRONG_NONCE, NONCE_MISMATCH",
        "MISSING_NONCE, NONCE_MISMATCH",
        "WRONG_IMPRINT, IMPRINT_MISMATCH",
        "NO_CERTIFICATE, SIGNER_CERTIFICATE_MISSING",
        "EXPIRED_CERTIFICATE, SIGNER_CERTIFICATE_NOT_VALID_AT_GEN_TIME",
        "UNTRUSTED_SIGNER, SIGNER_CERTIFICATE_UNTRUSTED",
        "BAD_SIGNATURE, SIGNATURE_INVALID",
    })
    void lyingTokensFailTheSecurityCheck(Error error, TimestampError expected) {
        tsa.faults().add(Fault.systemError(error).once());

        assertThatThrownBy(() -> client(tsa).stamp(RECEIPT))
                .isInstanceOfSatisfying(SecurityCheckException.class, e -> assertThat(e.code()).isEqualTo(expected));
        assertThat(tsa.issued()).extracting(token -> token.fault().orElse("-")).containsExactly(error.name());
    }

    @Test
    void aTokenUnderAnotherPolicyThanRequestedFailsTheSecurityCheck() {
        tsa.faults().add(Fault.systemError(Error.OTHER_POLICY).once());
        TimestampClient client = TimestampClient.builder().url(tsa.tsaUrl().toString())
                .trustAnchors(List.of(tsa.trustAnchor())).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .policy(tsa.policy()).build();

        assertThatThrownBy(() -> client.stamp(RECEIPT)).isInstanceOfSatisfying(SecurityCheckException.class,
                e -> assertThat(e.code()).isEqualTo(TimestampError.POLICY_MISMATCH));
    }

    @Test
    void aPolicyTheMockDoesNotAcceptIsRejectedWithUnacceptedPolicy() {
        TimestampClient client = TimestampClient.builder().url(tsa.tsaUrl().toString())
                .trustAnchors(List.of(tsa.trustAnchor())).policy("1.2.3.4.5").build();

        assertThatThrownBy(() -> client.stamp(RECEIPT)).isInstanceOfSatisfying(RemoteSystemException.class, e -> {
            assertThat(e.code()).isEqualTo(TimestampError.TSA_REJECTED);
            assertThat(e.getMessage()).contains("unacceptedPolicy");
        });
    }

    @ParameterizedTest
    @CsvSource({"500", "503"})
    void httpErrorStatusesAreTsaHttpErrors(int status) {
        tsa.faults().add(Fault.status(status).once());

        assertThatThrownBy(() -> client(tsa).stamp(RECEIPT)).isInstanceOfSatisfying(RemoteSystemException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(TimestampError.TSA_HTTP_ERROR);
                    assertThat(e.httpStatus()).hasValue(status);
                });
    }

    @Test
    void aDroppedConnectionMakesTheTsaUnreachable() {
        tsa.faults().add(Fault.drop().once());

        assertThatThrownBy(() -> client(tsa).stamp(RECEIPT)).isInstanceOfSatisfying(RemoteSystemException.class,
                e -> assertThat(e.code()).isEqualTo(TimestampError.TSA_UNREACHABLE));
    }

    @Test
    void aHangingTsaRunsIntoTheClientsTimeout() {
        tsa.faults().add(Fault.hang().once());

        assertThatThrownBy(() -> impatientClient(tsa).stamp(RECEIPT))
                .isInstanceOfSatisfying(RemoteSystemException.class,
                        e -> assertThat(e.code()).isEqualTo(TimestampError.TSA_UNREACHABLE));
    }

    @Test
    void latencyBeyondTheClientsTimeoutMakesTheTsaUnreachable() {
        tsa.faults().add(Fault.latency(Duration.ofMinutes(1)).once());

        assertThatThrownBy(() -> impatientClient(tsa).stamp(RECEIPT))
                .isInstanceOfSatisfying(RemoteSystemException.class,
                        e -> assertThat(e.code()).isEqualTo(TimestampError.TSA_UNREACHABLE));
    }

    @Test
    void latencyWithinTheClientsTimeoutStillGivesAToken() {
        tsa.faults().add(Fault.latency(Duration.ofMillis(50)).once());

        assertThat(client(tsa).stamp(RECEIPT).genTime()).isEqualTo(NOW);
        assertThat(tsa.records().last().orElseThrow().fault()).isPresent();
    }

    @Test
    void aGenTimeAheadOfTheClientsClockIsRefused() {
        TimestampClient behind = TimestampClient.builder().url(tsa.tsaUrl().toString())
                .trustAnchors(List.of(tsa.trustAnchor())).clock(Clock.fixed(NOW.minusSeconds(3600), ZoneOffset.UTC))
                .build();

        assertThatThrownBy(() -> behind.stamp(RECEIPT)).isInstanceOfSatisfying(SecurityCheckException.class,
                e -> assertThat(e.code()).isEqualTo(TimestampError.GEN_TIME_IN_FUTURE));
    }

    private RemoteSystemException remoteFailure() {
        try {
            client(tsa).stamp(RECEIPT);
        } catch (RemoteSystemException e) {
            return e;
        } catch (OzgException e) {
            throw new AssertionError("expected a RemoteSystemException, got " + e, e);
        }
        throw new AssertionError("the client accepted the answer");
    }

    private static TimestampClient client(TimestampAuthorityMock tsa) {
        return TimestampClient.builder().url(tsa.tsaUrl().toString()).trustAnchors(List.of(tsa.trustAnchor()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static TimestampClient impatientClient(TimestampAuthorityMock tsa) {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build();
        return TimestampClient.builder().url(tsa.tsaUrl().toString()).trustAnchors(List.of(tsa.trustAnchor()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).httpClient(http).build();
    }
}
