package de.ozgsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.fitconnect.FitConnectFaults;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.fitconnect.SandboxDestination;
import de.ozgsdk.sandbox.fitconnect.SubmissionStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ozg transfer} against a FIT-Connect delivery service mock over sockets, in-process like the other tests. */
class TransferCommandTest {

    private static final String SECRET = "portal-secret-never-printed";
    private static final String LEIKA = "99010003001006";
    private static final String MESSAGE =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<antrag><name>Erika</name></antrag>\n";

    private static final UUID DESTINATION = UUID.randomUUID();
    private static final UUID REJECTING = UUID.randomUUID();
    private static FitConnectSandbox fitConnect;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDeliveryService() {
        fitConnect = FitConnectSandbox.builder()
                .sender("portal", SECRET)
                .subscriber("fachverfahren", "fachverfahren-secret", DESTINATION, REJECTING)
                .destination(SandboxDestination.builder(DESTINATION).service(LeikaKey.parse(LEIKA), "DE0933").build())
                .destination(SandboxDestination.builder(REJECTING).service(LeikaKey.parse(LEIKA), "DE0933").build())
                .start();
    }

    @AfterAll
    static void stopDeliveryService() {
        fitConnect.close();
    }

    @AfterEach
    void clearFaults() {
        fitConnect.faults().clear();
    }

    @Test
    void destinationShowsStatusKeyAndChainCheckMetadataVersionsAndServices() throws IOException {
        CliRun run = CliRun.run("transfer", "destination", DESTINATION.toString(), "--config", senderConfig());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("status:            active")
                .contains("encryption key:    " + fitConnect.encryptionKey(DESTINATION).getKeyID())
                .contains("key size:          RSA 4096 bit")
                .contains("key check:         ok")
                .contains("metadata versions: ")
                .contains("2.1.0")
                .contains("service:           urn:de:fim:leika:leistung:" + LEIKA);
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }

    @Test
    void sendPrintsEachStepStatusFollowsTheLogAndReceiveAcceptsWhatWasSent() throws IOException {
        Path message = Files.writeString(dir.resolve("antrag.xml"), MESSAGE);
        Path attachment = Files.write(dir.resolve("nachweis.pdf"),
                "%PDF-1.4 Nachweis".getBytes(StandardCharsets.UTF_8));
        String config = senderConfig();
        int before = fitConnect.submittedCount(DESTINATION);

        CliRun send = CliRun.run("transfer", "send", message.toString(), "--destination", DESTINATION.toString(),
                "--leika", LEIKA, "--attachment", attachment.toString(), "--config", config);

        assertThat(send.exitCode()).as(send.err()).isZero();
        assertThat(send.out()).containsSubsequence("token:", "destination:", "key:", "ledger:", "create:",
                "attachment:  1 of 1", "submit:      submitted", "event:       submit-submission");
        assertThat(send.out() + send.err()).doesNotContain(SECRET).doesNotContain("Erika");
        String submissionId = submissionIdIn(send.out());
        assertThat(fitConnect.submittedCount(DESTINATION)).isEqualTo(before + 1);

        CliRun again = CliRun.run("transfer", "send", message.toString(), "--destination", DESTINATION.toString(),
                "--leika", LEIKA, "--attachment", attachment.toString(), "--config", config);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("recorded earlier").contains("submitted earlier (not sent again)")
                .contains(submissionId);
        assertThat(fitConnect.submittedCount(DESTINATION)).as("exactly once").isEqualTo(before + 1);

        CliRun waiting = CliRun.run("transfer", "status", submissionId, "--config", config);
        assertThat(waiting.exitCode()).as(waiting.err()).isEqualTo(1);
        assertThat(waiting.out()).contains("submit-submission  (signature verified, by the delivery service)")
                .contains("result: not accepted yet");

        Path inbox = dir.resolve("inbox");
        CliRun receive = CliRun.run("transfer", "receive", "--destination", DESTINATION.toString(), "-o",
                inbox.toString(), "--config", subscriberConfig(DESTINATION));
        assertThat(receive.exitCode()).as(receive.err()).isZero();
        assertThat(receive.out()).contains("submission " + submissionId).contains("1 attachment(s)")
                .contains("hashes ok").contains("accepted");
        assertThat(receive.out()).doesNotContain("Erika").doesNotContain("nachweis.pdf");
        Path received = inbox.resolve(submissionId);
        assertThat(received.resolve("data")).hasContent(MESSAGE);
        assertThat(received.resolve("metadata.json")).content().contains("nachweis.pdf");
        try (var attachments = Files.list(received.resolve("attachments"))) {
            assertThat(attachments.toList()).singleElement().satisfies(file ->
                    assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(attachment)));
        }
        assertThat(fitConnect.submission(UUID.fromString(submissionId)).orElseThrow().status())
                .isEqualTo(SubmissionStatus.ACCEPTED);

