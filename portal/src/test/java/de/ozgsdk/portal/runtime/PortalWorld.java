package de.ozgsdk.portal.runtime;

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
import de.ozgsdk.http.timestamp.FakeTsa;
import de.ozgsdk.http.timestamp.TestPki;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.FeeRule;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.service.PrefillRule;
import de.ozgsdk.portal.tenant.BackOfficeDestination;
import de.ozgsdk.portal.tenant.PaymentAccount;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.postbox.PortalPostbox;
import de.ozgsdk.sandbox.HttpsIntakeMock;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.sandbox.idp.ServicekontoIdpMock;
import de.ozgsdk.sandbox.payment.XBezahldiensteMock;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.HttpsChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;

/**
 * Everything a portal talks to, for real over HTTP: the Servicekonto IdP mock (SAML), the XBezahldienste mock, the
 * back office's HTTPS intake (mutual TLS), a portal postbox (mutual TLS) and a time-stamp authority ({@link FakeTsa}
 * of ozg-http's tests until the sandbox has a TSA mock); one database, and as many portal nodes (each with its own
 * connection pool, providers and runtime) as a test asks for.
 */
public final class PortalWorld implements AutoCloseable {

    public static final RegionalKey KOELN_ARS = RegionalKey.parse("053150000000");
    static final RegionalKey BONN_ARS = RegionalKey.parse("053140000000");
    static final String PERMIT = "anwohnerparkausweis";
    public static final String FREE = "parkausweis-ohne-login";
    static final String ORIGINATOR = "ozg-parken";
    static final URI ENTITY_ID = URI.create("https://portal.koeln.example.de");
    static final URI ACS = URI.create("https://portal.koeln.example.de/saml/acs");
    static final URI RETURN = URI.create("https://portal.koeln.example.de/antrag/bezahlt");
    static final DataPath GIVEN_NAME = DataPath.parse("G99100000001[0].F99100000001");
    static final DataPath SURNAME = DataPath.parse("G99100000001[0].F99100000002");
    static final DataPath BIRTH_DATE = DataPath.parse("G99100000001[0].F99100000003");

    private static final PrivateKeyCredential SP_KEY = SandboxPki.selfSignedRsa("portal.koeln.example.de");

    final MutableClock clock = new MutableClock();
    final TestDatabase database;
    final ServicekontoIdpMock idp = ServicekontoIdpMock.builder().personas(UniquePersona.withShipped()).start();
    final XBezahldiensteMock payments = XBezahldiensteMock.builder()
            .endPoint(ORIGINATOR, KOELN_ARS.value(), BONN_ARS.value()).oauthClient("portal", "geheim").start();
    final HttpsIntakeMock intake = HttpsIntakeMock.builder().start();
    final OwnPostboxMock postbox = OwnPostboxMock.start();
    final MockWebServer tsaServer = new MockWebServer();
    final TestPki.Issued tsaCa = TestPki.rootCa("Portal Test TSA CA", Instant.now().minus(Duration.ofDays(365)),
            Instant.now().plus(Duration.ofDays(3650)));
    public final TenantDirectory tenants;
    public final List<OnlineService> services;
    public final Sealer sealer = Sealer.builder().key("test", new byte[32]).build();
    private final String idpMetadata;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private boolean spRegistered;

