package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.http.timestamp.FakeTsa;
import de.ozgsdk.http.timestamp.TestPki;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.portal.host.PortalHost;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.BackOfficeDestination;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.portal.upload.Documents;
import de.ozgsdk.portal.upload.EicarScanner;
import de.ozgsdk.portal.upload.Uploads;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.fitconnect.ApplicationMessageAttachments;
import de.ozgsdk.transfer.fitconnect.FitConnectAttachment;
import de.ozgsdk.xoev.message.ApplicationMessageReader;
import de.ozgsdk.xoev.message.ReceivedApplication;
import de.ozgsdk.xoev.message.ReceivedAttachment;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 §1 over real HTTP: a citizen uploads into the required file field of a small FIM form (PDF or PNG, at
 * most 1 MiB); a PDF renamed .png, an oversized PNG and the EICAR file are refused with their reason in the error
 * summary and at the field; the clean PDF is accepted, listed on the review page, removed and replaced without
 * JavaScript; the submitted application message carries it as an attachment, and so do the FIT-Connect attachments,
 * with the SHA-512 of the uploaded bytes; the portal's copy is gone after submit.
 */
class OzgServletUploadTest {

    private static final RegionalKey KOELN_ARS = RegionalKey.parse("053150000000");
    private static final TenantId KOELN = TenantId.of(KOELN_ARS);
    private static final String SERVICE = "vollmacht";
    private static final String FIELD = "F99200000001";

