package de.ozgsdk.portal.spring;

import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.web.CsrfProtection;
import de.ozgsdk.portal.web.FlowSessions;
import de.ozgsdk.portal.web.HttpSessionFlowSessions;
import de.ozgsdk.portal.web.JdbcFlowSessions;
import de.ozgsdk.portal.web.OzgServlet;
import de.ozgsdk.portal.web.SecurityHeadersFilter;
import java.util.Base64;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Mounts the portal in a servlet web application: {@link OzgServlet} under {@code ozg.portal.path} (default
 * {@code /ozg/*}) and the {@link SecurityHeadersFilter} on the same path. Only when the Jakarta Servlet API is there
 * and the application is a servlet web application; {@code ozg.portal.web.enabled=false} leaves the mounting to the
 * application.
 */
@AutoConfiguration(after = OzgPortalAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"jakarta.servlet.http.HttpServlet", "de.ozgsdk.portal.web.OzgServlet"})
@ConditionalOnProperty(name = "ozg.portal.web.enabled", matchIfMissing = true)
@ConditionalOnBean(ServiceRuntime.class)
public class OzgPortalWebAutoConfiguration {

    /** The CSRF protection with the key all nodes share. */
    @Bean
    @ConditionalOnMissingBean
    public CsrfProtection ozgCsrfProtection(OzgPortalProperties properties, PortalSettings settings) {
        OzgPortalProperties.Web web = properties.getWeb();
        String base64 = web.getCsrfKeyFile() != null
                ? PortalSettings.readText("ozg.portal.web.csrf-key-file", web.getCsrfKeyFile()).strip()
                : settings.secret("ozg.portal.web.csrf-key", web.getCsrfKey(),
                        "CSRF tokens are signed with a key all nodes share (or set ozg.portal.web.csrf-key-file)");
        try {
            CsrfProtection.Builder builder = CsrfProtection.builder(Base64.getDecoder().decode(base64));
            web.getTrustedOrigins().forEach(builder::trustedOrigin);
            return builder.build();
        } catch (IllegalArgumentException | OzgException e) {
            throw PortalSettingException.invalid(web.getCsrfKeyFile() != null ? "ozg.portal.web.csrf-key-file"
                    : "ozg.portal.web.csrf-key", "not Base64 of at least 32 bytes", e);
        }
    }

    /** Flow sessions in the container's HTTP session or, for several nodes without sticky sessions, the database. */
    @Bean
    @ConditionalOnMissingBean
    public FlowSessions ozgFlowSessions(OzgPortalProperties properties, Database database) {
        OzgPortalProperties.Web web = properties.getWeb();
        String scope = web.getTenant() != null ? web.getTenant() : "ozg";
        switch (web.getSessions()) {
            case "http-session":
                return HttpSessionFlowSessions.of(scope);
            case "database":
                return JdbcFlowSessions.builder(database).scope(scope).build();
            default:
                throw PortalSettingException.invalid("ozg.portal.web.sessions",
                        "\"" + web.getSessions() + "\" is neither http-session nor database", null);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public SecurityHeadersFilter ozgSecurityHeaders() {
        return SecurityHeadersFilter.defaults();
    }

    @Bean
    @ConditionalOnMissingBean
    public OzgServlet ozgServlet(OzgPortalProperties properties, ServiceRuntime runtime, CsrfProtection csrf,
            FlowSessions sessions, SecurityHeadersFilter headers) {
        OzgServlet.Builder builder = OzgServlet.builder(runtime, csrf, sessions).securityHeaders(headers);
        if (properties.getWeb().getTenant() != null) {
            try {
                builder.tenant(TenantId.parse(properties.getWeb().getTenant()));
            } catch (OzgException e) {
                throw PortalSettingException.invalid("ozg.portal.web.tenant", e.getMessage(), e);
            }
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean(name = "ozgServletRegistration")
    public ServletRegistrationBean<OzgServlet> ozgServletRegistration(OzgServlet servlet,
            OzgPortalProperties properties) {
        ServletRegistrationBean<OzgServlet> registration = new ServletRegistrationBean<>(servlet,
                checkedPath(properties.getPath()));
        registration.setName("ozgPortal");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "ozgSecurityHeadersRegistration")
    public FilterRegistrationBean<SecurityHeadersFilter> ozgSecurityHeadersRegistration(
            SecurityHeadersFilter filter, OzgPortalProperties properties) {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(checkedPath(properties.getPath()));
        registration.setName("ozgSecurityHeaders");
        return registration;
    }

    private static String checkedPath(String path) {
        if (path == null || !path.matches("(/[A-Za-z0-9._~-]+)+/\\*")) {
            throw PortalSettingException.invalid("ozg.portal.path",
                    "\"" + path + "\" is not a path mapping such as /ozg/*", null);
        }
        return path;
    }
}
