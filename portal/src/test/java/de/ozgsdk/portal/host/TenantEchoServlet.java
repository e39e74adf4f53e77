package de.ozgsdk.portal.host;

import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.web.TenantResolution;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tenant's service servlet for the host's tests: it answers with its own tenant's configuration and the paths it
 * sees, and with 500 if the request's resolved tenant is not the one it was made for.
 */
final class TenantEchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger INSTANCES = new AtomicInteger();

    private final transient PortalTenant tenant;
    private final int instance = INSTANCES.incrementAndGet();
    private volatile boolean destroyed;

    TenantEchoServlet(PortalTenant tenant) {
        this.tenant = tenant;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TenantResolution resolution = TenantResolution.require(request);
        if (resolution.tenant() != tenant || destroyed) {
            response.sendError(500, "MISMATCH");
            return;
        }
        String text = "tenant=" + tenant.tenant().id()
                + "\nname=" + tenant.tenant().name().get(Locale.GERMAN)
                + "\nsender=" + tenant.postboxSender().orElse("-")
                + "\nhaushaltsstelle=" + tenant.defaultPaymentAccount().map(a -> a.haushaltsstelle()).orElse("-")
                + "\nby=" + resolution.by() + "\nmount=" + resolution.mountPath()
                + "\nservletPath=" + request.getServletPath() + "\npathInfo=" + request.getPathInfo()
                + "\ninstance=" + instance + "\n";
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void destroy() {
        destroyed = true;
    }
}
