package de.ozgsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.saml.BundIdProfile;
import de.ozgsdk.auth.saml.IdpMetadata;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.idp.ServicekontoIdpMock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ozg saml check} on a real answer of the sandbox's BundID-like IdP to ozg-auth's service provider. */
class SamlCheckCommandTest {

    private static final String SP = "https://portal.example.de";
    private static final String ACS = "https://portal.example.de/saml/acs";

    @TempDir
    static Path dir;
    private static ServicekontoIdpMock idp;
    private static String requestId;
    private static Instant answeredAt;

    @BeforeAll
    static void logInOnce() throws Exception {
        idp = ServicekontoIdpMock.builder().start();
        PrivateKeyCredential keys = SandboxPki.selfSignedRsa("portal.example.de");
        SamlServiceProvider sp = SamlServiceProvider.builder().entityId(URI.create(SP)).acsUrl(URI.create(ACS))
                .signingKey(keys).decryptionKey(keys)
                .idp(IdpMetadata.parse(new ByteArrayInputStream(idp.metadata().getBytes(StandardCharsets.UTF_8)),
                        "idp"))
                .profile(BundIdProfile.builder("Stadt Musterstadt", "musterstadt").build())
                .pendingRequests(new InMemoryPendingRequestStore()).build();
        idp.registerServiceProvider(sp.metadata());
        LoginChallenge.AutoPost post = (LoginChallenge.AutoPost) sp.start(LoginContext.of(Locale.GERMAN),
                TrustLevel.HIGH);
        requestId = post.requestId();
        Map<String, String> answer = idp.logIn(post.fields(), "erika-eid");
        answeredAt = Instant.now();
        // as copied from the browser's form post: URL-encoded base64
        Files.writeString(dir.resolve("response.txt"), "SAMLResponse="
                + URLEncoder.encode(answer.get("SAMLResponse"), StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("idp-metadata.xml"), idp.metadata());
        Files.writeString(dir.resolve("sp-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    private static CliRun check(String... extra) {
        return checkAt(answeredAt, extra);
    }

    private static CliRun checkAt(Instant now, String... extra) {
        String[] base = {"saml", "check", dir.resolve("response.txt").toString(), "--idp-metadata",
            dir.resolve("idp-metadata.xml").toString(), "--sp-entity-id", SP, "--acs-url", ACS,
            "--decryption-key", dir.resolve("sp-key.pem").toString(), "--now", now.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(args);
    }

    @Test
    void acceptsTheAnswerAndPrintsNamesButNoValues() {
        CliRun run = check("--request-id", requestId);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("accepted: subject key ").contains("trust level HIGH", "login method EID",
                "urn:oid:2.5.4.42 (HIGH)").doesNotContain("ERIKA", "MUSTERMANN");
    }

    @Test
    void showsValuesOnlyWhenAsked() {
        assertThat(check("--request-id", requestId, "--show-values").out()).contains("urn:oid:2.5.4.42 (HIGH) = ERIKA");
    }

    @Test
    void refusesTheAnswerAnHourLaterWithTheCodeAndWhatToDo() {
        CliRun run = checkAt(answeredAt.plusSeconds(3600), "--request-id", requestId, "--locale", "en");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("refused: [OZG-AUTH-148] The assertion expired at");
    }

    @Test
    void refusesAnAnswerToAnotherRequest() {
        CliRun run = check("--request-id", "_another", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"verdict\"", "\"refused\"", "OZG-AUTH-143");
    }

    @Test
    void printsTheVerdictAsJson() {
        CliRun run = check("--request-id", requestId, "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"verdict\"", "\"accepted\"", "\"trustLevel\"", "\"HIGH\"")
                .doesNotContain("ERIKA");
    }

    @Test
    void unusableWithoutIdpTrust() {
        CliRun run = CliRun.run("saml", "check", dir.resolve("response.txt").toString(), "--sp-entity-id", SP,
                "--acs-url", ACS);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("OZG-CLI-120");
    }
}
