package de.ozgsdk.sandbox.combined;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.http.timestamp.TimestampError;
import de.ozgsdk.http.timestamp.TimestampToken;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentOrder;
import de.ozgsdk.payment.PaymentRedirect;
import de.ozgsdk.payment.PaymentResult;
import de.ozgsdk.payment.PaymentReturn;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.postbox.PostboxMessage;
import de.ozgsdk.postbox.ZbpOutcome;
import de.ozgsdk.postbox.ZbpPostbox;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.HttpsIntakeMock;
import de.ozgsdk.sandbox.MockServer;
import de.ozgsdk.sandbox.Sandbox;
import de.ozgsdk.sandbox.idp.Portal;
import de.ozgsdk.sandbox.idp.ServicekontoIdpMock;
import de.ozgsdk.sandbox.junit.OzgSandbox;
import de.ozgsdk.sandbox.payment.Browser;
import de.ozgsdk.sandbox.postbox.ZbpMessage;
import de.ozgsdk.sandbox.postbox.ZbpSandbox;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.OutgoingApplication;
import de.ozgsdk.transfer.Receipt;
import de.ozgsdk.transfer.fitconnect.FitConnectChannel;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import de.ozgsdk.transfer.fitconnect.FitConnectLedger;
import de.ozgsdk.transfer.fitconnect.FitConnectTarget;
import de.ozgsdk.transfer.HttpsChannel;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combined sandbox started by {@link OzgSandbox}, with the SDK's clients configured from its accessors only and
 * talking to it over sockets: SAML login, XBezahldienste payment, ZBP postbox, FIT-Connect and HTTPS intake,
 * time-stamps (checked by {@code openssl ts} too); faults set through the Java API and through the combined admin
 * endpoint; the overview page with personal data masked.
 */
