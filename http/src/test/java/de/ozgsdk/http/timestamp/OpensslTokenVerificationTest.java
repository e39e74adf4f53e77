package de.ozgsdk.http.timestamp;

import static de.ozgsdk.http.timestamp.TestPki.CA;
import static de.ozgsdk.http.timestamp.TestPki.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockWebServer;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks a token of the client with an independent RFC 3161 implementation: {@code openssl ts -verify}. */
class OpensslTokenVerificationTest {

    @Test
    void opensslVerifiesTokenAgainstDataAndCa(@TempDir Path dir) throws Exception {
        Path openssl = findOnPath("openssl").orElse(null);
        Assumptions.assumeTrue(openssl != null,
                "openssl is not on the PATH: skipping the cross-check with openssl ts -verify (install openssl)");
        byte[] data = "Antrag 4711 fristgerecht eingegangen".getBytes(StandardCharsets.UTF_8);
        TimestampToken token = stamp(data);

        Path dataFile = Files.write(dir.resolve("data.bin"), data);
        Path tokenFile = Files.write(dir.resolve("token.tst"), token.encoded());
        Path caFile = Files.writeString(dir.resolve("ca.pem"), pem(CA.certificate().getEncoded()));
        // openssl checks the chain at the current time unless told otherwise; the test PKI lives at the token's time.
        Process process = new ProcessBuilder(openssl.toString(), "ts", "-verify",
                "-data", dataFile.toString(), "-in", tokenFile.toString(), "-token_in",
                "-CAfile", caFile.toString(), "-attime", String.valueOf(token.genTime().getEpochSecond()))
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).contains("Verification: OK");
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static TimestampToken stamp(byte[] data) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new FakeTsa(CLOCK, TestPki.TSA));
            server.start();
            return TimestampClient.builder()
                    .url(server.url("/tsa").toString())
                    .trustAnchors(List.of(CA.certificate()))
                    .clock(CLOCK)
                    .build()
                    .stamp(data);
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    private static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
