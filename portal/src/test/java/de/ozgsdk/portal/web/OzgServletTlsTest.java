package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.portal.host.PortalHost;
import de.ozgsdk.portal.runtime.WebPortalWorld;
import de.ozgsdk.sandbox.SandboxPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** Over TLS the servlet's answers carry HSTS and the flow cookie is {@code Secure}; over plain HTTP neither. */
class OzgServletTlsTest {

    @Test
    void overTlsTheAnswersCarryHstsAndASecureCookieAndOverPlainHttpNot() throws Exception {
        SandboxPki pki = SandboxPki.generate();
        PrivateKeyCredential server = pki.localServer();
        char[] password = "geheim".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("portal", server.privateKey(), password, server.chain().toArray(Certificate[]::new));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", pki.caCertificate());
        TrustManagerFactory trusting = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusting.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trusting.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();

        int port = WebPortals.freePort();
        URI koeln = URI.create("https://localhost:" + port + "/" + WebPortalWorld.KOELN.value());
        try (WebPortalWorld world = new WebPortalWorld("h2")) {
            WebPortalWorld.Node node = world.node(URI.create(koeln + "/login/acs"), WebPortals.TEXT_RECEIPT);
            CsrfProtection csrf = CsrfProtection.of(WebPortals.CSRF_KEY);
            try (PortalHost host = PortalHost.builder(world.tenants(), tenant -> OzgServlet.builder(node.runtime,
                            csrf, JdbcFlowSessions.builder(node.database).scope(tenant.tenant().id().value()).build())
                            .build())
                    .port(port).tls(keys, password).start();
                    WebPortals.Running plain = WebPortals.central(world)) {
                HttpResponse<String> secure = client.send(HttpRequest.newBuilder(URI.create(koeln + "/dienst/"
                        + WebPortalWorld.PERMIT)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(secure.statusCode()).isEqualTo(200);
                assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                        hsts -> assertThat(hsts).startsWith("max-age="));
                assertThat(secure.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("__Secure-ozg-flow=").contains("Secure").contains("HttpOnly"));

                HttpResponse<String> insecure = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        plain.koeln() + "/dienst/" + WebPortalWorld.PERMIT)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(insecure.statusCode()).isEqualTo(200);
                assertThat(insecure.headers().firstValue("Strict-Transport-Security")).isEmpty();
            }
        }
    }
}
