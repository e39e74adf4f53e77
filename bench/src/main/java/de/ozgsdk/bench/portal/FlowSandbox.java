package de.ozgsdk.bench.portal;

import de.ozgsdk.auth.JdbcPendingRequestStore;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.auth.saml.BundIdProfile;
import de.ozgsdk.auth.saml.IdpMetadata;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.portal.host.PortalHost;
import de.ozgsdk.portal.runtime.ReceiptRenderer;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.FeeRule;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.service.PrefillRule;
import de.ozgsdk.portal.tenant.BackOfficeDestination;
import de.ozgsdk.portal.tenant.PaymentAccount;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.portal.web.CsrfProtection;
import de.ozgsdk.portal.web.JdbcFlowSessions;
import de.ozgsdk.portal.web.OzgServlet;
import de.ozgsdk.postbox.PortalPostbox;
import de.ozgsdk.sandbox.HttpsIntakeMock;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.idp.ServicekontoIdpMock;
import de.ozgsdk.sandbox.payment.XBezahldiensteMock;
import de.ozgsdk.sandbox.tsa.TimestampAuthorityMock;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.HttpsChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The central portal host with one municipality (Köln) offering the residents' parking permit (login at SUBSTANTIAL
 * via the Servicekonto IdP mock, three steps, a fee paid at the XBezahldienste mock, submit time-stamped by
 * the sandbox's {@link TimestampAuthorityMock} (RSA 3072), delivered by an outbox worker over mutual TLS to the
 * sandbox's HTTPS intake and a postbox), all in this JVM on in-memory H2, as the portal tests wire it.
 */
final class FlowSandbox implements AutoCloseable {

    static final RegionalKey KOELN = RegionalKey.parse("053150000000");
    static final String PERMIT = "anwohnerparkausweis";
    private static final String ORIGINATOR = "ozg-parken";
    private static final String DESTINATION = "koeln-parken";
    private static final byte[] CSRF_KEY = "a key of at least 32 bytes, only for the bench".getBytes(
            StandardCharsets.UTF_8);
    private static final ReceiptRenderer TEXT_RECEIPT = (receipt, service, tenant) ->
            new ReceiptRenderer.RenderedReceipt("eingangsbestaetigung.txt", "text/plain;charset=UTF-8",
                    ("Eingangsbestätigung " + receipt.submissionId() + " "
                            + receipt.paymentReference().orElse("-")).getBytes(StandardCharsets.UTF_8));

    final ServicekontoIdpMock idp = ServicekontoIdpMock.builder().recordLimit(16).start();
    final XBezahldiensteMock payments = XBezahldiensteMock.builder().endPoint(ORIGINATOR, KOELN.value())
            .oauthClient("portal", "geheim").recordLimit(16).start();
    final HttpsIntakeMock intake = HttpsIntakeMock.builder().recordLimit(16).start();
    final BenchPostboxMock postbox = BenchPostboxMock.start();
    /** The TSA, signing with RSA 3072 as qualified TSAs do (see {@link RsaTsaSigner}). */
    final TimestampAuthorityMock tsa = TimestampAuthorityMock.builder().signer(RsaTsaSigner.generate()).start();
    final Database database;
    final PortalHost host;
    /** Where the service's start page is. */
    final URI start;
    private final Outbox outbox;
    private final PortalPostbox portalPostbox;
    private final Thread deliveries;
    private final AtomicBoolean delivering = new AtomicBoolean(true);

