package de.ozgsdk.portal.web;

import de.ozgsdk.portal.host.PortalHost;
import de.ozgsdk.portal.runtime.ReceiptRenderer;
import de.ozgsdk.portal.runtime.WebPortalWorld;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The two ways the tests mount {@link OzgServlet}: per tenant in the central {@link PortalHost} (flow sessions in the
 * database), and as one servlet under {@code /portal/buergerservice/*} of a plain Jetty "legacy portal" with its own
 * pages and the container's {@code HttpSession}, registered from a {@link ServletContainerInitializer}.
 */
final class WebPortals {

    /** A receipt "document" that names the submission and the payment reference, as plain text. */
    static final ReceiptRenderer TEXT_RECEIPT = (receipt, service, tenant) -> new ReceiptRenderer.RenderedReceipt(
            "eingangsbestaetigung.txt", "text/plain;charset=UTF-8", ("Eingangsbestätigung " + receipt.submissionId()
                    + " " + receipt.paymentReference().orElse("-")).getBytes(StandardCharsets.UTF_8));

    static final byte[] CSRF_KEY = "a key of at least 32 bytes, only for tests".getBytes(StandardCharsets.UTF_8);

    private WebPortals() {
    }

    /** A running portal: where its Köln service lives, its node, and how to stop it. */
    record Running(URI koeln, URI bonn, WebPortalWorld.Node node, AutoCloseable stop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    /** The central host on a free port: Köln under {@code /053150000000}, Bonn under {@code /053140000000}. */
    static Running central(WebPortalWorld world) {
        return central(world, TEXT_RECEIPT);
    }

    /** The central host with {@code receipts} as the receipt renderer. */
    static Running central(WebPortalWorld world, ReceiptRenderer receipts) {
        int port = freePort();
        URI root = URI.create("http://localhost:" + port);
        URI koeln = URI.create(root + "/" + WebPortalWorld.KOELN.value());
        WebPortalWorld.Node node = world.node(URI.create(koeln + "/login/acs"), receipts);
        CsrfProtection csrf = CsrfProtection.of(CSRF_KEY);
        PortalHost host = PortalHost.builder(world.tenants(), tenant -> OzgServlet.builder(node.runtime, csrf,
                JdbcFlowSessions.builder(node.database).scope(tenant.tenant().id().value()).build()).build())
                .port(port).start();
        return new Running(koeln, URI.create(root + "/" + WebPortalWorld.BONN.value()), node, host);
    }

    /** A plain Jetty legacy portal of Köln with the service under {@code /portal/buergerservice}. */
    static Running legacy(WebPortalWorld world) throws Exception {
        int port = freePort();
        URI koeln = URI.create("http://localhost:" + port + "/portal/buergerservice");
        WebPortalWorld.Node node = world.node(URI.create(koeln + "/login/acs"), TEXT_RECEIPT);
        OzgServlet servlet = OzgServlet.builder(node.runtime, CsrfProtection.of(CSRF_KEY),
                        HttpSessionFlowSessions.of(WebPortalWorld.KOELN.value()))   // the portal's HttpSession
                .tenant(WebPortalWorld.KOELN)                                      // one municipality
                .build();
        ServletContainerInitializer mount = (classes, context) -> servlet.register(context, "/buergerservice/*");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/portal", ServletContextHandler.SESSIONS);
        context.addServlet(new ServletHolder(new LegacyHome()), "/");
        context.addServletContainerInitializer(mount);
        server.setHandler(context);
        server.start();
        return new Running(koeln, null, node, server::stop);
    }

    /** The legacy portal's own start page. */
    private static final class LegacyHome extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"de\"><head><title>Bürgerportal</title></head>"
                    + "<body><h1>Bürgerportal Köln</h1><a href=\"buergerservice/\">Onlinedienste</a></body></html>");
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
