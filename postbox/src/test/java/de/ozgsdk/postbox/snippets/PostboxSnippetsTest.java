package de.ozgsdk.postbox.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TestPki;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxStatus;
import de.ozgsdk.postbox.ApplicationStatus;
import de.ozgsdk.postbox.EmailNotice;
import de.ozgsdk.postbox.HtmlWhitelist;
import de.ozgsdk.postbox.PortalPostbox;
import de.ozgsdk.postbox.PostboxAttachment;
import de.ozgsdk.postbox.PostboxMessage;
import de.ozgsdk.postbox.StatusUpdate;
import de.ozgsdk.postbox.ZbpOutcome;
import de.ozgsdk.postbox.ZbpPostbox;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples of the postbox Javadoc and POSTBOX.md: each region is copied verbatim into the docs
 * (DocSnippetsTest); the assertions after it prove what the sample claims. The sending against the ZBP itself runs
 * in the sandbox's tests (ZbpPostboxEndToEndTest).
 */
class PostboxSnippetsTest {

    private final Database db = Database.h2InMemory("postbox_snippets_"
            + UUID.randomUUID().toString().replace("-", ""));
    private final Outbox outbox = Outbox.builder(db).build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
    private final UUID postkorbHandle = UUID.fromString("0d7f3c1e-8a5b-4f6e-9c2d-1b3a4e5f6a7b");
    private final UUID applicationId = UUID.fromString("b7a6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d");
    private final byte[] bescheidPdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path configDir;

    @AfterEach
    void close() {
        db.close();
    }

    private PostboxMessage message() {
        // @start region="postbox-message"
        PostboxMessage message = PostboxMessage.builder(postkorbHandle)
                .sender("Stadt Musterstadt, Bürgeramt")
                .title("Ihr Bescheid zur Anwohnerparkberechtigung")
                .htmlContent("<p>Ihr Bescheid liegt <b>als PDF</b> bei.</p>")
                .service("Anwohnerparkausweis")
                .trustLevel(TrustLevel.SUBSTANTIAL)
                .applicationId(applicationId)
                .attachment(PostboxAttachment.of("Bescheid.pdf", bescheidPdf))
                .build(); // every limit checked here
        // @end
        return message;
    }

    @Test
    void buildsAMessageAndAStatusUpdate() {
        PostboxMessage message = message();
        assertThat(message.attachments()).singleElement().extracting(PostboxMessage.Attachment::mediaType)
                .isEqualTo("application/pdf");

        // @start region="status-update"
        StatusUpdate update = StatusUpdate.builder(applicationId, ApplicationStatus.PROCESSING)
                .publicServiceName("Anwohnerparkausweis beantragen")
                .senderName("Stadt Musterstadt, Bürgeramt")
                .createdDate(clock.instant())
                .statusDetails("Ihr Antrag wird geprüft.")
                .build();
        // @end
        assertThat(update.status()).isEqualTo(ApplicationStatus.PROCESSING);
    }

    @Test
    void sanitisesHtml() {
        // @start region="html-whitelist"
        String safe = HtmlWhitelist.sanitise("<p onclick=\"x()\">Ihr <b>Bescheid</b> liegt vor."
                + " <a href=\"javascript:alert(1)\">Öffnen</a><script>alert(2)</script>");
        // <p>Ihr <b>Bescheid</b> liegt vor. Öffnen</p>
        // @end
        assertThat(safe).isEqualTo("<p>Ihr <b>Bescheid</b> liegt vor. Öffnen</p>");
    }

