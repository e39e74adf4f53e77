package de.ozgsdk.portal.host;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.crypto.TestPki;
import de.ozgsdk.portal.tenant.PortalTestDatabases;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.portal.web.FlowSession;
import de.ozgsdk.portal.web.JdbcFlowSessions;
import de.ozgsdk.portal.web.RawHttp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** The host over TLS: HSTS, and flow-session cookies that only go back over TLS and only to their mount. */
class PortalHostTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    /** Opens a flow session and says whether the request was secure. */
    private static final class SessionServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient JdbcFlowSessions sessions;

        SessionServlet(JdbcFlowSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            FlowSession session = sessions.open(request, response);
            response.getWriter().write("secure=" + request.isSecure() + " values=" + session.values().size());
        }
    }

    @Test
    void sendsHstsAndSecureHostOrSecurePrefixedCookiesOverTls() throws Exception {
        HeldCertificate ca = TestPki.certificateAuthority("Test CA");
        HeldCertificate leaf = TestPki.leaf("localhost", ca);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        TestPki.addKeyEntry(store, PASSWORD, "host", leaf, ca.certificate());
        HandshakeCertificates client = new HandshakeCertificates.Builder()
                .addTrustedCertificate(ca.certificate()).build();

        try (PortalTestDatabases databases = PortalTestDatabases.h2()) {
            Map<String, JdbcFlowSessions> byTenant = new ConcurrentHashMap<>();
            var database = databases.open();
            try (PortalHost host = PortalHost.builder(
                            TenantDirectory.of(PortalHostTest.koeln(), PortalHostTest.bonn("Bonn")),
                            tenant -> new SessionServlet(byTenant.computeIfAbsent(tenant.tenant().id().value(),
                                    id -> JdbcFlowSessions.builder(database).scope(id).build())))
                    .port(0).tls(store, PASSWORD).hostName(PortalHostTest.BONN_HOST, PortalHostTest.BONN).start()) {
                RawHttp https = RawHttp.tls(client.sslSocketFactory(), host.port());

                RawHttp.Response byPath = https.get("localhost", "/053150000000/start");
                RawHttp.Response byHost = https.get(PortalHostTest.BONN_HOST, "/start");

                assertThat(host.baseUri().getScheme()).isEqualTo("https");
                assertThat(byPath.body()).isEqualTo("secure=true values=0");
                assertThat(byPath.header("strict-transport-security")).contains("max-age=31536000");
                assertThat(byPath.header("set-cookie").orElseThrow()).matches(
                        "__Secure-ozg-flow=[A-Za-z0-9_-]{43}; Path=/053150000000; HttpOnly; SameSite=Lax; Secure");
                assertThat(byHost.header("set-cookie").orElseThrow()).matches(
                        "__Host-ozg-flow=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Secure");
                String cookie = byHost.cookies().get("__Host-ozg-flow");
                assertThat(https.get(PortalHostTest.BONN_HOST, "/next", "Cookie", cookie).header("set-cookie"))
                        .as("the session is found again, no new cookie").isEmpty();
            }
        }
    }
}
