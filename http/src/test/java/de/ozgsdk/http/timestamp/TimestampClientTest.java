package de.ozgsdk.http.timestamp;

import static de.ozgsdk.http.timestamp.TestPki.CA;
import static de.ozgsdk.http.timestamp.TestPki.CLOCK;
import static de.ozgsdk.http.timestamp.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.ErrorKind;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.RemoteSystemException.Side;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.http.timestamp.FakeTsa.Fault;

class TimestampClientTest {

    private static final byte[] RECEIPT = "Eingangsbestätigung Antrag 4711".getBytes(StandardCharsets.UTF_8);

    private MockWebServer server;
    private FakeTsa tsa;

    @BeforeEach
    void startTsa() throws IOException {
        tsa = new FakeTsa(CLOCK, TestPki.TSA);
        server = new MockWebServer();
        server.setDispatcher(tsa);
        server.start();
    }

    @AfterEach
    void stopTsa() {
        server.close();
    }

    private TimestampClient.Builder client() {
        return TimestampClient.builder()
                .url(server.url("/tsa").toString())
                .trustAnchors(List.of(CA.certificate()))
                .clock(CLOCK);
    }

    @Test
    void stampsDataWithGenTimeOfTheTsa() {
        TimestampToken token = client().build().stamp(RECEIPT);

        assertThat(token.genTime()).isEqualTo(NOW);
        assertThat(token.hashAlgorithm()).isEqualTo("SHA-256");
        assertThat(token.messageImprint()).isEqualTo(sha256(RECEIPT));
        assertThat(token.policy()).isEqualTo(FakeTsa.DEFAULT_POLICY);
        assertThat(token.tsaSubject()).contains("CN=Test TSA 1");
        assertThat(token.serialNumber()).isPositive();
        token.verify(RECEIPT);
    }

    @Test
    void postsTimestampQueryWithSha256ImprintNonceAndCertReq() throws Exception {
        client().build().stamp(RECEIPT);

        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/timestamp-query");
        TimeStampRequest request = new TimeStampRequest(recorded.getBody().toByteArray());
        assertThat(request.getMessageImprintAlgOID()).isEqualTo(TSPAlgorithms.SHA256);
        assertThat(request.getMessageImprintDigest()).isEqualTo(sha256(RECEIPT));
        assertThat(request.getNonce()).isNotNull();
        assertThat(request.getCertReq()).isTrue();
        assertThat(request.getReqPolicy()).isNull();
    }

    @Test
    void sendsFreshNonceWithEveryRequest() throws Exception {
        TimestampClient client = client().build();
        client.stamp(RECEIPT);
        client.stamp(RECEIPT);

        TimeStampRequest first = new TimeStampRequest(server.takeRequest().getBody().toByteArray());
        TimeStampRequest second = new TimeStampRequest(server.takeRequest().getBody().toByteArray());
        assertThat(first.getNonce()).isNotEqualTo(second.getNonce());
    }

    @Test
    void stampsDigestComputedElsewhere() {
        TimestampToken token = client().build().stampDigest(sha256(RECEIPT));

        token.verify(RECEIPT);
    }

    @Test
    void requestsAndAcceptsConfiguredPolicy() throws Exception {
        TimestampToken token = client().policy("1.2.3.4.77").build().stamp(RECEIPT);

        assertThat(token.policy()).isEqualTo("1.2.3.4.77");
        TimeStampRequest request = new TimeStampRequest(server.takeRequest().getBody().toByteArray());
        assertThat(request.getReqPolicy().getId()).isEqualTo("1.2.3.4.77");
    }

    @Test
    void acceptsPinnedTsaCertificateAsTrustAnchor() {
        TimestampToken token = client().trustAnchors(List.of(TestPki.TSA.certificate())).build().stamp(RECEIPT);

        assertThat(token.genTime()).isEqualTo(NOW);
    }

    @Test
    void acceptsTsaCertificateOfIntermediateCaSentInTheToken() {
        tsa.signWith(TestPki.TSA_OF_INTERMEDIATE_CA, TestPki.INTERMEDIATE_CA.certificate());

        TimestampToken token = client().build().stamp(RECEIPT);

        assertThat(token.tsaSubject()).contains("CN=Test TSA 2");
    }

