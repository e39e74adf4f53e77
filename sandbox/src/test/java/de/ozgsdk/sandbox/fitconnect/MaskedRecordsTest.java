package de.ozgsdk.sandbox.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.sandbox.RecordedExchange;

/** The record keeps what a test asserts on, never a token, a secret or the (encrypted) application. */
class MaskedRecordsTest {

    static final String LEIKA = "99010003001006";
    static final String CLIENT_SECRET = "portal-client-secret-4711";
    static final String CALLBACK_SECRET = "sender-callback-secret-0123456789abcdef";
    static final UUID DESTINATION = UUID.randomUUID();
    static FitConnectSandbox sandbox;
    static Api api;

    @BeforeAll
    static void start() {
        sandbox = FitConnectSandbox.builder().sender("portal", CLIENT_SECRET)
                .destination(SandboxDestination.builder(DESTINATION).service(LeikaKey.parse(LEIKA), "DE").build())
                .start();
        api = new Api(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void masksTokensSecretsAndEncryptedBodies() {
        String token = api.token("portal", CLIENT_SECRET);
        UUID attachment = UUID.randomUUID();
        var create = (tools.jackson.databind.node.ObjectNode) Api.JSON.readTree(
                Api.createBody(DESTINATION, LEIKA, attachment));
        create.putObject("callback").put("url", "https://portal.example/callback").put("secret", CALLBACK_SECRET);
        UUID submission = UUID.fromString(api.post("/v1/submissions", token, Api.JSON_TYPE, create.toString()).json()
                .get("submissionId").stringValue());
        String attachmentJwe = Jose.encrypt("Personalausweis".getBytes(StandardCharsets.UTF_8),
                sandbox.encryptionKey(DESTINATION), "application/pdf");
        api.put("/v1/submissions/" + submission + "/attachments/" + attachment, token, Api.JOSE, attachmentJwe);
        String metadataJwe = Jose.encrypt("{}".getBytes(StandardCharsets.UTF_8), sandbox.encryptionKey(DESTINATION),
                "application/json");
        api.put("/v1/submissions/" + submission, token, Api.JSON_TYPE,
                Api.JSON.createObjectNode().put("encryptedMetadata", metadataJwe).toString());

        List<RecordedExchange> records = sandbox.records().all();
        String everything = records.toString();

        assertThat(everything).doesNotContain(token, CLIENT_SECRET, CALLBACK_SECRET, attachmentJwe, metadataJwe,
                attachmentJwe.substring(attachmentJwe.lastIndexOf('.') - 20));
        assertThat(sandbox.records().of("POST", "/token")).singleElement().satisfies(record ->
                assertThat(record.body())
                        .isEqualTo("grant_type=client_credentials&client_id=portal&client_secret=***"));
        assertThat(sandbox.records().of("POST", "/v1/submissions")).singleElement().satisfies(record -> {
            assertThat(record.headers()).containsEntry("authorization", "***");
            assertThat(record.body()).contains(DESTINATION.toString(), attachment.toString(), "\"secret\":\"***\"");
        });
        assertThat(sandbox.records().of("PUT", "/v1/submissions/" + submission + "/attachments/" + attachment))
                .singleElement().satisfies(record -> assertThat(record.body())
                        .isEqualTo(attachmentJwe.length() + " bytes, sha-256 " + sha256(attachmentJwe)));
        assertThat(sandbox.records().of("PUT", "/v1/submissions/" + submission)).singleElement()
                .satisfies(record -> assertThat(record.body()).startsWith("encryptedMetadata: "
                        + metadataJwe.length() + " bytes, sha-256 "));
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
