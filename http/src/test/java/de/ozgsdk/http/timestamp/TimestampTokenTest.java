package de.ozgsdk.http.timestamp;

import static de.ozgsdk.http.timestamp.TestPki.CA;
import static de.ozgsdk.http.timestamp.TestPki.CLOCK;
import static de.ozgsdk.http.timestamp.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import mockwebserver3.MockWebServer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.SecurityCheckException;

class TimestampTokenTest {

    private static final byte[] DATA = "Antrag 4711, eingegangen".getBytes(StandardCharsets.UTF_8);

    private static TimestampToken token;

    @BeforeAll
    static void stampOnce() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new FakeTsa(CLOCK, TestPki.TSA));
            server.start();
            token = TimestampClient.builder()
                    .url(server.url("/tsa").toString())
                    .trustAnchors(List.of(CA.certificate()))
                    .clock(CLOCK)
                    .build()
                    .stamp(DATA);
        }
    }

    @Test
    void reverifiesArchivedTokenAgainstItsData() {
        TimestampToken archived = TimestampToken.parse(token.encoded(), List.of(CA.certificate()));

        archived.verify(DATA);
        assertThat(archived).isEqualTo(token);
        assertThat(archived.genTime()).isEqualTo(NOW);
        assertThat(archived.serialNumber()).isEqualTo(token.serialNumber());
        assertThat(archived.tsaSubject()).isEqualTo(token.tsaSubject());
        assertThat(archived.policy()).isEqualTo(token.policy());
    }

    @Test
    void verifiesDigestOfArchivedData() {
        TimestampToken.parse(token.encoded(), List.of(CA.certificate()))
                .verifyDigest(TimestampClientTest.sha256(DATA));
    }

    @Test
    void reverifiesTokenArchivedByAnEarlierBuild() throws Exception {
        byte[] archived = resource("TimestampFuzzTestInputs/parsesUntrustedToken/token");
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(resource("fuzz-ca.pem")));

        TimestampToken parsed = TimestampToken.parse(archived, List.of(ca));

        parsed.verify("fuzz".getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed.genTime()).isEqualTo(NOW);
    }

    @Test
    void rejectsOtherData() {
        byte[] changed = DATA.clone();
        changed[0] ^= 0x20;

        assertThatThrownBy(() -> token.verify(changed))
                .isInstanceOf(SecurityCheckException.class)
                .extracting(e -> ((OzgException) e).code()).isEqualTo(TimestampError.TOKEN_DOES_NOT_MATCH_DATA);
    }

    @Test
    void rejectsTokenWithTamperedGenTime() {
        byte[] tampered = replace(token.encoded(), "20250314093000Z", "20250314093001Z");

        assertParseFails(tampered, TimestampError.SIGNATURE_INVALID);
    }

    @Test
    void rejectsTokenWithTamperedSignature() {
        byte[] tampered = token.encoded();
        tampered[tampered.length - 1] ^= 0x01;

        assertParseFails(tampered, TimestampError.SIGNATURE_INVALID);
    }

    @Test
    void rejectsArchivedTokenWhenTsaIsNotTrusted() {
        assertThatThrownBy(() -> TimestampToken.parse(token.encoded(), List.of(TestPki.OTHER_CA.certificate())))
                .isInstanceOf(SecurityCheckException.class)
                .extracting(e -> ((OzgException) e).code())
                .isEqualTo(TimestampError.SIGNER_CERTIFICATE_UNTRUSTED);
    }

    @Test
    void rejectsTruncatedTokenAsMalformed() {
        byte[] truncated = Arrays.copyOf(token.encoded(), token.encoded().length / 2);

        assertThatThrownBy(() -> TimestampToken.parse(truncated, List.of(CA.certificate())))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((OzgException) e).code()).isEqualTo(TimestampError.TOKEN_MALFORMED);
    }

    @Test
    void refusesToParseWithoutTrustAnchors() {
        assertThatThrownBy(() -> TimestampToken.parse(token.encoded(), List.of()))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((OzgException) e).code()).isEqualTo(TimestampError.TRUST_ANCHORS_MISSING);
    }

    @Test
    void encodedReturnsACopy() {
        byte[] encoded = token.encoded();
        encoded[0] ^= 0x01;

        assertThat(token.encoded()).isNotEqualTo(encoded);
    }

    private static void assertParseFails(byte[] der, TimestampError expected) {
        assertThatThrownBy(() -> TimestampToken.parse(der, List.of(CA.certificate())))
                .isInstanceOf(SecurityCheckException.class)
                .extracting(e -> ((OzgException) e).code()).isEqualTo(expected);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TimestampTokenTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Replaces the only occurrence of an ASCII string in {@code bytes}. */
    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        int found = -1;
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                assertThat(found).as("only one occurrence of %s", from).isEqualTo(-1);
                found = i;
            }
        }
        assertThat(found).as("occurrence of %s", from).isNotNegative();
        byte[] result = bytes.clone();
        System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, result, found, needle.length);
        return result;
    }
}
