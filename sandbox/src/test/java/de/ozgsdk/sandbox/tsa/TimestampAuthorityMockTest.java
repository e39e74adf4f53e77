package de.ozgsdk.sandbox.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.RecordedExchange;
import de.ozgsdk.sandbox.SandboxError;
import de.ozgsdk.sandbox.SandboxPki;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The time-stamp authority mock on the wire: what it signs, what it refuses, how it is configured. */
class TimestampAuthorityMockTest {

    private static final byte[] DATA = "Antrag 4711 fristgerecht eingegangen".getBytes(StandardCharsets.UTF_8);
    private static final BigInteger NONCE = new BigInteger("7a3f00c0ffee1234", 16);

    private TimestampAuthorityMock tsa;

    @AfterEach
    void stop() {
        if (tsa != null) {
            tsa.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"SHA-256, 2.16.840.1.101.3.4.2.1", "SHA-384, 2.16.840.1.101.3.4.2.2",
            "SHA-512, 2.16.840.1.101.3.4.2.3"})
    void grantsTokensForSha2ImprintsSignedByItsTsaCertificate(String hash, String oid) throws Exception {
        tsa = TimestampAuthorityMock.builder().start();
        TimeStampRequest query = TsaWire.query(DATA, hash, new ASN1ObjectIdentifier(oid), NONCE, true, null);

        TimeStampResponse response = TsaWire.stamp(tsa, query);

        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        response.validate(query); // Bouncy Castle's check: nonce, imprint, policy, signing-certificate attribute
        TimeStampToken token = response.getTimeStampToken();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.signerCertificate()));
        TimeStampTokenInfo info = token.getTimeStampInfo();
        assertThat(info.getMessageImprintAlgOID().getId()).isEqualTo(oid);
        assertThat(info.getMessageImprintDigest()).isEqualTo(TsaWire.digest(hash, DATA));
        assertThat(info.getNonce()).isEqualTo(NONCE);
        assertThat(info.getPolicy().getId()).isEqualTo(TimestampAuthorityMock.DEFAULT_POLICY);
        assertThat(info.getTsa().getName().toString())
                .isEqualTo(X500Name.getInstance(tsa.signerCertificate().getSubjectX500Principal().getEncoded())
                        .toString());
    }

    @Test
    void tsaCertificateHasOnlyTheCriticalTimeStampingUsageAndChainsToTheTrustAnchor() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();
        X509Certificate signer = tsa.signerCertificate();

        assertThat(signer.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(signer.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        signer.verify(tsa.trustAnchor().getPublicKey());
        assertThat(tsa.trustAnchor().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void includesItsCertificateOnlyWhenTheRequestSetsCertReq() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();

        TimeStampToken with = TsaWire.stamp(tsa, sha256(true, null)).getTimeStampToken();
        TimeStampToken without = TsaWire.stamp(tsa, sha256(false, null)).getTimeStampToken();

        Collection<X509CertificateHolder> certificates = with.getCertificates().getMatches(null);
        assertThat(certificates).extracting(holder -> holder.getSerialNumber())
                .containsExactly(tsa.signerCertificate().getSerialNumber());
        assertThat(without.getCertificates().getMatches(null)).isEmpty();
        assertThat(tsa.issued()).extracting(IssuedTimestamp::certificatesIncluded).containsExactly(true, false);
    }

    @Test
    void issuesUnderARequestedPolicyItAcceptsAndRejectsOthersWithUnacceptedPolicy() throws Exception {
        tsa = TimestampAuthorityMock.builder().policy("1.2.3.4.1").acceptPolicy("1.2.3.4.2").start();

        TimeStampResponse byDefault = TsaWire.stamp(tsa, sha256(true, null));
        TimeStampResponse accepted = TsaWire.stamp(tsa, sha256(true, "1.2.3.4.2"));
        TimeStampResponse refused = TsaWire.stamp(tsa, sha256(true, "1.2.3.4.3"));

        assertThat(byDefault.getTimeStampToken().getTimeStampInfo().getPolicy().getId()).isEqualTo("1.2.3.4.1");
        assertThat(accepted.getTimeStampToken().getTimeStampInfo().getPolicy().getId()).isEqualTo("1.2.3.4.2");
        assertRejected(refused, PKIFailureInfo.unacceptedPolicy);
        assertThat(refused.getStatusString()).contains("1.2.3.4.3");
    }

    @Test
    void rejectsSha1ImprintsWithBadAlg() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();

        TimeStampResponse response = TsaWire.stamp(tsa,
                TsaWire.query(DATA, "SHA-1", OIWObjectIdentifiers.idSHA1, NONCE, true, null));

        assertRejected(response, PKIFailureInfo.badAlg);
        assertThat(response.getStatusString()).contains("SHA-256");
        assertThat(tsa.issuedCount()).isZero();
    }

    @Test
    void rejectsAnImprintOfTheWrongLengthWithBadDataFormat() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();
        TimeStampRequest query = new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256, new byte[20], NONCE);

        assertRejected(TsaWire.stamp(tsa, query), PKIFailureInfo.badDataFormat);
    }

    @Test
    void rejectsRequestExtensionsWithUnacceptedExtension() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.addExtension(new ASN1ObjectIdentifier("1.2.3.4.99"), false, new DEROctetString(new byte[] {1}));
        TimeStampRequest query = generator.generate(TSPAlgorithms.SHA256, TsaWire.digest("SHA-256", DATA), NONCE);

        assertRejected(TsaWire.stamp(tsa, query), PKIFailureInfo.unacceptedExtension);
    }

    @Test
    void answersABodyThatIsNoQueryWithBadDataFormat() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();

        HttpResponse<byte[]> answer = TsaWire.post(tsa.tsaUrl(), TimestampAuthorityMock.QUERY_TYPE,
                "<xml/>".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertRejected(new TimeStampResponse(answer.body()), PKIFailureInfo.badDataFormat);
    }

    @Test
    void refusesOtherContentTypesMethodsAndPathsOverHttp() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();
        byte[] query = sha256(true, null).getEncoded();

        assertThat(TsaWire.post(tsa.tsaUrl(), "application/octet-stream", query).statusCode()).isEqualTo(415);
        assertThat(TsaWire.post(tsa.uri("/other"), TimestampAuthorityMock.QUERY_TYPE, query).statusCode())
                .isEqualTo(404);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(tsa.tsaUrl())
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
    }

    @Test
    void serialNumbersAreUniqueAndGrowing() throws Exception {
        tsa = TimestampAuthorityMock.builder().clock(Clock.fixed(Instant.parse("2025-03-14T09:30:00Z"),
                ZoneOffset.UTC)).start();
        List<BigInteger> serials = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            serials.add(TsaWire.stamp(tsa, sha256(true, null)).getTimeStampToken().getTimeStampInfo()
                    .getSerialNumber());
        }

        assertThat(serials).doesNotHaveDuplicates().isSorted();
        assertThat(tsa.issued()).extracting(IssuedTimestamp::serialNumber).isEqualTo(serials);
    }

    @Test
    void genTimeIsTheMocksClockInMilliseconds() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:30:00.123456Z"));
        tsa = TimestampAuthorityMock.builder().clock(clock).start();

        Date first = TsaWire.stamp(tsa, sha256(true, null)).getTimeStampToken().getTimeStampInfo().getGenTime();
        clock.advance(Duration.ofDays(40));
        TimeStampToken later = TsaWire.stamp(tsa, sha256(true, null)).getTimeStampToken();

        assertThat(first.toInstant()).isEqualTo(Instant.parse("2025-03-14T09:30:00.123Z"));
        assertThat(later.getTimeStampInfo().getGenTime().toInstant())
                .isEqualTo(Instant.parse("2025-04-23T09:30:00.123Z"));
        // the generated PKI lives around the mock's clock, so its certificate was valid at both genTimes
        tsa.signerCertificate().checkValidity(later.getTimeStampInfo().getGenTime());
        tsa.signerCertificate().checkValidity(first);
    }

    @Test
    void statesTheConfiguredAccuracy() throws Exception {
        tsa = TimestampAuthorityMock.builder().accuracy(Duration.ofMillis(1500)).start();

        TimeStampTokenInfo info = TsaWire.stamp(tsa, sha256(true, null)).getTimeStampToken().getTimeStampInfo();

        assertThat(info.getGenTimeAccuracy().getSeconds()).isEqualTo(1);
        assertThat(info.getGenTimeAccuracy().getMillis()).isEqualTo(500);
        assertThat(info.getGenTimeAccuracy().getMicros()).isZero();
    }

    @Test
    void statesNoAccuracyByDefault() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();

        assertThat(TsaWire.stamp(tsa, sha256(true, null)).getTimeStampToken().getTimeStampInfo().getAccuracy())
                .isNull();
    }

    @Test
    void recordsTheQuerysDigestAndNonceButNoData() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();

        TsaWire.stamp(tsa, sha256(true, null));

        RecordedExchange exchange = tsa.records().of("POST", TimestampAuthorityMock.PATH).get(0);
        assertThat(exchange.body()).isEqualTo("TimeStampReq SHA-256 "
                + HexFormat.of().formatHex(TsaWire.digest("SHA-256", DATA)) + ", nonce 7a3f00c0ffee1234, certReq true,"
                + " policy -");
        assertThat(exchange.headers()).containsEntry("content-type", TimestampAuthorityMock.QUERY_TYPE);
    }

    @Test
    void adminListsTheIssuedTokensAndServesTheTrustAnchorAsPem() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();
        TsaWire.stamp(tsa, sha256(true, null));
        HttpClient http = HttpClient.newHttpClient();

        String tokens = http.send(HttpRequest.newBuilder(tsa.uri("/__admin/tsa/tokens")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        byte[] pem = http.send(HttpRequest.newBuilder(tsa.uri("/__admin/tsa/ca.pem")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        int deleted = http.send(HttpRequest.newBuilder(tsa.uri("/__admin/tsa/tokens")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(tokens).contains("\"count\":1", "\"nonce\":\"7a3f00c0ffee1234\"", "\"hashAlgorithm\":\"SHA-256\"");
        assertThat(CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem)))
                .isEqualTo(tsa.trustAnchor());
        assertThat(deleted).isEqualTo(204);
        assertThat(tsa.issued()).isEmpty();
    }

    @Test
    void faultsShapeTheTokenAndAreListedWithIt() throws Exception {
        tsa = TimestampAuthorityMock.builder().start();
        tsa.faults().add(Fault.systemError(TimestampAuthorityMock.Error.WRONG_NONCE).once());

        TimeStampTokenInfo lying = TsaWire.stamp(tsa, sha256(true, null)).getTimeStampToken().getTimeStampInfo();
        TimeStampTokenInfo honest = TsaWire.stamp(tsa, sha256(true, null)).getTimeStampToken().getTimeStampInfo();

        assertThat(lying.getNonce()).isEqualTo(NONCE.add(BigInteger.ONE));
        assertThat(honest.getNonce()).isEqualTo(NONCE);
        assertThat(tsa.issued()).extracting(token -> token.fault().orElse("-"))
                .containsExactly("WRONG_NONCE", "-");
    }

    @Test
    void signsWithAGivenRsaSignerAndTrustsItsChainsLastCertificate() throws Exception {
        PrivateKeyCredential rsa = selfSignedRsaTsa();
        tsa = TimestampAuthorityMock.builder().signer(rsa).start();

        TimeStampToken token = TsaWire.stamp(tsa, sha256(true, null)).getTimeStampToken();

        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(rsa.certificate()));
        assertThat(tsa.trustAnchor()).isEqualTo(rsa.certificate());
        assertThat(tsa.signerCertificate()).isEqualTo(rsa.certificate());
    }

    @Test
    void refusesASignerWithoutTimeStampingCertificate() {
        PrivateKeyCredential client = SandboxPki.generate().issueClient("not a TSA");

        assertThatThrownBy(() -> TimestampAuthorityMock.builder().signer(client))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(SandboxError.TSA_SIGNER_INVALID));
    }

    @Test
    void refusesAPolicyThatIsNoOidAndANegativeAccuracy() {
        assertThatThrownBy(() -> TimestampAuthorityMock.builder().policy("Zeitstempel"))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(SandboxError.TSA_POLICY_INVALID));
        assertThatThrownBy(() -> TimestampAuthorityMock.builder().acceptPolicy("1..2"))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(SandboxError.TSA_POLICY_INVALID));
        assertThatThrownBy(() -> TimestampAuthorityMock.builder().accuracy(Duration.ofSeconds(-1)))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(SandboxError.SETTING_OUT_OF_RANGE));
    }

    private static TimeStampRequest sha256(boolean certReq, String policy) {
        return TsaWire.query(DATA, "SHA-256", TSPAlgorithms.SHA256, NONCE, certReq, policy);
    }

    private static void assertRejected(TimeStampResponse response, int failInfo) {
        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(failInfo);
        assertThat(response.getTimeStampToken()).isNull();
    }

    /** An RSA TSA certificate, self-signed, with the critical time-stamping usage: a TSA whose key a test brings. */
    private static PrivateKeyCredential selfSignedRsaTsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Test RSA TSA,O=OZG SDK Test");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return PrivateKeyCredential.of(keys.getPrivate(), List.of(certificate));
    }

    /** A clock a test moves forward. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
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
}