    private final MockWebServer tsaServer = new MockWebServer();
    private final TestPki.Issued tsaCa = TestPki.rootCa("Upload Test TSA CA", Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(365)));
    private final Database database = Database.h2InMemory("upload_web_" + UUID.randomUUID().toString()
            .replace("-", "").substring(0, 12));
    private final EicarScanner scanner = new EicarScanner();
    private PortalHost host;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        tsaServer.setDispatcher(new FakeTsa(Clock.systemUTC(), TestPki.tsa(tsaCa, "Upload Test TSA",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)),
                TestPki.Usage.TIME_STAMPING)));
        tsaServer.start();
        Sealer sealer = Sealer.builder().key("upload-web", new byte[32]).build();
        TenantDirectory tenants = TenantDirectory.of(PortalTenant.builder(Tenant.of(KOELN_ARS,
                        LocalizedText.of("Stadt Köln")))
                .service(SERVICE)
                .backOffice(SERVICE, new BackOfficeDestination(ChannelKind.HTTPS, "koeln-vollmacht"))
                .build());
        ServiceRuntime runtime = ServiceRuntime.builder(database, sealer)
                .tenants(tenants)
                .service(OnlineService.builder(SERVICE, "1.0.0")
                        .leikaKey(LeikaKey.parse("99050012104000"))
                        .title(LocalizedText.of("Vollmacht einreichen"))
                        .form(FimForm.load(Path.of(getClass().getResource(
                                "/de/ozgsdk/portal/upload/vollmacht-xdf3.xml").toURI())))
                        .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS))
                        .build())
                .timestamps(TimestampClient.builder().url(tsaServer.url("/tsa").toString())
                        .trustAnchors(List.of(tsaCa.certificate())).build())
                .outbox(Outbox.builder(database).build())
                .uploads(Uploads.builder(database, sealer, scanner).build())
                .build();
        int port = WebPortals.freePort();
        host = PortalHost.builder(tenants, tenant -> OzgServlet.builder(runtime, CsrfProtection.of(
                        WebPortals.CSRF_KEY), JdbcFlowSessions.builder(database).scope(tenant.tenant().id().value())
                        .build()).build())
                .port(port).start();
        base = URI.create("http://localhost:" + port + "/" + KOELN.value());
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
        tsaServer.close();
        database.close();
    }

    @Test
    void aCitizenUploadsRemovesReplacesAndSubmitsADocument() throws Exception {
        Browser browser = new Browser("de-DE");
        Browser.Page start = browser.get(URI.create(base + "/dienst/" + SERVICE));
        Browser.Page step = browser.submit(start, start.form("main form"), null, Map.of());
        assertThat(step.uri().getPath()).endsWith("/schritt/0");
        assertThat(step.form("#ozg-form").attr("enctype")).isEqualTo("multipart/form-data");

        Browser.Page renamed = upload(browser, step, "Vollmacht.png", Documents.pdf(), "_next=next");
        assertRefusedAtTheField(renamed, "Dateiendung „.png“ passt nicht zum Inhalt der Datei (PDF)");

        Browser.Page oversized = upload(browser, renamed, "Scan.png", Documents.png(1024 * 1024), "_next=next");
        assertRefusedAtTheField(oversized, "Die Datei ist zu groß: Erlaubt sind höchstens 1 MB");

        Browser.Page infected = upload(browser, oversized, "Vollmacht.pdf", Documents.eicar(), "_next=next");
        assertRefusedAtTheField(infected, "Schadsoftware");

        Browser.Page missing = browser.submitMultipart(infected, infected.form("#ozg-form"), "_next=next",
                Map.of(), Map.of());
        assertThat(missing.uri().getPath()).endsWith("/schritt/0");
        assertThat(missing.document().select(".ozg-error-summary").text()).contains("Vollmacht");

        byte[] first = Documents.pdf();
        Browser.Page review = upload(browser, missing, "Vollmacht.pdf", first, "_next=next");
        assertThat(review.uri().getPath()).endsWith("/pruefen");
        Document reviewPage = review.document();
        assertThat(first.length).isLessThan(1024);
        assertThat(reviewPage.select(".ozg-documents td").eachText()).startsWith("Vollmacht.pdf",
                first.length + " Byte", "PDF");

        // remove without JavaScript: a form per document; the required field is then missing again
        Browser.Page removed = browser.submit(review, review.form(".ozg-documents form"), null, Map.of());
        assertThat(removed.uri().getPath()).endsWith("/pruefen");
        assertThat(removed.document().select(".ozg-documents")).isEmpty();
        assertThat(removed.document().select(".ozg-error-summary").text()).contains("Vollmacht");

        // replace: upload on the step again (a non-repeatable field keeps the newest document only)
        Browser.Page again = browser.get(URI.create(base + "/antrag/" + applicationId(review) + "/schritt/0"));
        Browser.Page withOld = upload(browser, again, "Alt.pdf", Documents.pdf(), null);
        assertThat(withOld.document().select(".ozg-documents td").eachText()).contains("Alt.pdf");
        byte[] replacement = Documents.png(2000);
        Browser.Page replaced = upload(browser, withOld, "Vollmacht-neu.png", replacement, "_next=next");
        assertThat(replaced.uri().getPath()).endsWith("/pruefen");
        assertThat(replaced.document().select(".ozg-documents td").eachText()).contains("Vollmacht-neu.png")
                .doesNotContain("Alt.pdf");

        Browser.Page receipt = browser.submit(replaced, replaced.form("#ozg-form"), "_submit=submit", Map.of());
        assertThat(receipt.uri().getPath()).endsWith("/eingang");

        byte[] message = outboxPayload();
        Path spool = Files.createTempDirectory("upload-test");
        ReceivedApplication received = ApplicationMessageReader.builder().spoolDirectory(spool).build()
                .read(new ByteArrayInputStream(message), "outbox");
        ReceivedAttachment attachment = received.attachments().get(0);
        assertThat(received.attachments()).hasSize(1);
        assertThat(attachment.name()).isEqualTo("Vollmacht-neu.png");
        assertThat(attachment.mediaType()).isEqualTo("image/png");
        assertThat(Files.readAllBytes(attachment.file().orElseThrow())).isEqualTo(replacement);

        List<FitConnectAttachment> fitConnect = ApplicationMessageAttachments.create()
                .attachmentsOf(OutgoingApplication.of("s-1", message));
        assertThat(fitConnect).singleElement().satisfies(a -> {
            assertThat(a.purpose()).isEqualTo("attachment");
            assertThat(a.filename()).isEqualTo("Vollmacht-neu.png");
            assertThat(sha512(a.content())).isEqualTo(sha512(replacement));
        });
        assertThat(rowCount("ozg_upload")).isZero();
        assertThat(rowCount("ozg_upload_chunk")).isZero();
    }

    private static Browser.Page upload(Browser browser, Browser.Page page, String name, byte[] content,
            String button) throws Exception {
        return browser.submitMultipart(page, page.form("#ozg-form"), button, Map.of(),
                Map.of(FIELD, new Browser.FilePart(name, content)));
    }

    private static void assertRefusedAtTheField(Browser.Page page, String reason) {
        assertThat(page.uri().getPath()).endsWith("/schritt/0");
        Document document = page.document();
        assertThat(document.select(".ozg-error-summary").text()).contains(reason);
        assertThat(document.select(".ozg-error-summary a[href=#f-" + FIELD + "]").text()).contains(reason);
        assertThat(document.select("#e-f-" + FIELD).text()).contains(reason);
        assertThat(document.selectFirst("#f-" + FIELD).attr("aria-invalid")).isEqualTo("true");
        assertThat(document.select(".ozg-documents")).isEmpty();
    }

    private static String applicationId(Browser.Page page) {
        String path = page.uri().getPath();
        int at = path.indexOf("/antrag/") + "/antrag/".length();
        return path.substring(at, at + 36);
    }

    private byte[] outboxPayload() throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement =
                connection.createStatement(); ResultSet rows = statement.executeQuery(
                        "SELECT payload FROM ozg_outbox")) {
            assertThat(rows.next()).isTrue();
            return rows.getBytes(1);
        }
    }

    private long rowCount(String table) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement =
                connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String sha512(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    }
}