    @Test
    void rejectsTsaCertificateOfIntermediateCaNotSentInTheToken() {
        tsa.signWith(TestPki.TSA_OF_INTERMEDIATE_CA);

        assertSecurityFailure(TimestampError.SIGNER_CERTIFICATE_UNTRUSTED);
    }

    @Test
    void aChainBuiltForAnEarlierTokenIsNotTrustedAtAGenTimeWhenOneOfItsCertificatesHadExpired() {
        TestPki.Issued shortLivedCa = TestPki.intermediateCa(CA, "Short-lived Sub-CA", NOW.minus(Duration.ofDays(365)),
                NOW.plus(Duration.ofDays(1)));
        TestPki.Issued signer = TestPki.tsa(shortLivedCa, "Test TSA 3", NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(365)), TestPki.Usage.TIME_STAMPING);
        MovingClock clock = new MovingClock(NOW);
        FakeTsa moving = new FakeTsa(clock, signer);
        moving.signWith(signer, shortLivedCa.certificate());
        server.setDispatcher(moving);
        TimestampClient client = client().clock(clock).build();

        assertThat(client.stamp(RECEIPT).genTime()).isEqualTo(NOW);
        assertThat(client.stamp(RECEIPT).genTime()).isEqualTo(NOW);
        clock.now = NOW.plus(Duration.ofDays(2));

        assertThatThrownBy(() -> client.stamp(RECEIPT))
                .isInstanceOf(SecurityCheckException.class)
                .extracting(e -> ((OzgException) e).code()).isEqualTo(TimestampError.SIGNER_CERTIFICATE_UNTRUSTED);
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void rejectsAnswerWithAnotherNonce() {
        tsa.fault(Fault.OTHER_NONCE);

        assertSecurityFailure(TimestampError.NONCE_MISMATCH);
    }

    @Test
    void rejectsTokenOverAnotherImprint() {
        tsa.fault(Fault.OTHER_IMPRINT);

        assertSecurityFailure(TimestampError.IMPRINT_MISMATCH);
    }

    @Test
    void rejectsTokenUnderAnotherPolicyThanRequested() {
        tsa.fault(Fault.OTHER_POLICY);
        TimestampClient client = client().policy("1.2.3.4.77").build();

        assertThatThrownBy(() -> client.stamp(RECEIPT))
                .isInstanceOf(SecurityCheckException.class)
                .extracting(e -> ((OzgException) e).code()).isEqualTo(TimestampError.POLICY_MISMATCH);
    }

    @Test
    void rejectsTsaCertificateIssuedByUntrustedCa() {
        tsa.signWith(TestPki.TSA_OF_OTHER_CA);

        assertSecurityFailure(TimestampError.SIGNER_CERTIFICATE_UNTRUSTED);
    }

    @Test
    void rejectsTsaCertificateWithoutTimeStampingUsage() {
        tsa.signWith(TestPki.TSA_WITHOUT_USAGE);

        assertSecurityFailure(TimestampError.SIGNER_CERTIFICATE_NOT_FOR_TIMESTAMPING);
    }

    @Test
    void rejectsTsaCertificateWhoseTimeStampingUsageIsNotCritical() {
        tsa.signWith(TestPki.TSA_USAGE_NOT_CRITICAL);

        assertSecurityFailure(TimestampError.SIGNER_CERTIFICATE_NOT_FOR_TIMESTAMPING);
    }

    @Test
    void rejectsTsaCertificateExpiredAtGenTime() {
        tsa.signWith(TestPki.TSA_EXPIRED);

        assertSecurityFailure(TimestampError.SIGNER_CERTIFICATE_NOT_VALID_AT_GEN_TIME);
    }

    @Test
    void rejectsTokenWithoutTsaCertificate() {
        tsa.fault(Fault.NO_CERTIFICATE);

        assertSecurityFailure(TimestampError.SIGNER_CERTIFICATE_MISSING);
    }

    @Test
    void rejectsGenTimeFurtherAheadThanAllowedSkew() {
        TimestampClient client = client()
                .clock(Clock.fixed(NOW.minus(Duration.ofSeconds(61)), ZoneOffset.UTC))
                .allowedClockSkew(Duration.ofMinutes(1))
                .build();

        assertThatThrownBy(() -> client.stamp(RECEIPT))
                .isInstanceOf(SecurityCheckException.class)
                .extracting(e -> ((OzgException) e).code()).isEqualTo(TimestampError.GEN_TIME_IN_FUTURE);
    }