@OzgSandbox
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxEndToEndTest {

    private static final String ERIKA = "erika-eid";
    private static final UUID ERIKA_POSTKORB = UUID.fromString("b980f78d-f5e0-45d9-8971-cc0e27f0beaf");
    private static final byte[] RECEIPT = "Eingangsbestätigung Antrag 4711".getBytes(StandardCharsets.UTF_8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Database database;
    static Outbox outbox;

    @BeforeAll
    static void database() {
        database = Database.h2InMemory("combined_" + UUID.randomUUID().toString().replace("-", ""));
        outbox = Outbox.builder(database).backoffBase(Duration.ofMillis(1)).backoffCap(Duration.ofMillis(1)).build();
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    @Order(1)
    void aSamlServiceProviderLogsInAPersonaPickedOnTheIdpsLoginPage(Sandbox sandbox) throws Exception {
        Portal portal = Portal.against(sandbox.idp());

        LoginOutcome outcome = portal.login(ERIKA, TrustLevel.HIGH);

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Authenticated.class,
                authenticated -> assertThat(authenticated.user().trustLevel()).isEqualTo(TrustLevel.HIGH));
        String metadata = get(sandbox.idpMetadataUrl()).body();
        assertThat(metadata).contains(sandbox.idpEntityId())
                .contains(Base64.getEncoder().encodeToString(sandbox.idpSigningCertificate().getEncoded()));
    }

    @Test
    @Order(2)
    void aFaultLeftByOneTestIsGoneInTheNext(Sandbox sandbox) {
        sandbox.tsa().faults().add(Fault.status(503)); // no count: holds until cleared
        sandbox.idp().faults().add(ServicekontoIdpMock.fault(ServicekontoIdpMock.Error.EXPIRED_ASSERTION));

        assertThat(sandbox.tsa().faults().active()).hasSize(1);
    }

    @Test
    @Order(3)
    void theExtensionResetsFaultsAndRecordsBeforeEachTest(Sandbox sandbox) {
        for (MockServer mock : sandbox.mocks()) {
            assertThat(mock.faults().active()).as(mock.name()).isEmpty();
            assertThat(mock.records().all()).as(mock.name()).isEmpty();
        }
        assertThat(tsaClient(sandbox).stamp(RECEIPT)).isNotNull();
    }

    @Test
    void anExpiredAssertionScriptedThroughTheAdminEndpointIsRefusedByTheServiceProvider(Sandbox sandbox)
            throws Exception {
        Portal portal = Portal.against(sandbox.idp());

        HttpResponse<String> added = post(URI.create(sandbox.adminUrl() + "servicekonto-idp/faults"),
                "{\"kind\":\"systemError\",\"error\":\"EXPIRED_ASSERTION\",\"method\":\"POST\","
                        + "\"path\":\"/idp/login\",\"times\":1}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(portal.login(ERIKA, TrustLevel.HIGH)).isInstanceOf(LoginOutcome.InvalidResponse.class);
        assertThat(portal.login(ERIKA, TrustLevel.HIGH)).isInstanceOf(LoginOutcome.Authenticated.class);
    }

    @Test
    void aPaymentIsPaidOnThePayPageAndADeclineScriptedAtRunTimeFailsTheNext(Sandbox sandbox) throws Exception {
        XBezahldiensteClient client = XBezahldiensteClient.builder()
                .baseUrl(sandbox.xbezahldiensteUrl())
                .originatorId("ozg-parken")
                .authentication(XBezahldiensteAuthentication.clientCredentials(sandbox.xbezahldiensteTokenUrl(),
                        Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET))
                .http(HttpClientConfig.builder().build())
                .completion(Duration.ofSeconds(4), Duration.ofMillis(500), Duration.ofSeconds(2))
                .build();

        PaymentRedirect paid = client.start(order());
        URI back = Browser.plain().press(paid.payPage(), "pay", "GIROPAY");
        PaymentResult paidResult = client.complete(PaymentReturn.of(paid.reference(), Browser.parameters(back)));
        HttpResponse<String> declineNext = post(URI.create(sandbox.adminUrl() + "xbezahldienste/faults"),
                "{\"kind\":\"systemError\",\"error\":\"DECLINED\",\"method\":\"POST\",\"path\":\"/paypage/*\","
                        + "\"times\":1}");
        PaymentRedirect declined = client.start(order());
        URI declinedBack = Browser.plain().press(declined.payPage(), "pay", "GIROPAY");
        PaymentResult declinedResult = client.complete(PaymentReturn.of(declined.reference(),
                Browser.parameters(declinedBack)));

        assertThat(paidResult.outcome()).isEqualTo(PaymentResult.Outcome.PAID);
        assertThat(declineNext.statusCode()).as(declineNext.body()).isEqualTo(201);
        assertThat(declinedResult.outcome()).isEqualTo(PaymentResult.Outcome.FAILED);
    }

    @Test
    void aPostboxMessageReachesThePersonasInboxThroughFitConnect(Sandbox sandbox) {
        ZbpPostbox postbox = ZbpPostbox.builder(fitConnectConfig(sandbox), FitConnectLedger.of(database,
                        Clock.systemUTC()), outbox)
                .destination(Sandbox.ZBP_DESTINATION, URI.create(ZbpSandbox.ENVELOPE_SCHEMA))
                .author(sandbox.postboxAuthor())
                .build();
        UUID applicationId = UUID.randomUUID();
        String id = postbox.send(PostboxMessage.builder(ERIKA_POSTKORB)
                .sender("Stadt Musterstadt, Bürgeramt")
                .title("Ihr Bescheid zum Anwohnerparken")
                .htmlContent("<p>Ihr Antrag ist <b>bewilligt</b>.</p>")
                .service("Anwohnerparkausweis")
                .trustLevel(TrustLevel.SUBSTANTIAL)
                .applicationId(applicationId)
                .build());

        try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox,
                postbox.addRoutes(ChannelRouter.builder()).build()).workerId("combined").build()) {
            dispatcher.drainOnce();
        }
        sandbox.postbox().receiveNow(); // if the callback of the submit has not received it already

        assertThat(postbox.outcome(id).state()).isEqualTo(ZbpOutcome.State.ACCEPTED);
        assertThat(sandbox.postbox().inbox(ERIKA_POSTKORB)).extracting(ZbpMessage::applicationId)
                .contains(Optional.of(applicationId));
    }

    @Test
    void anApplicationGoesToTheFachverfahrenByFitConnectAndByTheHttpsIntake(Sandbox sandbox) {
        FitConnectChannel fitConnect = FitConnectChannel.builder(fitConnectConfig(sandbox),
                        FitConnectLedger.of(database, Clock.systemUTC()),
                        FitConnectTarget.xml(Sandbox.FACHVERFAHREN_DESTINATION,
                                LeikaKey.parse(Sandbox.DEFAULT_LEIKA_KEYS.get(0)), "Anwohnerparkausweis",
                                URI.create("urn:xoev-de:ozgsdk:sandbox:antrag")))
                .build();
        HttpsChannel intake = HttpsChannel.builder(sandbox.intakeUrl(), HttpClientConfig.builder()
                        .clientCredential(sandbox.portalClientCredential())
                        .trustedCertificates(sandbox.serverTrust())
                        .build())
                .build();
        int before = sandbox.fitConnect().submittedCount(Sandbox.FACHVERFAHREN_DESTINATION);

        Receipt viaFitConnect = fitConnect.send(application());
        Receipt viaIntake = intake.send(application());

        assertThat(viaFitConnect.reference()).isPresent();
        assertThat(sandbox.fitConnect().submittedCount(Sandbox.FACHVERFAHREN_DESTINATION)).isEqualTo(before + 1);
        assertThat(viaIntake.reference()).hasValueSatisfying(reference -> assertThat(reference).contains("AZ-"));
        assertThat(sandbox.intake().records().of("POST", "/antraege")).hasSize(1);
    }

    @Test
    void aFaultSetThroughTheJavaApiReachesTheClientOnceAndTheNextRequestIsServed(Sandbox sandbox) {
        TimestampClient client = tsaClient(sandbox);
        sandbox.tsa().faults().add(Fault.status(503).once());

        assertThatThrownBy(() -> client.stamp(RECEIPT)).isInstanceOfSatisfying(RemoteSystemException.class,
                e -> assertThat(e.code()).isEqualTo(TimestampError.TSA_HTTP_ERROR));
        assertThat(client.stamp(RECEIPT).hashAlgorithm()).isEqualTo("SHA-256");
    }

    @Test
    void aDroppedConnectionScriptedThroughTheAdminEndpointReachesTheIntakeClient(Sandbox sandbox) throws Exception {
        HttpsChannel intake = HttpsChannel.builder(sandbox.intakeUrl(), HttpClientConfig.builder()
                        .clientCredential(sandbox.portalClientCredential())
                        .trustedCertificates(sandbox.serverTrust())
                        .maxRetries(0)
                        .build())
                .build();

        HttpResponse<String> added = post(URI.create(sandbox.adminUrl() + "https-intake/faults"),
                "{\"kind\":\"drop\",\"method\":\"POST\",\"path\":\"/antraege\",\"times\":1}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThatThrownBy(() -> intake.send(application())).isInstanceOf(RemoteSystemException.class);
        assertThat(sandbox.intake().records().last()).hasValueSatisfying(
                exchange -> assertThat(exchange.status()).isEmpty());
    }

    @Test
    void theCombinedAdminEndpointListsEveryMockAndClearsAllFaults(Sandbox sandbox) throws Exception {
        sandbox.tsa().faults().add(Fault.latency(Duration.ofSeconds(1)));
        sandbox.oidc().faults().add(Fault.status(500));

        String description = get(sandbox.adminUrl()).body();
        HttpResponse<String> cleared = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.adminUrl() + "faults"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = post(URI.create(sandbox.adminUrl() + "meldewesen/faults"), "{}");

        for (String name : List.of("servicekonto-idp", "oidc", "epaybl", "xbezahldienste", "fit-connect", "zbp",
                "https-intake", "file-drop-intake", "tsa")) {
            assertThat(description).contains("\"name\":\"" + name + "\"");
        }
        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(sandbox.tsa().faults().active()).isEmpty();
        assertThat(sandbox.oidc().faults().active()).isEmpty();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no mock \\\"meldewesen\\\"");
    }

    @Test
    void aResetThroughTheAdminEndpointClearsFaultsAndRecordsOfEveryMock(Sandbox sandbox) throws Exception {
        sandbox.postbox().faults().add(Fault.status(500));
        sandbox.epaybl().faults().add(Fault.hang());
        get(sandbox.postboxInboxUrl(ERIKA_POSTKORB));

        HttpResponse<String> reset = post(URI.create(sandbox.adminUrl() + "reset"), "");

        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(sandbox.postbox().faults().active()).isEmpty();
        assertThat(sandbox.epaybl().faults().active()).isEmpty();
        assertThat(sandbox.postbox().records().all()).isEmpty();
    }

    @Test
    void theTimeStampAuthorityOfTheSandboxIsAcceptedByTimestampClientAndOpensslTsVerify(Sandbox sandbox,
            @TempDir Path directory) throws Exception {
        Optional<Path> openssl = onPath("openssl");
        TimestampToken token = tsaClient(sandbox).stamp(RECEIPT);

        TimestampToken.parse(token.encoded(), List.of(sandbox.tsaTrustAnchor())).verify(RECEIPT);
        Assumptions.assumeTrue(openssl.isPresent(), "openssl is not on the PATH (CI installs it)");
        Path tokenFile = Files.write(directory.resolve("token.tst"), token.encoded());
        Path ca = Files.writeString(directory.resolve("ca.pem"), pem(sandbox.tsaTrustAnchor().getEncoded()));
        Process verify = new ProcessBuilder(openssl.get().toString(), "ts", "-verify", "-digest",
                HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(RECEIPT)),
                "-in", tokenFile.toString(), "-token_in", "-CAfile", ca.toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("Verification: OK");
    }

    @Test
    void theOverviewLinksEveryMockAndShowsTheirRequestsWithPersonalDataMasked(Sandbox sandbox) throws Exception {
        get(sandbox.postboxInboxUrl(ERIKA_POSTKORB));
        get(sandbox.fitConnect().uri("/v1/destinations/Erika%20Mustermann"));
        get(sandbox.fitConnect().uri("/v1/destinations/HEIDESTRASSE%2017"));
        get(sandbox.xbezahldienste().uri("/paymenttransaction/DE89370400440532013000/1964-08-12"));
        get(sandbox.oidc().uri("/userinfo/erika.mustermann@example.org"));

        HttpResponse<String> page = get(sandbox.overviewUrl());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        String html = page.body();
        assertThat(html).contains("<html lang=\"en\"", "<title>", "<main>", "<caption>", "scope=\"col\"");
        for (MockServer mock : sandbox.mocks()) {
            assertThat(html).contains("href=\"" + mock.baseUrl() + "\"");
        }
        assertThat(html).contains("GET /postfach/***", "GET /v1/destinations/***",
                "GET /paymenttransaction/***/***", "GET /userinfo/***");
        assertThat(html).doesNotContain("GET /postfach/" + ERIKA_POSTKORB, "Erika%20Mustermann",
                "HEIDESTRASSE%2017", "DE89370400440532013000", "1964-08-12", "erika.mustermann@example.org");
    }

    @Test
    void theRecordOfTheIntakeIsReachableThroughTheMocksOwnAdminResourceOnTheCombinedPort(Sandbox sandbox)
            throws Exception {
        HttpsIntakeMock intake = sandbox.intake();

        HttpResponse<String> records = get(URI.create(sandbox.adminUrl() + "https-intake/records"));
        HttpResponse<String> describe = get(URI.create(sandbox.adminUrl() + "tsa/"));

        assertThat(records.statusCode()).isEqualTo(200);
        assertThat(records.body()).isEqualTo("[]");
        assertThat(describe.body()).contains("\"name\":\"tsa\"", "REJECTION_BAD_ALG");
        assertThat(intake.records().all()).isEmpty();
    }

    private static TimestampClient tsaClient(Sandbox sandbox) {
        return TimestampClient.builder().url(sandbox.tsaUrl().toString())
                .trustAnchors(List.of(sandbox.tsaTrustAnchor())).build();
    }

    private static FitConnectConfig fitConnectConfig(Sandbox sandbox) {
        return FitConnectConfig.builder()
                .tokenEndpoint(sandbox.fitConnectTokenUrl())
                .client(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET)
                .submissionApi(sandbox.fitConnectSubmissionApi())
                .trustAnchors(TrustedCertificates.of(List.of(sandbox.fitConnectTrustAnchor())))
                .build();
    }

    private static PaymentOrder order() {
        return PaymentOrder.builder()
                .tenant(TenantId.parse("051110000000"))
                .applicationId(UUID.randomUUID().toString())
                .purpose("Anwohnerparken 2026")
                .line(BookingLine.of("Anwohnerparkausweis", "1.1200.431000", Money.parse("30.60")))
                .returnUrl(URI.create("https://service.example.de/parken/bezahlt"))
                .build();
    }

    private static OutgoingApplication application() {
        String id = "antrag-" + UUID.randomUUID();
        return OutgoingApplication.of(id, ("<antrag id=\"" + id + "\"/>").getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