    @Test
    void enqueuesForTheZbp() throws Exception {
        char[] password = "changeit".toCharArray();
        HeldCertificate authorCertificate = new HeldCertificate.Builder().commonName("Stadt Musterstadt Postfach")
                .rsa2048().build();
        TestPki.writePkcs12(configDir.resolve("postbox-author.p12"), password, "author", authorCertificate);
        FitConnectConfig fitConnect = FitConnectConfig.builder()
                .tokenEndpoint(URI.create("https://auth-testing.fit-connect.fitko.dev/token"))
                .client("client-id", "client-secret")
                .submissionApi(URI.create("https://submission-api-testing.fit-connect.fitko.dev"))
                .trustAnchors(TrustedCertificates.of(List.of(authorCertificate.certificate())))
                .build();
        UUID zbpDestinationId = UUID.randomUUID();
        URI envelopeSchema = URI.create("urn:ozgsdk:sandbox:zbp:envelope");
        PostboxMessage message = message();

        // @start region="zbp-postbox"
        ZbpPostbox zbp = ZbpPostbox.builder(fitConnect, FitConnectLedger.of(db, clock), outbox)
                .destination(zbpDestinationId, envelopeSchema)
                .author(PrivateKeyCredential.fromPkcs12(configDir.resolve("postbox-author.p12"), password))
                .build();
        ChannelRouter router = zbp.addRoutes(ChannelRouter.builder()).build(); // the dispatcher delivers through it
        String messageId = zbp.send(message); // enqueued
        // ... after the dispatcher ran:
        ZbpOutcome outcome = zbp.outcome(messageId); // PENDING, then ACCEPTED or REJECTED
        // @end

        assertThat(router.destinations()).containsExactlyInAnyOrder(ZbpPostbox.MESSAGES, ZbpPostbox.STATUS_UPDATES);
        assertThat(outbox.findByIdempotencyKey(messageId).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outcome.state()).isEqualTo(ZbpOutcome.State.NOT_SENT);
    }

    @Test
    void enqueuesForAPortalPostbox() {
        HeldCertificate portal = new HeldCertificate.Builder().commonName("portal").build();
        PrivateKeyCredential portalCredential = PrivateKeyCredential.of(portal.keyPair().getPrivate(),
                List.of(portal.certificate()));
        TrustedCertificates postboxServerTrust = TrustedCertificates.of(List.of(portal.certificate()));
        URI messagesEndpoint = URI.create("https://postfach.portal.example/api/messages");
        URI statusEndpoint = URI.create("https://postfach.portal.example/api/status");
        PostboxMessage message = message();

        // @start region="portal-postbox"
        PortalPostbox postbox = PortalPostbox.builder(messagesEndpoint, statusEndpoint, HttpClientConfig.builder()
                        .clientCredential(portalCredential)
                        .trustedCertificates(postboxServerTrust)
                        .build(), outbox)
                .build();
        ChannelRouter router = postbox.addRoutes(ChannelRouter.builder()).build();
        postbox.send(message); // enqueued; the dispatcher posts it
        // @end

        assertThat(router.destinations()).contains(PortalPostbox.MESSAGES);
        assertThat(outbox.findByIdempotencyKey(message.messageId().toString())).isPresent();
    }

    @Test
    void sendsTheNotice() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            String smtpHost = "smtp.stadt.example";
            String smtpPassword = "smtp-password";
            // @start region="email-notice"
            EmailNotice notice = EmailNotice.builder(smtpHost, 587) // STARTTLS required by default
                    .from("postfach@stadt.example")
                    .login("postfach", smtpPassword)
                    .postboxUrl(URI.create("https://portal.stadt.example/postfach"))
                    .build();
            // @end
            assertThat(notice.toString()).isEqualTo("EmailNotice[smtp.stadt.example:587]");

            notice = EmailNotice.builder("127.0.0.1", smtp.getSmtp().getPort()).from("postfach@stadt.example")
                    .startTls(false).build(); // the test server on loopback speaks plain SMTP
            String citizenAddress = "erika.mustermann@example.org";
            // @start region="email-notice-send"
            notice.send(citizenAddress, Locale.GERMAN); // "Neue Nachricht in Ihrem Postfach", nothing personal
            // @end
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        } finally {
            smtp.stop();
        }
    }
}
