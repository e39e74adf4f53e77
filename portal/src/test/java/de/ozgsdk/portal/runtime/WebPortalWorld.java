package de.ozgsdk.portal.runtime;

import de.ozgsdk.auth.JdbcPendingRequestStore;
import de.ozgsdk.auth.saml.BundIdProfile;
import de.ozgsdk.auth.saml.IdpMetadata;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.postbox.PortalPostbox;
import de.ozgsdk.sandbox.SandboxPki;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.HttpsChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sandbox of {@link PortalWorld} (IdP mock, XBezahldienste mock, HTTPS intake, portal postbox, TSA, one
 * database) for the web adapter's tests in other packages: portal nodes whose SAML service provider answers at the
 * adapter's real ACS URL, with a receipt renderer of the test's choice.
 */
public final class WebPortalWorld implements AutoCloseable {

    /** Köln, the tenant that offers both services. */
    public static final TenantId KOELN = TenantId.of(PortalWorld.KOELN_ARS);
    /** Bonn, the second tenant. */
    public static final TenantId BONN = TenantId.of(PortalWorld.BONN_ARS);
    /** The service with login (SUBSTANTIAL), three steps and a fee per vehicle. */
    public static final String PERMIT = PortalWorld.PERMIT;
    /** The service without login and fee. */
    public static final String FREE = PortalWorld.FREE;

    private static final PrivateKeyCredential SP_KEY = SandboxPki.selfSignedRsa("portal.koeln.example.de");

    private final PortalWorld world;
    private final Sealer sealer = Sealer.builder().key("web", new byte[32]).build();
    private boolean registered;

    /** A fresh sandbox on {@code databaseKind} ({@code h2} or {@code postgresql}). */
    public WebPortalWorld(String databaseKind) throws IOException {
        this.world = new PortalWorld(databaseKind);
    }

    /** The kinds of database to test on: always {@code h2}, {@code postgresql} when configured. */
    public static List<String> databaseKinds() {
        return TestDatabase.kinds();
    }

    /** One portal node: its own pool, providers and runtime; the SP answers at {@code acs}. */
    public Node node(URI acs, ReceiptRenderer receipts) {
        return new Node(acs, receipts);
    }

    /** The tenants (Köln and Bonn, both offering both services). */
    public TenantDirectory tenants() {
        return world.tenants;
    }

    /** How many applications the back office's intake received. */
    public int intakeCount() {
        return world.intake.count();
    }

    /** The applications the intake received, by submission id. */
    public Map<String, byte[]> intakeApplications() {
        return world.intake.applications();
    }

    /** The postbox messages received, as JSON text, by idempotency key. */
    public List<String> postboxMessages() {
        return world.postbox.held.values().stream().map(Object::toString).toList();
    }

    /** How many payments the XBezahldienste mock holds. */
    public int paymentCount() {
        return world.payments.count();
    }

    /** Moves the clock of every node forward by {@code duration}. */
    public void advanceClock(Duration duration) {
        world.clock.advance(duration);
    }

    /** The keys the nodes seal with, by key id, for tests that search what was stored. */
    public Map<String, byte[]> sealKeys() {
        return Map.of("web", new byte[32]);
    }

    @Override
    public void close() throws Exception {
        world.close();
    }

    /** A portal node. */
    public final class Node {
        /** The node's runtime. */
        public final ServiceRuntime runtime;
        /** The node's own connection pool on the shared database. */
        public final Database database;
        private final Outbox outbox;
        private final PortalPostbox portalPostbox;

        Node(URI acs, ReceiptRenderer receipts) {
            this.database = world.database.node();
            this.outbox = Outbox.builder(database).build();
            String metadata = world.idp.metadata();
            SamlServiceProvider sp = SamlServiceProvider.builder()
                    .entityId(PortalWorld.ENTITY_ID)
                    .acsUrl(acs)
                    .signingKey(SP_KEY)
                    .decryptionKey(SP_KEY)
                    .idp(IdpMetadata.parse(new ByteArrayInputStream(metadata.getBytes(StandardCharsets.UTF_8)),
                            "idp-metadata.xml"))
                    .profile(BundIdProfile.builder("Stadt Köln", "koeln-anwohnerparken").build())
                    .pendingRequests(JdbcPendingRequestStore.of(database))
                    .allowedSkew(Duration.ofSeconds(30))
                    .build();
            if (!registered) {
                world.idp.registerServiceProvider(sp.metadata());
                registered = true;
            }
            this.portalPostbox = PortalPostbox.builder(world.postbox.uri("/api/messages"),
                    world.postbox.uri("/api/status"), HttpClientConfig.builder()
                            .clientCredential(world.postbox.pki().issueClient("portal"))
                            .trustedCertificates(world.postbox.serverTrust()).build(), outbox).build();
            XBezahldiensteClient xbd = XBezahldiensteClient.builder()
                    .baseUrl(world.payments.baseUrl())
                    .originatorId(PortalWorld.ORIGINATOR)
                    .authentication(XBezahldiensteAuthentication.clientCredentials(world.payments.tokenEndpoint(),
                            "portal", "geheim"))
                    .completion(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1))
                    .build();
            ServiceRuntime.Builder builder = ServiceRuntime.builder(database, sealer)
                    .tenants(world.tenants)
                    .authProvider(sp)
                    .payments(xbd)
                    .postbox(portalPostbox)
                    .timestamps(TimestampClient.builder().url(world.tsaServer.url("/tsa").toString())
                            .trustAnchors(List.of(world.tsaCa.certificate())).clock(world.clock).build())
                    .outbox(outbox)
                    .receiptRenderer(receipts)
                    .clock(world.clock);
            world.services.forEach(builder::service);
            this.runtime = builder.build();
        }

        /** Delivers what is due in this node's outbox: applications to the intake, messages to the postbox. */
        public int deliver() {
            HttpsChannel channel = HttpsChannel.builder(world.intake.intakeUri(), HttpClientConfig.builder()
                    .clientCredential(world.intake.pki().issueClient("ozg-portal"))
                    .trustedCertificates(world.intake.serverTrust()).build()).build();
            ChannelRouter router = portalPostbox.addRoutes(ChannelRouter.builder()
                    .route("koeln-parken", channel).route("bonn-parken", channel))
                    .onReceipt(runtime.retention().receiptHandler()).build();
            try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, router).workerId("web").build()) {
                return dispatcher.drainOnce();
            }
        }
    }
}
