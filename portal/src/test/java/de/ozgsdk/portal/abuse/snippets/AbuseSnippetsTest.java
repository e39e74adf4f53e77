package de.ozgsdk.portal.abuse.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.TenantId;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.abuse.Action;
import de.ozgsdk.portal.abuse.BotTrap;
import de.ozgsdk.portal.abuse.FakeRequests;
import de.ozgsdk.portal.abuse.Limit;
import de.ozgsdk.portal.abuse.ProofOfWork;
import de.ozgsdk.portal.abuse.RateLimits;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.runtime.WebPortalWorld;
import de.ozgsdk.portal.web.CsrfProtection;
import de.ozgsdk.portal.web.FlowSessions;
import de.ozgsdk.portal.web.HttpSessionFlowSessions;
import de.ozgsdk.portal.web.OzgServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The code samples of the abuse protection (PORTAL.md "Abuse protection", RateLimits' Javadoc), run as tests. */
class AbuseSnippetsTest {

    private static final byte[] KEY = "an abuse key of at least 32 bytes, tests only".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRateLimitIsCheckedForOneRequest() throws Exception {
        try (WebPortalWorld world = new WebPortalWorld("h2")) {
            Database database = world.node(URI.create("http://localhost/login/acs"), (r, s, t) -> {
                throw new UnsupportedOperationException();
            }).database;
            byte[] abuseKey = KEY;
            HttpServletRequest request = FakeRequests.from("10.0.0.5", "198.51.100.7");
            TenantId tenantId = WebPortalWorld.KOELN;
            // @start region="rate-limits"
            RateLimits limits = RateLimits.builder(database, abuseKey)                 // the same key on every node
                    .limit(Action.SUBMISSION, Limit.of(10, Duration.ofHours(1)),     // per client address
                            Limit.of(2_000, Duration.ofHours(1)))                    // per tenant
                    .trustedProxy("10.0.0.0/8")                                       // our reverse proxies
                    .build();
            RateLimits.Verdict verdict = limits.check(Action.UPLOAD, request, tenantId);
            long retryAfter = verdict.retryAfterSeconds();                            // 0 when allowed
            // @end
            assertThat(verdict.allowed()).isTrue();
            assertThat(retryAfter).isZero();
        }
    }

    @Test
    void theServletIsBuiltWithAllThreeProtections() throws Exception {
        try (WebPortalWorld world = new WebPortalWorld("h2")) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            WebPortalWorld.Node node = world.node(URI.create("http://localhost:" + port + "/ozg/login/acs"),
                    (r, s, t) -> {
                        throw new UnsupportedOperationException();
                    });
            ServiceRuntime runtime = node.runtime;
            Database database = node.database;
            CsrfProtection csrf = CsrfProtection.of(KEY);
            FlowSessions sessions = HttpSessionFlowSessions.of(WebPortalWorld.KOELN.value());
            byte[] abuseKey = KEY;
            // @start region="abuse-servlet"
            OzgServlet servlet = OzgServlet.builder(runtime, csrf, sessions)
                    .tenant(TenantId.parse("053150000000"))
                    .rateLimits(RateLimits.builder(database, abuseKey)                 // limits in the database
                            .trustedProxy("10.0.0.0/8")                                 // X-Forwarded-For from here
                            .build())
                    .botTrap(BotTrap.builder(abuseKey).build())                        // honeypot, 2 s fill time
                    .proofOfWork(ProofOfWork.builder(database, abuseKey).build())      // instead of a hard 429
                    .build();
            // @end
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
            context.addServlet(new ServletHolder(servlet), "/ozg/*");
            server.setHandler(context);
            server.start();
            try {
                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/ozg/dienst/" + WebPortalWorld.FREE)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("name=\"" + BotTrap.HONEYPOT_FIELD + "\"")
                        .contains("name=\"" + BotTrap.TIME_FIELD + "\"");
            } finally {
                server.stop();
            }
        }
    }
}
