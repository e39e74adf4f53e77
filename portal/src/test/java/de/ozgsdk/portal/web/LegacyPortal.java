package de.ozgsdk.portal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An existing Java portal on plain Jetty 12 (context {@code /legacy}, with HTTP sessions) that mounts a service
 * servlet under {@code /ozg/*} behind the {@link SecurityHeadersFilter}, as the adapter's documentation says.
 */
public final class LegacyPortal implements AutoCloseable {

    public static final String MOUNT = "/legacy/ozg";

    private final Server server;
    private final ServerConnector connector;

    public LegacyPortal(Servlet servlet, SecurityHeadersFilter headers) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/legacy", ServletContextHandler.SESSIONS);
        context.addFilter(new FilterHolder(headers), "/ozg/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(servlet), "/ozg/*");
        server.setHandler(context);
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public RawHttp http() {
        return RawHttp.plain(connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