    FlowSandbox() throws IOException {
        Clock clock = Clock.systemUTC();
        this.database = Database.h2InMemory("flowbench");
        this.outbox = Outbox.builder(database).build();
        int port = freePort();
        URI koeln = URI.create("http://localhost:" + port + "/" + KOELN.value());
        this.start = URI.create(koeln + "/dienst/" + PERMIT);
        // the IdP mock's own key is a self-signed RSA 2048 key (SandboxPki.selfSignedRsa), as is the SP's here
        PrivateKeyCredential spKey = SandboxPki.selfSignedRsa("portal.koeln.example.de");
        SamlServiceProvider sp = SamlServiceProvider.builder()
                .entityId(URI.create("https://portal.koeln.example.de"))
                .acsUrl(URI.create(koeln + "/login/acs"))
                .signingKey(spKey)
                .decryptionKey(spKey)
                .idp(IdpMetadata.parse(new ByteArrayInputStream(idp.metadata().getBytes(StandardCharsets.UTF_8)),
                        "idp-metadata.xml"))
                .profile(BundIdProfile.builder("Stadt Köln", "koeln-anwohnerparken").build())
                .pendingRequests(JdbcPendingRequestStore.of(database))
                .allowedSkew(Duration.ofSeconds(30))
                .build();
        idp.registerServiceProvider(sp.metadata());
        this.portalPostbox = PortalPostbox.builder(postbox.uri("/api/messages"), postbox.uri("/api/status"),
                HttpClientConfig.builder().clientCredential(postbox.pki().issueClient("portal"))
                        .trustedCertificates(postbox.serverTrust()).build(), outbox).build();
        XBezahldiensteClient xbd = XBezahldiensteClient.builder()
                .baseUrl(payments.baseUrl())
                .originatorId(ORIGINATOR)
                .authentication(XBezahldiensteAuthentication.clientCredentials(payments.tokenEndpoint(),
                        "portal", "geheim"))
                .completion(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1))
                .build();
        PortalTenant tenant = PortalTenant.builder(Tenant.of(KOELN, LocalizedText.of("Stadt Köln")))
                .service(PERMIT)
                .paymentAccount(PaymentAccount.of("1610000000", "1234", "1.1200.431000"))
                .postboxSender("Stadt Köln, Bürgeramt")
                .backOffice(PERMIT, new BackOfficeDestination(ChannelKind.HTTPS, DESTINATION))
                .build();
        TenantDirectory tenants = TenantDirectory.of(tenant);
        ServiceRuntime runtime = ServiceRuntime.builder(database, Sealer.builder().key("bench", new byte[32]).build())
                .tenants(tenants)
                .authProvider(sp)
                .payments(xbd)
                .postbox(portalPostbox)
                .timestamps(TimestampClient.builder().url(tsa.tsaUrl().toString())
                        .trustAnchors(List.of(tsa.trustAnchor())).clock(clock).build())
                .outbox(outbox)
                .receiptRenderer(TEXT_RECEIPT)
                .clock(clock)
                .service(permitService())
                .build();
        CsrfProtection csrf = CsrfProtection.of(CSRF_KEY);
        this.host = PortalHost.builder(tenants, t -> OzgServlet.builder(runtime, csrf,
                JdbcFlowSessions.builder(database).scope(t.tenant().id().value()).build()).build())
                .port(port).start();
        this.deliveries = new Thread(this::deliverContinuously, "outbox-worker");
        deliveries.setDaemon(true);
        deliveries.start();
    }

    /** Login at SUBSTANTIAL, 30.60 EUR per vehicle, names from the eID read-only, the birth date editable. */
    private static OnlineService permitService() throws IOException {
        Path form = Files.createTempFile("parkausweis-xdf3", ".xml");
        try (InputStream in = FlowSandbox.class.getResourceAsStream("parkausweis-xdf3.xml")) {
            Files.copy(in, form, StandardCopyOption.REPLACE_EXISTING);
        }
        form.toFile().deleteOnExit();
        return OnlineService.builder(PERMIT, "1.0.0")
                .leikaKey(LeikaKey.parse("99050012104000"))
                .title(LocalizedText.builder("Anwohnerparkausweis beantragen")
                        .put(Locale.ENGLISH, "Apply for a residents' parking permit").build())
                .form(FimForm.load(form))
                .trustLevel(TrustLevel.SUBSTANTIAL)
                .fee(FeeRule.perInstance("G99100000003", Money.ZERO, Money.parse("30.60")))
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS, ChannelKind.FIT_CONNECT))
                .prefill(new PrefillRule(DataPath.parse("G99100000001.F99100000001"), PersonAttribute.GIVEN_NAME,
                        false))
                .prefill(new PrefillRule(DataPath.parse("G99100000001.F99100000002"), PersonAttribute.SURNAME,
                        false))
                .prefill(PrefillRule.of("G99100000001.F99100000003", PersonAttribute.BIRTH_DATE))
                .build();
    }

    /** The portal's outbox worker: delivers applications to the intake and messages to the postbox as they come. */
    private void deliverContinuously() {
        HttpsChannel channel = HttpsChannel.builder(intake.intakeUri(), HttpClientConfig.builder()
                .clientCredential(intake.pki().issueClient("ozg-portal"))
                .trustedCertificates(intake.serverTrust()).build()).build();
        ChannelRouter router = portalPostbox.addRoutes(ChannelRouter.builder().route(DESTINATION, channel)).build();
        try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, router).workerId("bench").build()) {
            while (delivering.get()) {
                if (dispatcher.drainOnce() == 0) {
                    Thread.sleep(50);
                }
            }
            while (dispatcher.drainOnce() > 0) {
                // the rest after the load stopped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the outbox worker after it delivered what is due. */
    void finishDeliveries() throws InterruptedException {
        delivering.set(false);
        deliveries.join();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        host.close();
        tsa.close();
        idp.close();
        payments.close();
        intake.close();
        postbox.close();
        database.close();
    }
}