    public PortalWorld(String databaseKind) throws IOException {
        this.database = TestDatabase.open(databaseKind);
        tsaServer.setDispatcher(new FakeTsa(clock, TestPki.tsa(tsaCa, "Portal Test TSA",
                Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)),
                TestPki.Usage.TIME_STAMPING)));
        tsaServer.start();
        this.idpMetadata = idp.metadata();
        this.services = List.of(permitService(), freeService());
        this.tenants = TenantDirectory.of(tenant(KOELN_ARS, "Stadt Köln", "koeln-parken"),
                tenant(BONN_ARS, "Bundesstadt Bonn", "bonn-parken"));
    }

    static Path form() {
        try {
            return Path.of(PortalWorld.class.getResource("/de/ozgsdk/portal/parkausweis-xdf3.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Login at SUBSTANTIAL, 30.60 EUR per vehicle, names from the eID read-only, the birth date editable. */
    static OnlineService permitService() {
        return OnlineService.builder(PERMIT, "1.0.0")
                .leikaKey(LeikaKey.parse("99050012104000"))
                .title(LocalizedText.builder("Anwohnerparkausweis beantragen")
                        .put(Locale.ENGLISH, "Apply for a residents' parking permit").build())
                .form(FimForm.load(form()))
                .trustLevel(TrustLevel.SUBSTANTIAL)
                .fee(FeeRule.perInstance("G99100000003", Money.ZERO, Money.parse("30.60")))
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS, ChannelKind.FIT_CONNECT))
                .prefill(new PrefillRule(DataPath.parse("G99100000001.F99100000001"), PersonAttribute.GIVEN_NAME,
                        false))
                .prefill(new PrefillRule(DataPath.parse("G99100000001.F99100000002"), PersonAttribute.SURNAME,
                        false))
                .prefill(PrefillRule.of("G99100000001.F99100000003", PersonAttribute.BIRTH_DATE))
                .language(Locale.ENGLISH)
                .build();
    }

    /** No login, no fee. */
    public static OnlineService freeService() {
        return OnlineService.builder(FREE, "1.0.0")
                .leikaKey(LeikaKey.parse("99050012104000"))
                .title(LocalizedText.of("Parkausweis ohne Anmeldung"))
                .form(FimForm.load(form()))
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS))
                .build();
    }

    private static PortalTenant tenant(RegionalKey ars, String name, String destination) {
        return PortalTenant.builder(Tenant.of(ars, LocalizedText.of(name)))
                .service(PERMIT)
                .service(FREE)
                .paymentAccount(PaymentAccount.of("1610000000", "1234", "1.1200.431000"))
                .postboxSender(name + ", Bürgeramt")
                .backOffice(PERMIT, new BackOfficeDestination(ChannelKind.HTTPS, destination))
                .backOffice(FREE, new BackOfficeDestination(ChannelKind.HTTPS, destination))
                .build();
    }

    /** One portal node: its own pool on the shared database, its own providers, its own runtime. */
    public final class Node {
        public final Database db;
        public final Outbox outbox;
        public final ServiceRuntime runtime;
        public final SamlServiceProvider sp;
        public final PortalPostbox portalPostbox;
        public final XBezahldiensteClient xbezahldienste;
        public final TimestampClient timestamps;

        Node(UnaryOperator<ServiceRuntime.Builder> configure) {
            this.db = database.node();
            this.outbox = Outbox.builder(db).build();
            this.sp = SamlServiceProvider.builder()
                    .entityId(ENTITY_ID)
                    .acsUrl(ACS)
                    .signingKey(SP_KEY)
                    .decryptionKey(SP_KEY)
                    .idp(IdpMetadata.parse(new ByteArrayInputStream(idpMetadata.getBytes(StandardCharsets.UTF_8)),
                            "idp-metadata.xml"))
                    .profile(BundIdProfile.builder("Stadt Köln", "koeln-anwohnerparken").build())
                    .pendingRequests(JdbcPendingRequestStore.of(db))
                    .allowedSkew(Duration.ofSeconds(30))
                    .build();
            if (!spRegistered) {
                idp.registerServiceProvider(sp.metadata());
                spRegistered = true;
            }
            this.portalPostbox = PortalPostbox.builder(postbox.uri("/api/messages"), postbox.uri("/api/status"),
                    HttpClientConfig.builder().clientCredential(postbox.pki().issueClient("portal"))
                            .trustedCertificates(postbox.serverTrust()).build(), outbox).build();
            this.xbezahldienste = XBezahldiensteClient.builder()
                    .baseUrl(payments.baseUrl())
                    .originatorId(ORIGINATOR)
                    .authentication(XBezahldiensteAuthentication.clientCredentials(payments.tokenEndpoint(),
                            "portal", "geheim"))
                    .completion(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1))
                    .build();
            this.timestamps = TimestampClient.builder().url(tsaServer.url("/tsa").toString())
                    .trustAnchors(List.of(tsaCa.certificate())).clock(clock).build();
            ServiceRuntime.Builder builder = ServiceRuntime.builder(db, sealer)
                    .tenants(tenants)
                    .authProvider(sp)
                    .payments(xbezahldienste)
                    .postbox(portalPostbox)
                    .timestamps(timestamps)
                    .outbox(outbox)
                    .clock(clock);
            services.forEach(builder::service);
            this.runtime = configure.apply(builder).build();
        }

        /** Delivers what is due in this node's outbox: applications to the intake, messages to the postbox. */
        public int deliver() {
            HttpsChannel channel = HttpsChannel.builder(intake.intakeUri(), HttpClientConfig.builder()
                    .clientCredential(intake.pki().issueClient("ozg-portal"))
                    .trustedCertificates(intake.serverTrust()).build()).build();
            ChannelRouter router = portalPostbox.addRoutes(ChannelRouter.builder()
                    .route("koeln-parken", channel).route("bonn-parken", channel)).build();
            try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, router).workerId("node").build()) {
                return dispatcher.drainOnce();
            }
        }
    }

    public Node node() {
        return node(UnaryOperator.identity());
    }

    /** The clock every node runs on. */
    public Clock clock() {
        return clock;
    }

    /** Moves the clock of every node forward by {@code duration}. */
    public void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    Node node(UnaryOperator<ServiceRuntime.Builder> configure) {
        return new Node(configure);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        tsaServer.close();
        idp.close();
        payments.close();
        intake.close();
        postbox.close();
        database.close();
    }
}
