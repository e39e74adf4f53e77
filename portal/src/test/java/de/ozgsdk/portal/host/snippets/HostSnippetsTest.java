package de.ozgsdk.portal.host.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.Citizen;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.host.PortalHost;
import de.ozgsdk.portal.tenant.ColourContrast;
import de.ozgsdk.portal.tenant.FileTenantDirectory;
import de.ozgsdk.portal.tenant.JdbcTenantDirectory;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.tenant.PortalTestDatabases;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.portal.web.CsrfProtection;
import de.ozgsdk.portal.web.FlowSession;
import de.ozgsdk.portal.web.FlowSessions;
import de.ozgsdk.portal.web.JdbcFlowSessions;
import de.ozgsdk.portal.web.LegacyPortal;
import de.ozgsdk.portal.web.RawHttp;
import de.ozgsdk.portal.web.SecurityHeadersFilter;
import de.ozgsdk.portal.web.TenantResolution;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.Test;

/** The code samples of the host helper's Javadoc and of PORTAL.md ("Tenants", "Web security", "Embedded host"). */
class HostSnippetsTest {

    static Path tenantDirectory() {
        try {
            return Path.of(HostSnippetsTest.class.getResource("/de/ozgsdk/portal/tenant/koeln").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void picksTheTextColourOnThePrimaryColour() {
        // @start region="colour-contrast"
        String text = ColourContrast.textOn("#FFD700"); // "#000000": black on gold, white would be 1.4:1
        // @end
        assertThat(text).isEqualTo(ColourContrast.BLACK);
    }

    @Test
    void loadsTenantFiles() {
        Path tenantDirectory = tenantDirectory();
        // @start region="file-tenants"
        TenantDirectory tenants = FileTenantDirectory.load(tenantDirectory); // every *.json in it, logos beside
        PortalTenant koeln = tenants.findByRegionalKey(RegionalKey.parse("053150000000")).orElseThrow();
        // @end
        assertThat(koeln.offers("anwohnerparkausweis")).isTrue();
    }

    @Test
    void keepsTenantsInTheDatabase() {
        Path tenantDirectory = tenantDirectory();
        try (PortalTestDatabases databases = PortalTestDatabases.h2()) {
            Database database = databases.open();
            // @start region="jdbc-tenants"
            JdbcTenantDirectory tenants = JdbcTenantDirectory.builder(database)
                    .checkInterval(Duration.ofSeconds(10)) // a change reaches every node within 10 s
                    .build();
            tenants.put(FileTenantDirectory.read(tenantDirectory.resolve("koeln.json"))); // admin: add or replace
            Optional<PortalTenant> koeln = tenants.find(TenantId.parse("053150000000"));
            // @end
            assertThat(koeln).isPresent();
        }
    }

    @Test
    void mountsTheSecurityHeadersInALegacyPortal() {
        ServletContextHandler legacyPortal = new ServletContextHandler("/legacy");
        // @start region="security-headers"
        SecurityHeadersFilter headers = SecurityHeadersFilter.builder()
                .formAction("https://idp.servicekonto.example") // SAML POST binding to the Servicekonto
                .formAction("https://epay.example")             // the payment page
                .frameAncestor("https://www.musterhausen.de")   // a legacy portal that frames the service
                .cacheablePathPrefix("/static/")
                .build();
        legacyPortal.addFilter(new FilterHolder(headers), "/ozg/*", EnumSet.of(DispatcherType.REQUEST)); // Jetty 12
        // @end
        assertThat(headers.contentSecurityPolicy()).contains("frame-ancestors https://www.musterhausen.de;");
    }

    /** A service servlet as in the samples: flow session, CSRF token, login. */
    static final class SampleServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient FlowSessions sessions;
        private final transient byte[] serverKey = "0123456789abcdef0123456789abcdef"
                .getBytes(StandardCharsets.US_ASCII);

        SampleServlet(FlowSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            CsrfProtection csrf = CsrfProtection.of(serverKey);
            FlowSession session = sessions.open(request, response);
            response.getWriter().write(csrf.token(session));
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Citizen citizen = Citizen.builder().subjectKey("bpk2-example").issuer("https://idp.example")
                    .trustLevel(TrustLevel.SUBSTANTIAL).authenticatedAt(Instant.now()).build();
            FlowSession session = sessions.find(request).orElseThrow();
            // @start region="csrf"
            CsrfProtection csrf = CsrfProtection.of(serverKey);          // 32+ random bytes, the same on every node
            String field = csrf.token(session);                          // into <input type="hidden" name="ozg-csrf">
            // on POST:
            if (!csrf.accepts(request, session)) {
                CsrfProtection.reject(request, response);                // 403, German or English
                return;
            }
            // @end
            // @start region="flow-sessions"
            session = sessions.open(request, response);                  // the citizen's session, new if none
            // ... after the Servicekonto login:
            session = sessions.rotate(request, response, citizen);       // new id, same values, the login's limits
            // @end
            response.getWriter().write("rotated " + !field.equals(csrf.token(session)));
        }
    }

    @Test
    void runsTheFlowSessionAndCsrfSamplesInALegacyPortal() throws Exception {
        try (PortalTestDatabases databases = PortalTestDatabases.h2()) {
            Database database = databases.open();
            PortalTenant tenant = FileTenantDirectory.read(tenantDirectory().resolve("koeln.json"));
            // @start region="jdbc-flow-sessions"
            FlowSessions sessions = JdbcFlowSessions.builder(database)
                    .scope(tenant.tenant().id().value())   // a session of one tenant is unknown to every other
                    .build();
            // @end
            try (LegacyPortal portal = new LegacyPortal(new SampleServlet(sessions), SecurityHeadersFilter.defaults())) {
                RawHttp.Response form = portal.http().get("localhost", LegacyPortal.MOUNT + "/form");
                String cookie = form.cookies().get("ozg-flow");
                RawHttp.Response refused = portal.http().send("POST", "localhost", LegacyPortal.MOUNT + "/login",
                        "x=1", "Cookie", cookie);
                RawHttp.Response login = portal.http().send("POST", "localhost", LegacyPortal.MOUNT + "/login",
                        CsrfProtection.FIELD + "=" + form.body(), "Cookie", cookie);

                assertThat(refused.status()).isEqualTo(403);
                assertThat(login.body()).isEqualTo("rotated true");
                assertThat(login.cookies().get("ozg-flow")).isNotEqualTo(cookie);
            }
        }
    }

    /** Shows its tenant's name, as the real service servlet shows the responsible municipality. */
    static final class ServiceServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        ServiceServlet(PortalTenant tenant) {
            // the real servlet prepares the tenant's services here
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            // @start region="tenant-resolution"
            PortalTenant tenant = TenantResolution.require(request).tenant();
            // @end
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(tenant.tenant().name().german());
        }
    }

    @Test
    void startsTheEmbeddedHost() throws IOException {
        TenantDirectory tenants = FileTenantDirectory.load(tenantDirectory());
        // @start region="portal-host"
        PortalHost host = PortalHost.builder(tenants, tenant -> new ServiceServlet(tenant))
                .port(0)                                              // any free port (default 8080)
                .slug(TenantId.parse("053150000000"), "koeln")        // http://localhost:port/koeln/...
                .hostName("bonn.portal.example", TenantId.parse("053140000000"))
                .start();
        // ... at shutdown:
        host.close();                                                 // requests under way finish first
        // @end
        PortalHost again = PortalHost.builder(tenants, ServiceServlet::new).port(0)
                .slug(TenantId.parse("053150000000"), "koeln").start();
        try {
            assertThat(RawHttp.plain(again.port()).get("localhost", "/koeln/").body()).isEqualTo("Stadt Köln");
        } finally {
            again.close();
        }
    }
}
