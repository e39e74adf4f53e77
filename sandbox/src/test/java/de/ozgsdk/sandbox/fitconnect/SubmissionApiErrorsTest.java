package de.ozgsdk.sandbox.fitconnect;

import static de.ozgsdk.sandbox.fitconnect.ApiSchemas.SUBMISSION_API;
import static de.ozgsdk.sandbox.fitconnect.ApiSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.LeikaKey;

/** Every error answer of the Submission API mock: status, RFC 7807 body valid against {@code Error}, and no change. */
class SubmissionApiErrorsTest {

    static final String LEIKA = "99010003001006";
    static final String ACCEPT = "https://schema.fitko.de/fit-connect/events/accept-submission";
    static final String REJECT = "https://schema.fitko.de/fit-connect/events/reject-submission";
    static final UUID ACTIVE = UUID.randomUUID();
    static final UUID INACTIVE = UUID.randomUUID();

    static FitConnectSandbox sandbox;
    static Api api;
    static String sender;
    static String otherSender;
    static String subscriber;
    static String otherSubscriber;
    static RSAKey key;

    @BeforeAll
    static void start() {
        sandbox = FitConnectSandbox.builder()
                .sender("portal", "s1").sender("other-portal", "s2")
                .subscriber("fachverfahren", "s3", ACTIVE).subscriber("other-fachverfahren", "s4", INACTIVE)
                .destination(SandboxDestination.builder(ACTIVE).service(LeikaKey.parse(LEIKA), "DE05").build())
                .destination(SandboxDestination.builder(INACTIVE).service(LeikaKey.parse(LEIKA), "DE05")
                        .status(DestinationStatus.INACTIVE).build())
                .start();
        api = new Api(sandbox);
        sender = api.token("portal", "s1");
        otherSender = api.token("other-portal", "s2");
        subscriber = api.token("fachverfahren", "s3");
        otherSubscriber = api.token("other-fachverfahren", "s4");
        key = sandbox.encryptionKey(ACTIVE).toPublicJWK();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Api.Reply assertProblem(Api.Reply reply, int status, String detailPart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertValid(SUBMISSION_API, "Error", reply.body());
        assertThat(reply.json().get("status").intValue()).isEqualTo(status);
        assertThat(reply.json().get("detail").stringValue()).contains(detailPart);
        return reply;
    }

    /** A created submission with the given attachments; returns [submissionId, caseId]. */
    static UUID[] create(UUID... attachments) {
        Api.Reply created = api.post("/v1/submissions", sender, Api.JSON_TYPE,
                Api.createBody(ACTIVE, LEIKA, attachments));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new UUID[] {UUID.fromString(created.json().get("submissionId").stringValue()),
                UUID.fromString(created.json().get("caseId").stringValue())};
    }

    static String submitBody() {
        return Api.JSON.createObjectNode()
                .put("encryptedMetadata", Jose.encrypt("{}".getBytes(StandardCharsets.UTF_8), key, "application/json"))
                .put("encryptedData", Jose.encrypt("<a/>".getBytes(StandardCharsets.UTF_8), key, "application/xml"))
                .toString();
    }

    static UUID[] submitted() {
        UUID[] ids = create();
        assertThat(api.put("/v1/submissions/" + ids[0], sender, Api.JSON_TYPE, submitBody()).status()).isEqualTo(202);
        return ids;
    }

    // ---- authentication and authorisation

    @Test
    void refusesARequestWithoutTokenWith401() {
        Api.Reply reply = assertProblem(api.get("/v1/destinations/" + ACTIVE, null), 401, "Authorization");
        assertThat(reply.headers().get("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void refusesAnUnknownTokenWith401() {
        assertProblem(api.get("/v1/destinations/" + ACTIVE, "not-a-token"), 401, "unknown access token");
    }

    @Test
    void refusesASubscriberThatCreatesASubmissionWith403() {
        assertProblem(api.post("/v1/submissions", subscriber, Api.JSON_TYPE, Api.createBody(ACTIVE, LEIKA)), 403,
                "send scope");
    }

    @Test
    void refusesTheSubscriberOfAnotherDestinationWith403() {
        UUID[] ids = submitted();
        assertProblem(api.get("/v1/submissions/" + ids[0], otherSubscriber), 403, "subscribe:destination:" + ACTIVE);
        assertProblem(api.get("/v1/submissions?destinationId=" + ACTIVE, otherSubscriber), 403, "subscribe");
        assertProblem(api.get("/v1/cases/" + ids[1] + "/events", otherSender), 403, "neither sent to");
        assertThat(sandbox.submission(ids[0]).orElseThrow().fetched()).isFalse();
    }

    @Test
    void refusesAnotherSenderThatUploadsToASubmissionWith403() {
        UUID attachment = UUID.randomUUID();
        UUID[] ids = create(attachment);
        assertProblem(api.put("/v1/submissions/" + ids[0] + "/attachments/" + attachment, otherSender, Api.JOSE,
                Jose.encrypt(new byte[] {1}, key, "application/pdf")), 403, "another client");
    }

    // ---- destinations and keys

    @Test
    void answers404ForAnUnknownDestinationAndKey() {
        assertProblem(api.get("/v1/destinations/" + UUID.randomUUID(), sender), 404, "no destination");
        assertProblem(api.get("/v1/destinations/" + ACTIVE + "/keys/unknown-kid", sender), 404, "has no key");
        assertProblem(api.get("/v1/destinations/not-a-uuid", sender), 400, "is not a UUID");
    }

    // ---- create

    @Test
    void refusesToCreateForAnUnknownDestinationWith404() {
        assertProblem(api.post("/v1/submissions", sender, Api.JSON_TYPE, Api.createBody(UUID.randomUUID(), LEIKA)),
                404, "no destination");
    }

    @Test
    void refusesToCreateForAnInactiveDestinationWith422() {
        assertProblem(api.post("/v1/submissions", sender, Api.JSON_TYPE, Api.createBody(INACTIVE, LEIKA)), 422,
                "is inactive");
    }

    @Test
    void refusesAServiceTheDestinationDoesNotOfferWith422() {
        assertProblem(api.post("/v1/submissions", sender, Api.JSON_TYPE, Api.createBody(ACTIVE, "99999999999999")),
                422, "does not offer service urn:de:fim:leika:leistung:99999999999999");
    }

    @Test
    void refusesMalformedCreateBodiesWith400() {
        String valid = Api.createBody(ACTIVE, LEIKA);
        assertProblem(api.post("/v1/submissions", sender, Api.JSON_TYPE, "{"), 400, "not JSON");
        assertProblem(api.post("/v1/submissions", sender, Api.JSON_TYPE,
                valid.replace("\"announcedAttachments\":[],", "")), 400, "announcedAttachments is required");
        assertProblem(api.post("/v1/submissions", sender, Api.JSON_TYPE,
                valid.replace("\"announcedAttachments\":[]", "\"announcedAttachments\":[\"123\"]")), 400,
                "announcedAttachments[0] is not a UUID");
        UUID twice = UUID.randomUUID();
        assertProblem(api.post("/v1/submissions", sender, Api.JSON_TYPE, Api.createBody(ACTIVE, LEIKA, twice, twice)),
                400, "names " + twice + " twice");
        assertProblem(api.post("/v1/submissions", sender, Api.JSON_TYPE,
                valid.replace("urn:de:fim:leika:leistung:", "Leistung ")), 400, "is not a service URN");
        assertProblem(api.post("/v1/submissions", sender, Api.JSON_TYPE,
                valid.replace(ACTIVE.toString(), "7")), 400, "destinationId is not a UUID");
    }

    // ---- attachments

    @Test
    void refusesAnAttachmentThatWasNotAnnouncedWith422() {
        UUID[] ids = create(UUID.randomUUID());
        UUID stranger = UUID.randomUUID();
        assertProblem(api.put("/v1/submissions/" + ids[0] + "/attachments/" + stranger, sender, Api.JOSE,
                Jose.encrypt(new byte[] {1}, key, "application/pdf")), 422, "was not announced");
        assertThat(sandbox.submission(ids[0]).orElseThrow().attachmentUploads()).doesNotContainKey(stranger);
    }

    @Test
    void refusesAnAttachmentThatIsNoJweWith400AndAnotherMediaTypeWith415() {
        UUID attachment = UUID.randomUUID();
        UUID[] ids = create(attachment);
        String path = "/v1/submissions/" + ids[0] + "/attachments/" + attachment;
        assertProblem(api.put(path, sender, Api.JOSE, "not.a.jwe"), 400, "not a JWE");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RSA1_5\",\"enc\":\"A256GCM\",\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8));
        assertProblem(api.put(path, sender, Api.JOSE, header + ".a2V5.aXY.Y2lwaGVy.dGFn"), 400, "RSA-OAEP-256");
        assertProblem(api.put(path, sender, okhttp3.MediaType.get("application/octet-stream"),
                Jose.encrypt(new byte[] {1}, key, "application/pdf")), 415, "application/jose");
        assertThat(sandbox.submission(ids[0]).orElseThrow().attachmentUploads()).containsEntry(attachment, 0);
    }

    // ---- submit

    @Test
    void refusesToSubmitBeforeEveryAnnouncedAttachmentIsUploadedWith422() {
        UUID missing = UUID.randomUUID();
        UUID[] ids = create(missing);
        assertProblem(api.put("/v1/submissions/" + ids[0], sender, Api.JSON_TYPE, submitBody()), 422,
                "not uploaded yet: [" + missing + "]");
        assertThat(sandbox.submission(ids[0]).orElseThrow().status()).isEqualTo(SubmissionStatus.CREATED);
    }

    @Test
    void refusesASecondSubmitWith422AndCountsTheSubmissionOnce() {
        int before = sandbox.submittedCount(ACTIVE);
        UUID[] ids = submitted();
        assertProblem(api.put("/v1/submissions/" + ids[0], sender, Api.JSON_TYPE, submitBody()), 422,
                "was submitted already");
        assertThat(sandbox.submittedCount(ACTIVE)).isEqualTo(before + 1);
    }

    @Test
    void refusesMalformedSubmitBodiesWith400And415() {
        UUID[] ids = create();
        String path = "/v1/submissions/" + ids[0];
        assertProblem(api.put(path, sender, Api.JSON_TYPE, "{\"encryptedData\":\"x\"}"), 400,
                "encryptedMetadata is required");
        assertProblem(api.put(path, sender, Api.JSON_TYPE, "{\"encryptedMetadata\":\"a.b.c\"}"), 400,
                "encryptedMetadata is not a JWE");
        assertProblem(api.put(path, sender, Api.JOSE, submitBody()), 415, "application/json");
        assertProblem(api.put("/v1/submissions/" + UUID.randomUUID(), sender, Api.JSON_TYPE, submitBody()), 404,
                "no submission");
    }

    // ---- pick-up

    @Test
    void answers404ForASubmissionThatIsNotSubmitted() {
        UUID[] ids = create();
        assertProblem(api.get("/v1/submissions/" + ids[0], subscriber), 404, "is created, not submitted");
        assertProblem(api.get("/v1/submissions/" + ids[0] + "/attachments/" + UUID.randomUUID(), subscriber), 404,
                "not submitted");
    }

    @Test
    void refusesAnInvalidLimitWith400() {
        assertProblem(api.get("/v1/submissions?limit=501", subscriber), 400, "limit must be an integer from 1 to 500");
    }

    // ---- events

    @Test
    void refusesAnAcceptSignedWithAnotherKeyWith422() {
        UUID[] ids = submitted();
        RSAKey foreign = sandbox.signatureKey(INACTIVE);
        String set = Jose.subscriberSet(foreign, ACTIVE, ids[0], ids[1], ACCEPT, Map.of("authenticationTags",
                Map.of("metadata", "x", "attachments", Map.of())));
        assertProblem(api.post("/v1/cases/" + ids[1] + "/events", subscriber, Api.JOSE, set), 422,
                "is not the signature key of destination " + ACTIVE);
        String forged = Jose.subscriberSet(new RSAKey.Builder(foreign).keyID(sandbox.signatureKey(ACTIVE).getKeyID())
                .build(), ACTIVE, ids[0], ids[1], ACCEPT, Map.of("authenticationTags",
                Map.of("metadata", "x", "attachments", Map.of())));
        assertProblem(api.post("/v1/cases/" + ids[1] + "/events", subscriber, Api.JOSE, forged), 422,
                "signature does not verify");
        assertThat(sandbox.submission(ids[0]).orElseThrow().status()).isEqualTo(SubmissionStatus.SUBMITTED);
    }

    @Test
    void refusesEventsWithTheWrongContentWith422() {
        UUID[] ids = submitted();
        RSAKey signing = sandbox.signatureKey(ACTIVE);
        String path = "/v1/cases/" + ids[1] + "/events";
        assertProblem(api.post(path, subscriber, Api.JOSE, Jose.subscriberSet(signing, ACTIVE, ids[0],
                UUID.randomUUID(), ACCEPT, Map.of())), 422, "txn must be case:" + ids[1]);
        assertProblem(api.post(path, subscriber, Api.JOSE, Jose.subscriberSet(signing, ACTIVE, ids[0], ids[1],
                "https://schema.fitko.de/fit-connect/events/create-submission", Map.of())), 422, "may only send");
        assertProblem(api.post(path, subscriber, Api.JOSE, Jose.subscriberSet(signing, ACTIVE, ids[0], ids[1],
                ACCEPT, Map.of())), 422, "authenticationTags");
        assertProblem(api.post(path, subscriber, Api.JOSE, Jose.subscriberSet(signing, ACTIVE, ids[0], ids[1],
                REJECT, Map.of("problems", List.of()))), 422, "non-empty array problems");
        assertProblem(api.post(path, subscriber, Api.JOSE, "no-jws"), 400, "not a signed JWT");
        assertProblem(api.post("/v1/cases/" + UUID.randomUUID() + "/events", subscriber, Api.JOSE, "x.y.z"), 404,
                "no case");
    }

    @Test
    void rejectsWithProblemsAndAnswers409ToASecondDecision() {
        UUID[] ids = submitted();
        RSAKey signing = sandbox.signatureKey(ACTIVE);
        String path = "/v1/cases/" + ids[1] + "/events";
        Map<String, Object> problem = Map.of("type", "https://example.org/problems/schema-violation",
                "title", "Schema verletzt", "detail", "Feld fehlt", "instance", "data");
        assertThat(api.post(path, subscriber, Api.JOSE, Jose.subscriberSet(signing, ACTIVE, ids[0], ids[1], REJECT,
                Map.of("problems", List.of(problem)))).status()).isEqualTo(204);

        assertProblem(api.post(path, subscriber, Api.JOSE, Jose.subscriberSet(signing, ACTIVE, ids[0], ids[1],
                REJECT, Map.of("problems", List.of(problem)))), 409, "is rejected");
        SubmissionRecord record = sandbox.submission(ids[0]).orElseThrow();
        assertThat(record.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(record.rejectProblems()).hasValueSatisfying(json -> assertThat(json).contains("Schema verletzt"));
        assertThat(api.get(path, sender).json().get("totalCount").intValue()).isEqualTo(3);
    }

    @Test
    void answers405ForAMethodTheResourceDoesNotHave() {
        assertProblem(api.execute(api.authorised("/v1/info", sender).delete().build()), 405, "DELETE");
    }
}
