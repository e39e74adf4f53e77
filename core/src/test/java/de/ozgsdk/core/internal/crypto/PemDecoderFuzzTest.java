package de.ozgsdk.core.internal.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.ozgsdk.core.OzgException;
import java.util.Optional;

class PemDecoderFuzzTest {

    private static final char[] PASSWORD = "fuzz".toCharArray();

    @FuzzTest(maxDuration = "10s")
    void decodesArbitraryKeyFileOrThrowsOzgException(byte[] data) {
        try {
            PemDecoder.decode(data, "fuzz.pem", Optional.of(PASSWORD));
        } catch (OzgException expected) {
            // The only way a loader may refuse input.
        }
    }

    @FuzzTest(maxDuration = "10s")
    void decodesArbitraryCertificateFileOrThrowsOzgException(byte[] data) {
        try {
            X509Certificates.decode(data, "fuzz.crt");
        } catch (OzgException expected) {
            // The only way a loader may refuse input.
        }
    }
}
