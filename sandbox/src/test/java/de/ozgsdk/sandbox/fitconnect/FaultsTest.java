package de.ozgsdk.sandbox.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.LeikaKey;

/** FIT-Connect's faults, set through the Java API and the admin endpoint, each over a socket. */
class FaultsTest {

    static final String LEIKA = "99010003001006";
    static final String SECRET = "destination-callback-secret-0123456789";
    static final UUID DESTINATION = UUID.randomUUID();
    static CallbackReceiver destinationCallbacks;
    static FitConnectSandbox sandbox;
    static Api api;

    @BeforeAll
    static void start() {
        destinationCallbacks = new CallbackReceiver();
        sandbox = FitConnectSandbox.builder().sender("portal", "s1").subscriber("fachverfahren", "s2", DESTINATION)
                .destination(SandboxDestination.builder(DESTINATION).service(LeikaKey.parse(LEIKA), "DE")
                        .callback(destinationCallbacks.url(), SECRET).build())
                .start();
        api = new Api(sandbox);
    }

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
        sandbox.duplicateCallbacks(false);
        while (destinationCallbacks.pending() != null) {
            // drain what a test left behind
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        destinationCallbacks.close();
    }

    static UUID create(String token, UUID... attachments) {
        Api.Reply created = api.post("/v1/submissions", token, Api.JSON_TYPE,
                Api.createBody(DESTINATION, LEIKA, attachments));
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.json().get("submissionId").stringValue());
    }

    static String submitBody() {
        RSAKey key = sandbox.encryptionKey(DESTINATION);
        return Api.JSON.createObjectNode().put("encryptedMetadata",
                Jose.encrypt("{}".getBytes(StandardCharsets.UTF_8), key, "application/json")).toString();
    }

    @Test
    void submitUnavailableAnswers503AndSubmitsNothingUntilTheRetry() {
        String token = api.token("portal", "s1");
        UUID submission = create(token);
        int before = sandbox.submittedCount(DESTINATION);
        sandbox.faults().add(FitConnectFaults.submitUnavailable().once());

        Api.Reply unavailable = api.put("/v1/submissions/" + submission, token, Api.JSON_TYPE, submitBody());
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.headers().get("Retry-After")).isEqualTo("1");
        assertThat(sandbox.submittedCount(DESTINATION)).isEqualTo(before);

        assertThat(api.put("/v1/submissions/" + submission, token, Api.JSON_TYPE, submitBody()).status())
                .isEqualTo(202);
        assertThat(sandbox.submittedCount(DESTINATION)).isEqualTo(before + 1);
    }

    @Test
    void tokenExpiredAnswers401AndEndsTheTokenForLaterCallsToo() {
        String token = api.token("portal", "s1");
        sandbox.faults().add(FitConnectFaults.tokenExpired().once());

        assertThat(api.get("/v1/destinations/" + DESTINATION, token).status()).isEqualTo(401);
        assertThat(api.get("/v1/destinations/" + DESTINATION, token).status()).isEqualTo(401);
        assertThat(api.get("/v1/destinations/" + DESTINATION, api.token("portal", "s1")).status()).isEqualTo(200);
    }

    @Test
    void aDroppedAttachmentUploadGetsNoAnswerAndStoresNothing() {
        String token = api.token("portal", "s1");
        UUID attachment = UUID.randomUUID();
        UUID submission = create(token, attachment);
        sandbox.faults().add(FitConnectFaults.attachmentUploadDropped().once());
        String jwe = Jose.encrypt(new byte[] {1, 2, 3}, sandbox.encryptionKey(DESTINATION), "application/pdf");
        Api noRetry = api.withReadTimeout(Duration.ofSeconds(10));

        assertThatThrownBy(() -> noRetry.put("/v1/submissions/" + submission + "/attachments/" + attachment, token,
                Api.JOSE, jwe)).isInstanceOf(UncheckedIOException.class);
        assertThat(sandbox.submission(submission).orElseThrow().attachmentUploads()).containsEntry(attachment, 0);

        assertThat(api.put("/v1/submissions/" + submission + "/attachments/" + attachment, token, Api.JOSE, jwe)
                .status()).isEqualTo(204);
        assertThat(sandbox.submission(submission).orElseThrow().attachmentUploads()).containsEntry(attachment, 1);
    }

    @Test
    void aSlowAttachmentUploadRunsIntoTheClientsReadTimeout() {
        String token = api.token("portal", "s1");
        UUID attachment = UUID.randomUUID();
        UUID submission = create(token, attachment);
        sandbox.faults().add(FitConnectFaults.slowAttachmentUpload(Duration.ofSeconds(2)).once());
        String jwe = Jose.encrypt(new byte[] {1}, sandbox.encryptionKey(DESTINATION), "application/pdf");

        assertThatThrownBy(() -> api.withReadTimeout(Duration.ofMillis(300)).put("/v1/submissions/" + submission
                + "/attachments/" + attachment, token, Api.JOSE, jwe))
                .hasCauseInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void duplicateCallbacksSendsEveryCallbackTwice() throws Exception {
        String token = api.token("portal", "s1");
        UUID submission = create(token);
        sandbox.duplicateCallbacks(true);

        api.put("/v1/submissions/" + submission, token, Api.JSON_TYPE, submitBody());

        CallbackReceiver.Received first = destinationCallbacks.next();
        CallbackReceiver.Received second = destinationCallbacks.next();
        assertThat(second).isEqualTo(first);
        assertThat(first.body()).contains(submission.toString());
        assertThat(first.authentication()).isEqualTo(Jose.callbackHmac(SECRET,
                first.timestamp(), first.body()));
    }

    @Test
    void aRotatedKeyIsAnnouncedWhileTheOldOneStaysPublishedUntilWithdrawn() {
        String token = api.token("portal", "s1");
        String oldKid = api.get("/v1/destinations/" + DESTINATION, token).json().get("encryptionKid").stringValue();

        String newKid = sandbox.rotateEncryptionKey(DESTINATION);

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(api.get("/v1/destinations/" + DESTINATION, token).json().get("encryptionKid").stringValue())
                .isEqualTo(newKid);
        assertThat(api.get("/v1/destinations/" + DESTINATION + "/keys/" + oldKid, token).status()).isEqualTo(200);
        assertThat(sandbox.encryptionKeys(DESTINATION)).extracting(RSAKey::getKeyID).endsWith(oldKid, newKid);

        String newestKid = sandbox.rotateEncryptionKey(DESTINATION, true);

        assertThat(api.get("/v1/destinations/" + DESTINATION + "/keys/" + newKid, token).status()).isEqualTo(404);
        assertThat(api.get("/v1/destinations/" + DESTINATION + "/keys/" + newestKid, token).status()).isEqualTo(200);
        assertThat(sandbox.encryptionKey(DESTINATION).getKeyID()).isEqualTo(newestKid);
        assertThat(sandbox.encryptionKey(DESTINATION).isPrivate()).isTrue();
    }

    @Test
    void theAdminEndpointSetsTheSameFaultsAtRunTime() throws Exception {
        String token = api.token("portal", "s1");
        UUID submission = create(token);

        Api.Reply rotated = api.post("/__admin/fit-connect/destinations/" + DESTINATION + "/rotate-key", null,
                Api.JSON_TYPE, "");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().get("encryptionKid").stringValue())
                .isEqualTo(sandbox.encryptionKey(DESTINATION).getKeyID());

        assertThat(api.post("/__admin/fit-connect/duplicate-callbacks?on=true", null, Api.JSON_TYPE, "").status())
                .isEqualTo(204);
        assertThat(api.post("/__admin/faults", null, Api.JSON_TYPE,
                "{\"kind\":\"systemError\",\"error\":\"SERVICE_UNAVAILABLE\",\"method\":\"PUT\","
                        + "\"path\":\"/v1/submissions/*\",\"times\":1}").status()).isEqualTo(201);
        assertThat(api.put("/v1/submissions/" + submission, token, Api.JSON_TYPE, submitBody()).status())
                .isEqualTo(503);
        assertThat(api.put("/v1/submissions/" + submission, token, Api.JSON_TYPE, submitBody()).status())
                .isEqualTo(202);
        assertThat(destinationCallbacks.next()).isEqualTo(destinationCallbacks.next());

        Api.Reply summary = api.get("/__admin/fit-connect/submissions", null);
        assertThat(summary.json().get("submittedPerDestination").get(DESTINATION.toString()).intValue())
                .isEqualTo(sandbox.submittedCount(DESTINATION));
        assertThat(api.post("/__admin/fit-connect/reject-overdue", null, Api.JSON_TYPE, "").json().get("rejected")
                .intValue()).isZero();

        assertThat(api.post("/__admin/fit-connect/expire-tokens", null, Api.JSON_TYPE, "").status()).isEqualTo(204);
        assertThat(api.get("/v1/destinations/" + DESTINATION, token).status()).isEqualTo(401);
    }
}
