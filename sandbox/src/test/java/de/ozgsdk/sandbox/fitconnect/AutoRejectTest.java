package de.ozgsdk.sandbox.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.LeikaKey;

/** Submissions nobody fetches are rejected by the delivery service after the configured time of the mock's clock. */
class AutoRejectTest {

    static final String LEIKA = "99010003001006";
    static final String CALLBACK_SECRET = "sender-callback-secret-0123456789abcdef";
    static final UUID DESTINATION = UUID.randomUUID();
    static final TestClock CLOCK = new TestClock();
    static CallbackReceiver senderCallbacks;
    static FitConnectSandbox sandbox;
    static Api api;

    @BeforeAll
    static void start() {
        senderCallbacks = new CallbackReceiver();
        sandbox = FitConnectSandbox.builder().clock(CLOCK).autoRejectAfter(Duration.ofHours(1))
                .tokenLifetime(Duration.ofDays(365))
                .sender("portal", "s1").subscriber("fachverfahren", "s2", DESTINATION)
                .destination(SandboxDestination.builder(DESTINATION).service(LeikaKey.parse(LEIKA), "DE").build())
                .start();
        api = new Api(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        senderCallbacks.close();
    }

    /** A submitted submission with a sender callback; returns [submissionId, caseId]. */
    static UUID[] submit(String token) {
        var create = (tools.jackson.databind.node.ObjectNode) Api.JSON.readTree(Api.createBody(DESTINATION, LEIKA));
        create.putObject("callback").put("url", senderCallbacks.url().toString()).put("secret", CALLBACK_SECRET);
        Api.Reply created = api.post("/v1/submissions", token, Api.JSON_TYPE, create.toString());
        UUID submissionId = UUID.fromString(created.json().get("submissionId").stringValue());
        RSAKey key = sandbox.encryptionKey(DESTINATION);
        String body = Api.JSON.createObjectNode().put("encryptedMetadata",
                Jose.encrypt("{}".getBytes(StandardCharsets.UTF_8), key, "application/json")).toString();
        assertThat(api.put("/v1/submissions/" + submissionId, token, Api.JSON_TYPE, body).status()).isEqualTo(202);
        return new UUID[] {submissionId, UUID.fromString(created.json().get("caseId").stringValue())};
    }

    @Test
    void rejectsASubmissionNobodyFetchedWithinTheTimeWithASignedServiceEvent() throws Exception {
        String sender = api.token("portal", "s1");
        String subscriber = api.token("fachverfahren", "s2");
        UUID[] ids = submit(sender);

        CLOCK.advance(Duration.ofMinutes(59));
        assertThat(api.get("/v1/submissions?destinationId=" + DESTINATION, subscriber).body())
                .contains(ids[0].toString());
        assertThat(sandbox.submission(ids[0]).orElseThrow().status()).isEqualTo(SubmissionStatus.SUBMITTED);

        CLOCK.advance(Duration.ofMinutes(1));
        Api.Reply log = api.get("/v1/cases/" + ids[1] + "/events", sender);

        List<String> events = Api.JSON.readerForListOf(String.class).readValue(log.json().get("eventLog"));
        assertThat(events).hasSize(3);
        JWTClaimsSet reject = Jose.verify(events.get(2), sandbox.serviceJwks());
        assertThat(reject.getSubject()).isEqualTo("submission:" + ids[0]);
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) reject.getJSONObjectClaim("events")
                .get("https://schema.fitko.de/fit-connect/events/reject-submission");
        assertThat(payload.get("problems").toString()).contains("not-fetched-in-time");
        assertThat(sandbox.submission(ids[0]).orElseThrow().status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(api.get("/v1/submissions/" + ids[0], subscriber).status()).isEqualTo(404);

        CallbackReceiver.Received callback = senderCallbacks.next();
        assertThat(callback.body()).contains("new-events", ids[0].toString());
        assertThat(callback.authentication()).isEqualTo(Jose.callbackHmac(CALLBACK_SECRET,
                callback.timestamp(), callback.body()));
        assertThat(Long.parseLong(callback.timestamp())).isEqualTo(CLOCK.instant().getEpochSecond());
    }

    @Test
    void keepsASubmissionTheSubscriberFetched() {
        String sender = api.token("portal", "s1");
        String subscriber = api.token("fachverfahren", "s2");
        UUID[] ids = submit(sender);
        assertThat(api.get("/v1/submissions/" + ids[0], subscriber).status()).isEqualTo(200);

        CLOCK.advance(Duration.ofHours(2));

        assertThat(sandbox.rejectOverdueSubmissions()).isZero();
        assertThat(sandbox.submission(ids[0]).orElseThrow().status()).isEqualTo(SubmissionStatus.SUBMITTED);
    }
}
