package de.ozgsdk.portal.web.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.SessionLimits;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.host.PortalHost;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.runtime.WebPortalWorld;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.portal.web.CsrfProtection;
import de.ozgsdk.portal.web.HttpSessionFlowSessions;
import de.ozgsdk.portal.web.JdbcFlowSessions;
import de.ozgsdk.portal.web.OzgServlet;
import de.ozgsdk.portal.web.SessionTimeouts;
import jakarta.servlet.ServletContainerInitializer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The code samples of the servlet adapter (PORTAL.md "Servlet adapter", OzgServlet's Javadoc), run as tests. */
class WebSnippetsTest {

    private static final byte[] CSRF_KEY = "a key of at least 32 bytes, only for tests"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void theServletIsMountedInALegacyPortalUnderAPath() throws Exception {
        int port = freePort();
        try (WebPortalWorld world = new WebPortalWorld("h2")) {
            ServiceRuntime runtime = world.node(URI.create("http://localhost:" + port
                    + "/portal/buergerservice/login/acs"), (receipt, service, tenant) -> {
                        throw new UnsupportedOperationException();
                    }).runtime;
            byte[] csrfKey = CSRF_KEY;
            // @start region="ozg-servlet-legacy"
            OzgServlet servlet = OzgServlet.builder(runtime, CsrfProtection.of(csrfKey),
                            HttpSessionFlowSessions.of("053150000000"))       // the legacy portal's HttpSession
                    .tenant(TenantId.parse("053150000000"))                   // one municipality
                    .build();
            ServletContainerInitializer mount = (classes, context) -> servlet.register(context, "/buergerservice/*");
            // @end
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler("/portal", ServletContextHandler.SESSIONS);
            context.addServletContainerInitializer(mount);
            server.setHandler(context);
            server.start();
            try {
                HttpResponse<String> page = get(URI.create("http://localhost:" + port
                        + "/portal/buergerservice/dienst/anwohnerparkausweis"));
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<h1>Anwohnerparkausweis beantragen</h1>").contains("Stadt Köln");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void theServletRunsPerTenantInTheCentralHost() throws Exception {
        int port = freePort();
        try (WebPortalWorld world = new WebPortalWorld("h2")) {
            WebPortalWorld.Node node = world.node(URI.create("http://localhost:" + port + "/053150000000/login/acs"),
                    (receipt, service, tenant) -> {
                        throw new UnsupportedOperationException();
                    });
            ServiceRuntime runtime = node.runtime;
            Database database = node.database;
            TenantDirectory tenants = world.tenants();
            byte[] csrfKey = CSRF_KEY;
            // @start region="ozg-servlet-central"
            CsrfProtection csrf = CsrfProtection.of(csrfKey);                  // the same key on every node
            PortalHost host = PortalHost.builder(tenants, tenant -> OzgServlet.builder(runtime, csrf,
                                    JdbcFlowSessions.builder(database)            // sessions in the database
                                            .scope(tenant.tenant().id().value())  // one tenant's only
                                            .build())
                            .build())
                    .port(port)
                    .start();
            // @end
            try (host) {
                HttpResponse<String> bonn = get(URI.create(host.baseUri() + "053140000000/dienst/anwohnerparkausweis"));
                assertThat(bonn.statusCode()).isEqualTo(200);
                assertThat(bonn.body()).contains("Bundesstadt Bonn");
            }
        }
    }

    @Test
    void sessionTimeoutsAreSetPerTrustLevel() {
        // @start region="session-timeouts"
        SessionTimeouts timeouts = SessionTimeouts.builder()
                .limits(TrustLevel.SUBSTANTIAL, new SessionLimits(Duration.ofHours(1), Duration.ofMinutes(20)))
                .extendable(TrustLevel.HIGH, true)     // default: no extension at level high
                .zone(ZoneId.of("Europe/Berlin"))      // the municipality's time zone, for "ends at 14:32"
                .build();
        // @end
        assertThat(timeouts.limits(TrustLevel.SUBSTANTIAL).idle()).isEqualTo(Duration.ofMinutes(20));
        assertThat(timeouts.extendable(Optional.of(TrustLevel.HIGH))).isTrue();
        assertThat(SessionTimeouts.defaults().extendable(Optional.of(TrustLevel.HIGH))).isFalse();
        assertThat(SessionTimeouts.defaults().extendable(Optional.empty())).isTrue();
        assertThat(SessionTimeouts.defaults().warnBefore()).isEqualTo(Duration.ofMinutes(2));
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
