package de.ozgsdk.sandbox.tsa;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.http.timestamp.TimestampToken;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.tsa.TimestampAuthorityMock.Error;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mock checked by an independent RFC 3161 implementation: {@code openssl ts} makes the queries and verifies the
 * replies and the tokens of ozg-http's client (skipped without openssl on the PATH; CI installs it).
 */
class OpensslTsaTest {

    private static final byte[] DATA = "Antrag 4711 fristgerecht eingegangen".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private Path openssl;
    private TimestampAuthorityMock tsa;
    private Path data;
    private Path caFile;

    @BeforeEach
    void start() throws Exception {
        openssl = findOnPath("openssl").orElse(null);
        Assumptions.assumeTrue(openssl != null,
                "openssl is not on the PATH: skipping the cross-check with openssl ts (install openssl)");
        tsa = TimestampAuthorityMock.builder().start(); // system clock: openssl checks the chain at the current time
        data = Files.write(dir.resolve("data.bin"), DATA);
        caFile = Files.write(dir.resolve("ca.pem"), admin("ca.pem"));
    }

    @AfterEach
    void stop() {
        if (tsa != null) {
            tsa.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256", "sha384", "sha512"})
    void opensslVerifiesTheReplyToItsOwnQuery(String hash) throws Exception {
        Path query = query("-" + hash, "-cert");
        Path reply = stamp(query);

        Result againstQuery = run("ts", "-verify", "-queryfile", query.toString(), "-in", reply.toString(),
                "-CAfile", caFile.toString());
        Result againstData = run("ts", "-verify", "-data", data.toString(), "-in", reply.toString(),
                "-CAfile", caFile.toString());

        assertThat(againstQuery.output()).contains("Verification: OK");
        assertThat(againstQuery.exitCode()).isZero();
        assertThat(againstData.output()).contains("Verification: OK");
        assertThat(againstData.exitCode()).isZero();
    }

    @Test
    void aReplyWithoutCertReqCarriesNoCertificateAndVerifiesWithTheTsaCertificateGivenApart() throws Exception {
        Path query = query("-sha256");
        Path reply = stamp(query);
        Path tsaChain = Files.write(dir.resolve("tsa.pem"), admin("tsa.pem"));

        Result withTsaCertificate = run("ts", "-verify", "-queryfile", query.toString(), "-in", reply.toString(),
                "-CAfile", caFile.toString(), "-untrusted", tsaChain.toString());
        Result without = run("ts", "-verify", "-queryfile", query.toString(), "-in", reply.toString(),
                "-CAfile", caFile.toString());

        assertThat(withTsaCertificate.output()).contains("Verification: OK");
        assertThat(without.output()).contains("Verification: FAILED");
    }

    @Test
    void opensslVerifiesTheTokenOfOzgHttpsClientByDigest() throws Exception {
        TimestampToken token = TimestampClient.builder().url(tsa.tsaUrl().toString())
                .trustAnchors(List.of(tsa.trustAnchor())).build().stamp(DATA);
        Path tokenFile = Files.write(dir.resolve("token.tst"), token.encoded());

        Result result = run("ts", "-verify", "-digest", HexFormat.of().formatHex(TsaWire.digest("SHA-256", DATA)),
                "-in", tokenFile.toString(), "-token_in", "-CAfile", caFile.toString());

        assertThat(result.output()).contains("Verification: OK");
        assertThat(result.exitCode()).isZero();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "WRONG_NONCE, nonce mismatch",
        "MISSING_NONCE, nonce not returned",
        "WRONG_IMPRINT, message imprint mismatch",
        "EXPIRED_CERTIFICATE, certificate has expired",
        "UNTRUSTED_SIGNER, unable to get local issuer certificate",
        "BAD_SIGNATURE, signature failure",
    })
    void opensslRefusesTheLyingRepliesForTheirReason(Error error, String reason) throws Exception {
        Path query = query("-sha256", "-cert");
        tsa.faults().add(Fault.systemError(error).once());
        Path reply = stamp(query);

        Result result = run("ts", "-verify", "-queryfile", query.toString(), "-in", reply.toString(),
                "-CAfile", caFile.toString());

        assertThat(result.output()).contains("Verification: FAILED", reason);
        assertThat(result.exitCode()).isNotZero();
    }

    private Path query(String... options) throws Exception {
        Path query = Files.createTempFile(dir, "query", ".tsq");
        List<String> arguments = new ArrayList<>(List.of("ts", "-query", "-data", data.toString()));
        arguments.addAll(List.of(options));
        arguments.addAll(List.of("-out", query.toString()));
        Result result = run(arguments.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return query;
    }

    private Path stamp(Path query) throws Exception {
        HttpResponse<byte[]> answer = TsaWire.post(tsa.tsaUrl(), TimestampAuthorityMock.QUERY_TYPE,
                Files.readAllBytes(query));
        assertThat(answer.statusCode()).isEqualTo(200);
        return Files.write(Files.createTempFile(dir, "reply", ".tsr"), answer.body());
    }

    private byte[] admin(String resource) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(tsa.uri("/__admin/tsa/" + resource)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(openssl.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return new Result(process.exitValue(), output);
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
