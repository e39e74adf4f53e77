package de.ozgsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.fitconnect.SandboxDestination;
import de.ozgsdk.sandbox.fitconnect.SubmissionStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ozg transfer} from the shaded {@code target/ozg.jar} as a real process, configured by environment variables
 * only: proves that the jar holds what FIT-Connect needs (Nimbus, OkHttp, the H2 ledger with its migrations).
 */
class TransferJarIT {

    private static final String LEIKA = "99010003001006";

    @TempDir
    Path temp;

    record Outcome(int exitCode, String out, String err) { }

    @Test
    void sendStatusAndReceiveRunFromTheJarWithSettingsFromTheEnvironment() throws Exception {
        UUID destination = UUID.randomUUID();
        try (FitConnectSandbox fitConnect = FitConnectSandbox.builder()
                .sender("portal", "portal-secret")
                .subscriber("fachverfahren", "fachverfahren-secret", destination)
                .destination(SandboxDestination.builder(destination).service(LeikaKey.parse(LEIKA), "DE0933").build())
                .start()) {
            Path anchor = Files.writeString(temp.resolve("root.pem"), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(fitConnect.trustAnchor().getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            Map<String, String> sender = new HashMap<>(Map.of(
                    "OZG_TRANSFER_TOKEN_ENDPOINT", fitConnect.tokenUrl().toString(),
                    "OZG_TRANSFER_CLIENT_ID", "portal",
                    "OZG_TRANSFER_CLIENT_SECRET", "portal-secret",
                    "OZG_TRANSFER_SUBMISSION_API", fitConnect.baseUrl().toString(),
                    "OZG_TRANSFER_TRUST_ANCHOR", anchor.toString(),
                    "OZG_TRANSFER_LEDGER_DIR", temp.resolve("ledger").toString()));
            Path message = Files.writeString(temp.resolve("antrag.xml"), "<antrag/>");

            Outcome send = ozg(sender, "transfer", "send", message.toString(), "--destination",
                    destination.toString(), "--leika", LEIKA);
            assertThat(send.exitCode()).as(send.err()).isZero();
            assertThat(send.out()).contains("submit:      submitted").doesNotContain("portal-secret");
            Matcher id = Pattern.compile("FIT-Connect submission ([0-9a-f-]{36})").matcher(send.out());
            assertThat(id.find()).isTrue();

            Map<String, String> subscriber = new HashMap<>(sender);
            subscriber.put("OZG_TRANSFER_CLIENT_ID", "fachverfahren");
            subscriber.put("OZG_TRANSFER_CLIENT_SECRET", "fachverfahren-secret");
            subscriber.put("OZG_TRANSFER_DECRYPTION_KEY", Files.writeString(temp.resolve("enc.jwk"),
                    fitConnect.encryptionKey(destination).toJSONString()).toString());
            subscriber.put("OZG_TRANSFER_SIGNING_KEY", Files.writeString(temp.resolve("sig.jwk"),
                    fitConnect.signatureKey(destination).toJSONString()).toString());
            subscriber.put("OZG_TRANSFER_METADATA_SCHEMA", SharedFixtures.requireFim().resolveSibling("fitko")
                    .resolve("fit-connect/metadata/2.1.0/metadata.schema.json").toString());
            Outcome receive = ozg(subscriber, "transfer", "receive", "--destination", destination.toString(), "-o",
                    temp.resolve("inbox").toString());
            assertThat(receive.exitCode()).as(receive.err()).isZero();
            assertThat(temp.resolve("inbox").resolve(id.group(1)).resolve("data")).hasContent("<antrag/>");
            assertThat(fitConnect.submission(UUID.fromString(id.group(1))).orElseThrow().status())
                    .isEqualTo(SubmissionStatus.ACCEPTED);

            Outcome status = ozg(sender, "transfer", "status", id.group(1));
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.out()).contains("result: ACCEPTED");
        }
    }

    private Outcome ozg(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("ozg.jar", "target/ozg.jar")).toString()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OZG_TRANSFER_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ozg finished within 120 s").isTrue();
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