    @Test
    void acceptsGenTimeAheadWithinAllowedSkew() {
        TimestampToken token = client()
                .clock(Clock.fixed(NOW.minus(Duration.ofSeconds(59)), ZoneOffset.UTC))
                .allowedClockSkew(Duration.ofMinutes(1))
                .build()
                .stamp(RECEIPT);

        assertThat(token.genTime()).isEqualTo(NOW);
    }

    @Test
    void reportsRejectionWithFailureInfoAsOurSide() {
        tsa.fault(Fault.REJECTION);

        RemoteSystemException e = stampExpectingRemoteFailure(TimestampError.TSA_REJECTED);
        assertThat(e.side()).isEqualTo(Side.LOCAL);
        assertThat(e.getMessage()).contains("rejection", "badAlg", "not today");
        assertThat(e.userMessage(Locale.GERMAN)).contains("hat die Anfrage abgelehnt", "badAlg");
    }

    @Test
    void reportsSystemFailureOfTsaAsRemoteSide() {
        tsa.fault(Fault.SYSTEM_FAILURE);

        RemoteSystemException e = stampExpectingRemoteFailure(TimestampError.TSA_REJECTED);
        assertThat(e.side()).isEqualTo(Side.REMOTE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void reportsHttp500AsRemoteFailure() {
        tsa.fault(Fault.HTTP_500);

        RemoteSystemException e = stampExpectingRemoteFailure(TimestampError.TSA_HTTP_ERROR);
        assertThat(e.side()).isEqualTo(Side.REMOTE);
        assertThat(e.httpStatus()).hasValue(500);
        assertThat(e.system()).isEqualTo("TSA");
        assertThat(e.requestId()).isPresent();
    }

    @Test
    void reportsGarbageBodyAsMalformedResponse() {
        tsa.fault(Fault.GARBAGE);

        RemoteSystemException e = stampExpectingRemoteFailure(TimestampError.TSA_RESPONSE_MALFORMED);
        assertThat(e.side()).isEqualTo(Side.REMOTE);
    }

    @Test
    void reportsHtmlPageAsUnexpectedContentType() {
        tsa.fault(Fault.HTML);

        RemoteSystemException e = stampExpectingRemoteFailure(TimestampError.TSA_UNEXPECTED_CONTENT_TYPE);
        assertThat(e.getMessage()).contains("text/html");
    }

    @Test
    void refusesOversizedResponse() {
        tsa.fault(Fault.OVERSIZE);

        stampExpectingRemoteFailure(TimestampError.TSA_RESPONSE_TOO_LARGE);
    }

    @Test
    void reportsUnreachableTsaWithUnknownSide() {
        TimestampClient client = client().build();
        server.close();

        RemoteSystemException e = catchRemote(client);
        assertThat(e.code()).isEqualTo(TimestampError.TSA_UNREACHABLE);
        assertThat(e.side()).isEqualTo(Side.UNKNOWN);
    }

    @Test
    void rejectsDigestOfWrongLength() {
        TimestampClient client = client().build();

        assertThatThrownBy(() -> client.stampDigest(new byte[20]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OZG-TSA-105")
                .hasMessageContaining("20");
        assertThat(server.getRequestCount()).isZero();
    }

    private void assertSecurityFailure(TimestampError expected) {
        TimestampClient client = client().build();
        assertThatThrownBy(() -> client.stamp(RECEIPT))
                .isInstanceOf(SecurityCheckException.class)
                .satisfies(e -> assertThat(((OzgException) e).kind()).isEqualTo(ErrorKind.SECURITY))
                .extracting(e -> ((OzgException) e).code()).isEqualTo(expected);
    }

    private RemoteSystemException stampExpectingRemoteFailure(TimestampError expected) {
        RemoteSystemException e = catchRemote(client().build());
        assertThat(e.code()).isEqualTo(expected);
        return e;
    }

    private static RemoteSystemException catchRemote(TimestampClient client) {
        return assertThatThrownBy(() -> client.stamp(RECEIPT))
                .asInstanceOf(type(RemoteSystemException.class))
                .actual();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