        CliRun accepted = CliRun.run("transfer", "status", submissionId, "--config", config);
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(accepted.out()).containsSubsequence("submit-submission", "accept-submission")
                .contains("authentication tags equal the ones sent").contains("result: ACCEPTED");
    }

    @Test
    void aSubmissionTheReceiverCannotDecryptIsRejectedWithItsProblemsAndStatusShowsThem() throws IOException {
        Path message = Files.writeString(dir.resolve("antrag.xml"), MESSAGE.replace("Erika", "Max"));
        String senderConfig = senderConfig();
        // The receiver still holds the old private key when the destination announces a new one.
        String subscriberConfig = subscriberConfig(REJECTING);
        fitConnect.rotateEncryptionKey(REJECTING);

        CliRun send = CliRun.run("transfer", "send", message.toString(), "--destination", REJECTING.toString(),
                "--leika", LEIKA, "--config", senderConfig);
        assertThat(send.exitCode()).as(send.err()).isZero();
        String submissionId = submissionIdIn(send.out());

        CliRun receive = CliRun.run("transfer", "receive", "--destination", REJECTING.toString(), "-o",
                dir.resolve("inbox").toString(), "--config", subscriberConfig);
        assertThat(receive.exitCode()).as(receive.err()).isEqualTo(1);
        assertThat(receive.out()).contains("problem: ").contains("encryption-issue").contains("rejected with");
        assertThat(dir.resolve("inbox").resolve(submissionId)).doesNotExist();

        CliRun status = CliRun.run("transfer", "status", submissionId, "--config", senderConfig);
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).contains("reject-submission  (signature verified, by the receiver)")
                .contains("problem: ").contains("encryption-issue").contains("result: NOT ACCEPTED");

        CliRun resend = CliRun.run("transfer", "send", message.toString(), "--destination", REJECTING.toString(),
                "--leika", LEIKA, "--config", senderConfig);
        assertThat(resend.exitCode()).isEqualTo(1);
        assertThat(resend.err()).contains("[OZG-TRANSFER-207]").contains("Decryption failed")
                .doesNotContain("\tat ");
    }

    @Test
    void aMissingSettingNamesThePropertyAndTheEnvironmentVariable() throws IOException {
        Path config = Files.writeString(dir.resolve("ozg.properties"), senderProperties()
                .replaceAll("(?m)^ozg\\.transfer\\.client-secret=.*$", ""));

        CliRun run = CliRun.run("transfer", "destination", DESTINATION.toString(), "--config", config.toString(),
                "--locale", "en");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ozg: [OZG-CLI-110] ").contains("ozg.transfer.client-secret")
                .contains("OZG_TRANSFER_CLIENT_SECRET").doesNotContain("\tat ");
    }

    @Test
    void anUnusableSettingOrIdIsAClearErrorWithExitCode2() throws IOException {
        Path config = Files.writeString(dir.resolve("ozg.properties"), senderProperties()
                .replaceAll("(?m)^ozg\\.transfer\\.submission-api=.*$", "ozg.transfer.submission-api=delivery"));

        CliRun badUrl = CliRun.run("transfer", "destination", DESTINATION.toString(), "--config", config.toString());
        CliRun badId = CliRun.run("transfer", "destination", "not-a-uuid", "--config", senderConfig());
        CliRun noFile = CliRun.run("transfer", "destination", DESTINATION.toString(), "--config",
                dir.resolve("missing.properties").toString());

        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).startsWith("ozg: [OZG-CLI-111] ").contains("ozg.transfer.submission-api")
                .contains("OZG_TRANSFER_SUBMISSION_API");
        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(badId.err()).startsWith("ozg: [OZG-CLI-112] ").contains("not-a-uuid");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).startsWith("ozg: [OZG-CLI-101] ");
    }

    @Test
    void aWrongTrustAnchorRefusesTheKeyAndSendsNothing() throws IOException {
        Path otherAnchor = pem(dir.resolve("other-root.pem"), SandboxPki.generate().caCertificate());
        Path config = Files.writeString(dir.resolve("ozg.properties"), senderProperties()
                .replaceAll("(?m)^ozg\\.transfer\\.trust-anchor=.*$", "ozg.transfer.trust-anchor="
                        + otherAnchor.toString().replace("\\", "/")));
        Path message = Files.writeString(dir.resolve("antrag.xml"), MESSAGE);
        int before = fitConnect.submittedCount(DESTINATION);

        CliRun destination = CliRun.run("transfer", "destination", DESTINATION.toString(), "--config",
                config.toString());
        CliRun send = CliRun.run("transfer", "send", message.toString(), "--destination", DESTINATION.toString(),
                "--leika", LEIKA, "--id", "wrong-anchor-1", "--config", config.toString());

        assertThat(destination.exitCode()).isEqualTo(1);
        assertThat(destination.out()).contains("key check:         REFUSED: x5c chain not trusted");
        assertThat(send.exitCode()).isEqualTo(2);
        assertThat(send.err()).startsWith("ozg: [OZG-TRANSFER-205] ");
        assertThat(send.out()).doesNotContain("create:");
        assertThat(fitConnect.submittedCount(DESTINATION)).isEqualTo(before);
    }

    @Test
    void aDeliveryServiceAnswering503IsAClearErrorAndARerunResumesTheSameSubmission() throws IOException {
        Path message = Files.writeString(dir.resolve("antrag.xml"), MESSAGE.replace("Erika", "Jana"));
        String config = senderConfig();
        int before = fitConnect.submittedCount(DESTINATION);
        fitConnect.faults().add(FitConnectFaults.submitUnavailable());

        CliRun down = CliRun.run("transfer", "send", message.toString(), "--destination", DESTINATION.toString(),
                "--leika", LEIKA, "--config", config);

        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).startsWith("ozg: [OZG-TRANSFER-202] ").contains("HTTP 503")
                .doesNotContain("OZG-CLI-901").doesNotContain("\tat ");
        assertThat(down.out()).contains("not submitted: run the same command again to resume it");
        assertThat(fitConnect.submittedCount(DESTINATION)).isEqualTo(before);

        fitConnect.faults().clear();
        CliRun resumed = CliRun.run("transfer", "send", message.toString(), "--destination", DESTINATION.toString(),
                "--leika", LEIKA, "--config", config);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("recorded earlier: resuming").contains("submit:      submitted");
        assertThat(fitConnect.submittedCount(DESTINATION)).isEqualTo(before + 1);
        assertThat(submissionIdIn(resumed.out())).isEqualTo(submissionIdIn(down.out()));
    }

    @Test
    void aDeliveryServiceThatIsDownForEveryCallEndsWithExitCode2() throws IOException {
        fitConnect.faults().add(Fault.status(503).on("GET", "/v1/destinations/*"));

        CliRun run = CliRun.run("transfer", "destination", DESTINATION.toString(), "--config", senderConfig());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ozg: [OZG-TRANSFER-202] ").contains("HTTP 503");
    }

    private static String submissionIdIn(String out) {
        Matcher matcher = Pattern.compile("FIT-Connect submission ([0-9a-f-]{36})").matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return matcher.group(1);
    }

    private String senderConfig() throws IOException {
        return Files.writeString(dir.resolve("sender.properties"), senderProperties()).toString();
    }

    private String senderProperties() throws IOException {
        Path anchor = pem(dir.resolve("fitko-root.pem"), fitConnect.trustAnchor());
        return "ozg.transfer.token-endpoint=" + fitConnect.tokenUrl() + "\n"
                + "ozg.transfer.client-id=portal\n"
                + "ozg.transfer.client-secret=" + SECRET + "\n"
                + "ozg.transfer.submission-api=" + fitConnect.baseUrl() + "\n"
                + "ozg.transfer.trust-anchor=" + anchor.getFileName() + "\n"
                + "ozg.transfer.ledger-dir=ledger\n";
    }

    private String subscriberConfig(UUID destination) throws IOException {
        Path keys = Files.createDirectories(dir.resolve("keys-" + destination));
        Files.writeString(keys.resolve("decryption.jwk"), fitConnect.encryptionKey(destination).toJSONString());
        Files.writeString(keys.resolve("signing.jwk"), fitConnect.signatureKey(destination).toJSONString());
        Path schema = SharedFixtures.requireFim().resolveSibling("fitko")
                .resolve("fit-connect/metadata/2.1.0/metadata.schema.json");
        String properties = senderProperties()
                .replace("client-id=portal", "client-id=fachverfahren")
                .replace("client-secret=" + SECRET, "client-secret=fachverfahren-secret")
                + "ozg.transfer.decryption-key=" + keys.resolve("decryption.jwk").toString().replace("\\", "/") + "\n"
                + "ozg.transfer.signing-key=" + keys.resolve("signing.jwk").toString().replace("\\", "/") + "\n"
                + "ozg.transfer.metadata-schema=" + schema.toString().replace("\\", "/") + "\n";
        return Files.writeString(dir.resolve("subscriber-" + destination + ".properties"), properties).toString();
    }

    private static Path pem(Path file, X509Certificate certificate) throws IOException {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
