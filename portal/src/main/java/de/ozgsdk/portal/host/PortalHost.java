package de.ozgsdk.portal.host;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.tenant.PortalTenant;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.portal.web.SecurityHeadersFilter;
import de.ozgsdk.portal.web.TenantResolution;
import de.ozgsdk.portal.web.internal.ErrorPages;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded host of the central portal (Jetty 12): serves many municipalities from one process, recognising the
 * tenant of a request by its host name ({@code koeln.portal.example}) or by its first path segment (the tenant id,
 * i.e. the Regionalschlüssel, or a configured slug such as {@code /koeln/}). Each tenant gets its own servlet
 * instance from the factory, behind the {@link SecurityHeadersFilter}; the servlet finds its tenant as
 * {@link TenantResolution} on the request and sees its mount path as servlet path.
 *
 * <pre>{@code
 * PortalHost host = PortalHost.builder(tenants, tenant -> new ServiceServlet(tenant))
 *         .port(0)                                              // any free port (default 8080)
 *         .slug(TenantId.parse("053150000000"), "koeln")        // http://localhost:port/koeln/...
 *         .hostName("bonn.portal.example", TenantId.parse("053140000000"))
 *         .start();
 * // ... at shutdown:
 * host.close();                                                 // requests under way finish first
 * }</pre>
 *
 * <p>Besides the tenants it answers {@code /} with the list of municipalities, {@code /-/health} with
 * {@code {"status":"UP"}} (503 when the tenant directory fails) and everything else with a 404 page that names
 * nothing; a failure inside a tenant's servlet gets a 500 page that says nothing about it (logged by exception class
 * only). When a tenant's configuration changes in its directory, the next request gets a new servlet instance for
 * it. {@link #close()} stops gracefully: requests under way finish (up to the stop timeout), new ones are refused.
 */
public final class PortalHost implements AutoCloseable {

    /** The path of the health endpoint; a tenant id or slug cannot start with {@code -}, so it never clashes. */
    public static final String HEALTH_PATH = "/-/health";

    private static final Logger LOG = LoggerFactory.getLogger(PortalHost.class);
    private static final Pattern TENANT_SEGMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Server server;
    private final ServerConnector connector;
    private final Dispatcher dispatcher;
    private final boolean tls;

    private PortalHost(Builder builder) {
        this.tls = builder.keyStore != null;
        this.server = new Server();
        this.connector = connector(builder);
        server.addConnector(connector);
        this.dispatcher = new Dispatcher(builder);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("ozg-portal-host", dispatcher), "/*");
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        context.setErrorHandler(errors);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(context);
        server.setHandler(graceful);
        server.setStopTimeout(builder.stopTimeout.toMillis());
        server.setStopAtShutdown(false);
    }

    /**
     * Configures a host for the tenants of {@code tenants}; {@code servlets} makes the servlet of one tenant (it is
     * initialised by the host and destroyed when the host stops).
     */
    public static Builder builder(TenantDirectory tenants, Function<PortalTenant, ? extends Servlet> servlets) {
        return new Builder(tenants, servlets);
    }

    /** The port the host listens on (the free port chosen when configured with 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port/} or {@code https://...} of the bind address, for tests and logs. */
    public URI baseUri() {
        String host = connector.getHost() == null ? "localhost" : connector.getHost();
        return URI.create((tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + port() + "/");
    }

    /** Blocks until the host stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops gracefully: no new requests, those under way finish up to the stop timeout; then the tenants' servlets
     * are destroyed.
     *
     * @throws ConfigurationException ({@code OZG-PORTAL-508}) if Jetty fails to stop
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new ConfigurationException(PortalError.HOST_START_FAILED, e, "stop", e.getClass().getSimpleName());
        } finally {
            dispatcher.destroyTenants();
        }
    }

    private PortalHost started() {
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new ConfigurationException(PortalError.HOST_START_FAILED, e, "start", e.getClass().getSimpleName());
        }
        LOG.info("portal host listening on port {} ({})", port(), tls ? "TLS" : "plain HTTP");
        return this;
    }

    private ServerConnector connector(Builder builder) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector created;
        if (builder.keyStore == null) {
            created = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Tenants are recognised by host name: a certificate for *.portal.example serves them all, and a request
            // for a name the certificate does not cover is the TLS client's concern, not a reason to refuse it here.
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            http.setSecureScheme("https");
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(builder.keyStore);
            ssl.setKeyStorePassword(new String(builder.keyStorePassword));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            created = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
        }
        created.setHost(builder.bindAddress);
        created.setPort(builder.port);
        return created;
    }

    /** The one servlet of the host: resolves the tenant and hands the request to that tenant's servlet. */
    private static final class Dispatcher extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private final transient TenantDirectory tenants;
        private final transient Function<PortalTenant, ? extends Servlet> factory;
        private final Map<String, TenantId> bySlug;
        private final Map<TenantId, String> slugOf;
        private final Map<String, TenantId> byHostName;
        private final transient SecurityHeadersFilter securityHeaders;
        private final transient Map<TenantId, Mounted> mounted = new ConcurrentHashMap<>();
        private final transient List<Servlet> retired = Collections.synchronizedList(new ArrayList<>());

        /** A tenant's servlet and the configuration it was made for. */
        private record Mounted(PortalTenant tenant, Servlet servlet) {
        }

        Dispatcher(Builder builder) {
            this.tenants = builder.tenants;
            this.factory = builder.servlets;
            this.bySlug = Map.copyOf(builder.bySlug);
            this.slugOf = Map.copyOf(builder.slugOf);
            this.byHostName = Map.copyOf(builder.byHostName);
            this.securityHeaders = builder.securityHeaders;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
            securityHeaders.apply(request, response);
            if (path.equals(HEALTH_PATH)) {
                health(response);
                return;
            }
            TenantId byHost = byHostName.get(request.getServerName().toLowerCase(Locale.ROOT));
            if (byHost != null) {
                Optional<PortalTenant> tenant = tenants.find(byHost);
                if (tenant.isEmpty()) {
                    ErrorPages.notFound(request, response);
                    return;
                }
                dispatch(new TenantResolution(tenant.get(), TenantResolution.By.HOST_NAME, ""), path, request,
                        response);
                return;
            }
            if (path.equals("/")) {
                index(request, response);
                return;
            }
            int end = path.indexOf('/', 1);
            String segment = end < 0 ? path.substring(1) : path.substring(1, end);
            Optional<PortalTenant> tenant = byPath(segment);
            if (tenant.isEmpty()) {
                ErrorPages.notFound(request, response);
                return;
            }
            if (end < 0) {
                // /koeln -> /koeln/: relative links of the service resolve below its mount path
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", "/" + segment + "/");
                return;
            }
            dispatch(new TenantResolution(tenant.get(), TenantResolution.By.PATH, "/" + segment),
                    path.substring(end), request, response);
        }

        private Optional<PortalTenant> byPath(String segment) {
            TenantId slugged = bySlug.get(segment);
            if (slugged != null) {
                return tenants.find(slugged);
            }
            if (!TENANT_SEGMENT.matcher(segment).matches()) {
                return Optional.empty();
            }
            return tenants.find(TenantId.parse(segment));
        }

        private void dispatch(TenantResolution resolution, String rest, HttpServletRequest request,
                HttpServletResponse response) throws ServletException, IOException {
            Servlet servlet = servletOf(resolution.tenant());
            resolution.applyTo(request);
            MountedRequest mounted = new MountedRequest(request, resolution.mountPath(), rest);
            // again, as the tenant's servlet sees the path: cacheable prefixes are below its mount path
            securityHeaders.apply(mounted, response);
            try {
                servlet.service(mounted, response);
            } catch (ServletException | IOException | RuntimeException e) {
                // The message may hold personal data (a value the citizen typed): log the kind only, show nothing.
                LOG.error("the servlet of tenant {} failed ({})", resolution.tenant().tenant().id(),
                        e.getClass().getName());
                if (!response.isCommitted()) {
                    response.reset();
                    securityHeaders.apply(mounted, response);
                    ErrorPages.serverError(request, response);
                }
            }
        }

        private Servlet servletOf(PortalTenant tenant) throws ServletException {
            TenantId id = tenant.tenant().id();
            Mounted current = mounted.get(id);
            if (current != null && current.tenant() == tenant) {
                return current.servlet();
            }
            synchronized (this) {
                current = mounted.get(id);
                if (current != null && current.tenant() == tenant) {
                    return current.servlet();
                }
                Servlet servlet = Objects.requireNonNull(factory.apply(tenant), "the servlet factory returned null");
                servlet.init(new TenantServletConfig("ozg-tenant-" + id.value(), getServletContext()));
                mounted.put(id, new Mounted(tenant, servlet));
                if (current != null) {
                    // Requests may still run in the old instance: destroy it when the host stops.
                    retired.add(current.servlet());
                }
                return servlet;
            }
        }

        void destroyTenants() {
            List<Servlet> all = new ArrayList<>(retired);
            mounted.values().forEach(m -> all.add(m.servlet()));
            mounted.clear();
            retired.clear();
            for (Servlet servlet : all) {
                try {
                    servlet.destroy();
                } catch (RuntimeException e) {
                    LOG.warn("a tenant servlet failed to stop ({})", e.getClass().getSimpleName());
                }
            }
        }

        private void health(HttpServletResponse response) throws IOException {
            String body;
            try {
                body = "{\"status\":\"UP\",\"tenants\":" + tenants.all().size() + "}";
                response.setStatus(HttpServletResponse.SC_OK);
            } catch (RuntimeException e) {
                LOG.warn("health check: tenant directory failed ({})", e.getClass().getSimpleName());
                body = "{\"status\":\"DOWN\"}";
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
            response.setContentType("application/json");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }

        private void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
            boolean english = ErrorPages.english(request);
            Locale locale = english ? Locale.ENGLISH : Locale.GERMAN;
            String title = english ? "Online services of the municipalities" : "Onlinedienste der Kommunen";
            StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
                    .append(english ? "en" : "de").append("\">\n<head><meta charset=\"utf-8\">")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                    .append(title).append("</title></head>\n<body><main><h1>").append(title).append("</h1>\n<ul>\n");
            for (PortalTenant tenant : tenants.all()) {
                String segment = slugOf.getOrDefault(tenant.tenant().id(), tenant.tenant().id().value());
                page.append("<li><a href=\"/").append(ErrorPages.escape(segment)).append("/\">")
                        .append(ErrorPages.escape(tenant.tenant().name().get(locale))).append("</a></li>\n");
            }
            page.append("</ul></main></body>\n</html>\n");
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(page.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The request as the tenant's servlet sees it: its mount path as servlet path, the rest as path info. */
    private static final class MountedRequest extends HttpServletRequestWrapper {
        private final String servletPath;
        private final String pathInfo;

        MountedRequest(HttpServletRequest request, String servletPath, String pathInfo) {
            super(request);
            this.servletPath = servletPath;
            this.pathInfo = pathInfo;
        }

        @Override
        public String getServletPath() {
            return servletPath;
        }

        @Override
        public String getPathInfo() {
            return pathInfo;
        }
    }

    /** The configuration a tenant's servlet is initialised with. */
    private record TenantServletConfig(String name, ServletContext context) implements ServletConfig {
        @Override
        public String getServletName() {
            return name;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public String getInitParameter(String parameter) {
            return null;
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.emptyEnumeration();
        }
    }

    /** Configures a {@link PortalHost}. */
    public static final class Builder {
        private static final String NAME = "[a-z0-9][a-z0-9-]{0,63}";

        private final TenantDirectory tenants;
        private final Function<PortalTenant, ? extends Servlet> servlets;
        private int port = 8080;
        private String bindAddress = "127.0.0.1";
        private KeyStore keyStore;
        private char[] keyStorePassword;
        private SecurityHeadersFilter securityHeaders = SecurityHeadersFilter.defaults();
        private Duration stopTimeout = Duration.ofSeconds(30);
        private final Map<String, TenantId> bySlug = new HashMap<>();
        private final Map<TenantId, String> slugOf = new HashMap<>();
        private final Map<String, TenantId> byHostName = new HashMap<>();

        private Builder(TenantDirectory tenants, Function<PortalTenant, ? extends Servlet> servlets) {
            this.tenants = Objects.requireNonNull(tenants, "tenants");
            this.servlets = Objects.requireNonNull(servlets, "servlets");
        }

        /** The port, 0 for any free one (default 8080). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw invalid("port", port + " is not 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /** The address to listen on (default {@code 127.0.0.1}, behind a reverse proxy; {@code 0.0.0.0} for all). */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** Serves HTTPS with the key and certificate chain in {@code keyStore} (default: plain HTTP). */
        public Builder tls(KeyStore keyStore, char[] password) {
            this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
            this.keyStorePassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /** The security headers of every answer (default {@link SecurityHeadersFilter#defaults()}). */
        public Builder securityHeaders(SecurityHeadersFilter securityHeaders) {
            this.securityHeaders = Objects.requireNonNull(securityHeaders, "securityHeaders");
            return this;
        }

        /** How long a stop waits for requests under way (default 30 s). */
        public Builder stopTimeout(Duration stopTimeout) {
            Objects.requireNonNull(stopTimeout, "stopTimeout");
            if (stopTimeout.isNegative()) {
                throw invalid("stopTimeout", "negative");
            }
            this.stopTimeout = stopTimeout;
            return this;
        }

        /**
         * Serves {@code tenant} also under {@code /slug/} (it is always served under its id, {@code /053150000000/});
         * a slug is 1 to 64 lower-case letters, digits and hyphens, used by one tenant only.
         */
        public Builder slug(TenantId tenant, String slug) {
            Objects.requireNonNull(tenant, "tenant");
            if (slug == null || !slug.matches(NAME)) {
                throw invalid("slug", "\"" + slug + "\" is not 1 to 64 of a-z 0-9 -, starting with a letter or digit");
            }
            TenantId other = bySlug.putIfAbsent(slug, tenant);
            if (other != null && !other.equals(tenant)) {
                throw invalid("slug", "\"" + slug + "\" is given to two tenants");
            }
            slugOf.put(tenant, slug);
            return this;
        }

        /** Serves {@code tenant} at the root of requests for {@code hostName} (e.g. {@code koeln.portal.example}). */
        public Builder hostName(String hostName, TenantId tenant) {
            Objects.requireNonNull(tenant, "tenant");
            if (hostName == null || !hostName.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*"
                    + "[A-Za-z0-9])?)*")) {
                throw invalid("hostName", "\"" + hostName + "\" is not a host name");
            }
            if (byHostName.putIfAbsent(hostName.toLowerCase(Locale.ROOT), tenant) != null) {
                throw invalid("hostName", "\"" + hostName + "\" is given twice");
            }
            return this;
        }

        /**
         * Starts the host.
         *
         * @throws ConfigurationException ({@code OZG-PORTAL-508}) if it cannot listen (port taken, bad TLS key)
         */
        public PortalHost start() {
            return new PortalHost(this).started();
        }

        private static InvalidInputException invalid(String setting, String what) {
            return new InvalidInputException(PortalError.WEB_SETTING_INVALID, setting, what);
        }
    }
}
