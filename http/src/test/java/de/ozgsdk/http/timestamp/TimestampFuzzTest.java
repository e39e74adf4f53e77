package de.ozgsdk.http.timestamp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;

import de.ozgsdk.core.OzgException;
import de.ozgsdk.http.internal.timestamp.TimestampResponseReader;
import de.ozgsdk.http.internal.timestamp.TimestampTokenVerifier;

/**
 * Fuzzes the parsers of untrusted time-stamp bytes: whatever arrives, only an {@link OzgException} may escape. The
 * seeds in {@code TimestampFuzzTestInputs/} (a real token and response, signed by the CA in {@code fuzz-ca.pem}, plus
 * broken variants) run as regression tests in every build.
 */
class TimestampFuzzTest {

    /** The request the seed response answers: its digest and nonce must match for the seed to pass every check. */
    static final byte[] SEED_DIGEST = TimestampClientTest.sha256("fuzz".getBytes(StandardCharsets.US_ASCII));
    static final BigInteger SEED_NONCE = new BigInteger("0123456789abcdef", 16);

    private static final List<X509Certificate> ANCHORS = List.of(loadCertificate("fuzz-ca.pem"));
    private static final TimeStampRequest REQUEST = seedRequest();
    private static final TimestampTokenVerifier VERIFIER = new TimestampTokenVerifier(ANCHORS);

    @FuzzTest(maxDuration = "10s")
    void parsesUntrustedToken(byte[] der) {
        try {
            TimestampToken token = TimestampToken.parse(der, ANCHORS);
            token.verifyDigest(SEED_DIGEST);
        } catch (OzgException expected) {
            // refusing the bytes with a coded error is the right answer
        }
    }

    @FuzzTest(maxDuration = "10s")
    void readsUntrustedResponse(byte[] der) {
        try {
            TimeStampToken token = TimestampResponseReader.read(der, REQUEST, "fuzz.example", 200);
            VERIFIER.verify(token);
        } catch (OzgException expected) {
            // refusing the bytes with a coded error is the right answer
        }
    }

    static TimeStampRequest seedRequest() {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        return generator.generate(TSPAlgorithms.SHA256, SEED_DIGEST, SEED_NONCE);
    }

    private static X509Certificate loadCertificate(String resource) {
        try (InputStream in = TimestampFuzzTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + resource);
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
