package de.ozgsdk.sandbox.postbox;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.postbox.ZbpPostbox;
import de.ozgsdk.postbox.internal.Envelope;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.fitconnect.FitConnectAttachment;
import de.ozgsdk.transfer.fitconnect.FitConnectChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import de.ozgsdk.transfer.fitconnect.FitConnectTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ZBP mock's own checks, fed with envelopes that ozg-postbox would never build (a sender that skipped the
 * limits, the sanitiser or the signature): each is rejected with the FIT-Connect problem that names the rule.
 */
class ZbpSandboxChecksTest {

    static final UUID ZBP_DESTINATION = UUID.randomUUID();
    static final UUID ERIKA = UUID.randomUUID();
    static final PrivateKeyCredential AUTHOR = Authors.generate("Stadt Musterstadt Postfach");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static FitConnectSandbox fitConnect;
    static ZbpSandbox zbp;
    static Database database;
    static FitConnectChannel.DataSource data;
    static List<FitConnectAttachment> attachments = new ArrayList<>();
    static FitConnectChannel channel;

    @BeforeAll
    static void start() {
        fitConnect = FitConnectSandbox.builder().sender("portal", "portal-secret")
                .subscriber("zbp", "zbp-secret", ZBP_DESTINATION).start();
        zbp = ZbpSandbox.builder().fitConnect(fitConnect, ZBP_DESTINATION, "zbp", "zbp-secret")
                .persona(ERIKA, "Erika Mustermann").author(AUTHOR.certificate()).autoReceive(false).start();
        database = Database.h2InMemory("zbp_checks_" + UUID.randomUUID().toString().replace("-", ""));
        FitConnectConfig config = FitConnectConfig.builder().tokenEndpoint(fitConnect.tokenUrl())
                .client("portal", "portal-secret").submissionApi(fitConnect.baseUrl())
                .trustAnchors(TrustedCertificates.of(List.of(fitConnect.trustAnchor()))).build();
        channel = FitConnectChannel.builder(config, FitConnectLedger.of(database, Clock.systemUTC()),
                        FitConnectTarget.json(ZBP_DESTINATION, ZbpPostbox.MESSAGE_SERVICE, "Nachricht",
                                URI.create(ZbpSandbox.ENVELOPE_SCHEMA)))
                .data(application -> data.dataOf(application))
                .attachments(application -> List.copyOf(attachments))
                .build();
    }

    @AfterAll
    static void stop() {
        zbp.close();
        fitConnect.close();
        database.close();
    }

    static ObjectNode message() {
        ObjectNode message = JSON.createObjectNode();
        message.put("mailboxUuid", ERIKA.toString());
        message.put("sender", "Stadt Musterstadt");
        message.put("title", "Bescheid");
        message.put("content", "<p>Text</p>");
        message.put("service", "Anwohnerparken");
        message.put("stork_qaa_level", 3);
        message.putArray("attachments");
        return message;
    }

    /** Sends {@code envelope} (and the current attachments) raw and returns the ZBP's decision. */
    static ZbpDecision send(byte[] envelope) {
        data = application -> envelope;
        channel.send(OutgoingApplication.of(UUID.randomUUID().toString(), new byte[] {1}));
        List<ZbpDecision> decisions = zbp.receiveNow();
        attachments.clear();
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    static byte[] sealed(ObjectNode message) {
        return Envelope.seal(message.toString(), AUTHOR, Instant.now());
    }

    @Test
    void acceptsAWellFormedEnvelope() {
        assertThat(send(sealed(message())).accepted()).isTrue();
    }

    @Test
    void rejectsMarkupOutsideTheWhitelist() {
        ObjectNode message = message().put("content", "<p onclick=\"x()\">Text</p><script>alert(1)</script>");

        assertThat(send(sealed(message)).problems()).singleElement().asString().startsWith("html-not-allowed");
    }

    @Test
    void rejectsALinkThatIsNotHttps() {
        ObjectNode message = message().put("title", "<a href=\"http://stadt.example\">Bescheid</a>");

        assertThat(send(sealed(message)).problems()).singleElement().asString().startsWith("html-not-allowed");
    }

    @Test
    void rejectsContentChangedAfterSigning() throws Exception {
        ObjectNode envelope = (ObjectNode) JSON.readTree(sealed(message()));
        envelope.put("content", envelope.path("content").asString().replace("Bescheid", "Mahnung"));

        assertThat(send(JSON.writeValueAsBytes(envelope)).problems()).singleElement().asString()
                .startsWith("invalid-signature");
    }

    @Test
    void rejectsAnAuthorTokenOfAnotherKey() throws Exception {
        ObjectNode envelope = (ObjectNode) JSON.readTree(sealed(message()));
        ObjectNode foreign = (ObjectNode) JSON.readTree(Envelope.seal(message().toString(),
                Authors.generate("Stadt Musterstadt Postfach"), Instant.now()));
        envelope.put("authorToken", foreign.path("authorToken").asString());

        assertThat(send(JSON.writeValueAsBytes(envelope)).problems()).singleElement().asString()
                .startsWith("invalid-author-token");
    }

    @Test
    void rejectsAnAttachmentOverTheLimitAndOfAForbiddenType() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        ObjectNode message = message();
        message.withArray("attachments").addObject().put("filename", "gross.exe")
                .put("sha512sum", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(big)))
                .put("contentLength", big.length);
        attachments.add(FitConnectAttachment.of(big, "gross.exe", "application/octet-stream", "attachment"));

        assertThat(send(sealed(message)).problems()).hasSize(2)
                .anyMatch(problem -> problem.startsWith("attachment-limit: 2097153 bytes"))
                .anyMatch(problem -> problem.startsWith("attachment-limit: file type .exe"));
    }

    @Test
    void rejectsSixAttachments() {
        ObjectNode message = message();
        for (int i = 0; i < 6; i++) {
            byte[] text = ("Anlage " + i).getBytes(StandardCharsets.UTF_8);
            message.withArray("attachments").addObject().put("filename", "anlage" + i + ".txt")
                    .put("sha512sum", sha512(text)).put("contentLength", text.length);
            attachments.add(FitConnectAttachment.of(text, "anlage" + i + ".txt", "text/plain", "attachment"));
        }

        assertThat(send(sealed(message)).problems()).singleElement().asString()
                .isEqualTo("attachment-limit: 6 attachments, at most 5");
    }

    @Test
    void rejectsAnUnknownMailbox() {
        ObjectNode message = message().put("mailboxUuid", UUID.randomUUID().toString());

        assertThat(send(sealed(message)).problems()).singleElement().asString().startsWith("unknown-mailbox");
    }

    @Test
    void receivesThroughTheAdminEndpointAndListsTheDecisions() throws Exception {
        data = application -> sealed(message());
        channel.send(OutgoingApplication.of(UUID.randomUUID().toString(), new byte[] {1}));
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> received = client.send(HttpRequest.newBuilder(zbp.uri("/__admin/zbp/receive"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> decisions = client.send(HttpRequest.newBuilder(zbp.uri("/__admin/zbp/decisions"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(received.body()).get(0).path("accepted").asBoolean()).isTrue();
        assertThat(JSON.readTree(decisions.body()).size()).isEqualTo(zbp.decisions().size());
    }

    @Test
    void refusesACallbackWhoseHmacDoesNotVerify() throws Exception {
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(zbp.uri("/callbacks"))
                .header("callback-timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("callback-authentication", "00".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(401);
    }

    static String sha512(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
