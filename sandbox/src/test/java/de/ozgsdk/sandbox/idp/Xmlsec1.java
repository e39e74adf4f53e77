package de.ozgsdk.sandbox.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code xmlsec1} (Debian package xmlsec1, libxmlsec1 with OpenSSL) as the independent checker of SAML signatures:
 * skipped where it is not installed, a failure under CI ({@code CI} set), where {@code .ci/run} installs it.
 */
final class Xmlsec1 {

    static final Path BINARY = Path.of("/usr/bin/xmlsec1");

    private Xmlsec1() {
    }

    static void require() {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BINARY), "xmlsec1 is not installed (apt-get install xmlsec1);"
                    + " on CI this test fails instead of skipping");
        }
        assertThat(BINARY).as("xmlsec1").isExecutable();
    }

    /** Runs xmlsec1 with {@code arguments}; returns the exit code and output. */
    static Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("xmlsec1 finished").isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
    }

    static Path pem(Path file, X509Certificate certificate) throws IOException, CertificateEncodingException {
        return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
    }

    static Path pem(Path file, Key privateKey) throws IOException {
        return Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(privateKey.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }
}
