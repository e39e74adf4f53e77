package de.ozgsdk.portal.web;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Sets the security headers of every page of an online service: a Content-Security-Policy without inline script or
 * style, HSTS on TLS requests, {@code frame-ancestors} ({@code 'none'} unless a legacy portal frames the service),
 * {@code X-Content-Type-Options}, {@code Referrer-Policy}, {@code Permissions-Policy} and {@code Cache-Control:
 * no-store}, since service pages show personal data (static assets under configured prefixes may be cached).
 *
 * <pre>{@code
 * SecurityHeadersFilter headers = SecurityHeadersFilter.builder()
 *         .formAction("https://idp.bundid.de")          // SAML POST binding to the Servicekonto
 *         .formAction("https://epaybl.nrw.de")           // payment page
 *         .frameAncestor("https://www.stadt-musterhausen.de") // a legacy portal that frames the service
 *         .cacheablePathPrefix("/static/")
 *         .build();
 * context.addFilter("ozg-security-headers", headers).addMappingForUrlPatterns(null, false, "/ozg/*");
 * }</pre>
 *
 * <p>The headers are set before the servlet runs, so they are on every answer, errors included. Thread-safe.
 */
public final class SecurityHeadersFilter implements Filter {

    private final String contentSecurityPolicy;
    private final String strictTransportSecurity;
    private final boolean framingForbidden;
    private final List<String> cacheablePrefixes;

    private SecurityHeadersFilter(Builder builder) {
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " form-action " + String.join(" ", with("'self'", builder.formActions)) + ";"
                + " frame-ancestors " + (builder.frameAncestors.isEmpty() ? "'none'"
                        : String.join(" ", builder.frameAncestors)) + ";"
                + " base-uri 'none'; object-src 'none'";
        this.strictTransportSecurity = "max-age=" + builder.hstsMaxAge.toSeconds()
                + (builder.hstsIncludeSubDomains ? "; includeSubDomains" : "");
        this.framingForbidden = builder.frameAncestors.isEmpty();
        this.cacheablePrefixes = List.copyOf(builder.cacheablePrefixes);
    }

    /** The default headers: forms only to this origin, no framing, no caching. */
    public static SecurityHeadersFilter defaults() {
        return builder().build();
    }

    /** Configures the headers. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Content-Security-Policy this filter sets. */
    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            apply(http, answer);
        }
        chain.doFilter(request, response);
    }

    /** Sets the headers on {@code response}, for a servlet or framework that does not use filters. */
    public void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy",
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (framingForbidden) {
            // Older browsers ignore frame-ancestors; X-Frame-Options cannot name a list, so only when nobody frames us.
            response.setHeader("X-Frame-Options", "DENY");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", strictTransportSecurity);
        }
        if (!cacheable(request)) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
    }

    private boolean cacheable(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return cacheablePrefixes.stream().anyMatch(path::startsWith);
    }

    private static List<String> with(String first, Set<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** Configures a {@link SecurityHeadersFilter}. */
    public static final class Builder {
        private final Set<String> formActions = new LinkedHashSet<>();
        private final Set<String> frameAncestors = new LinkedHashSet<>();
        private final Set<String> cacheablePrefixes = new LinkedHashSet<>();
        private Duration hstsMaxAge = Duration.ofDays(365);
        private boolean hstsIncludeSubDomains;

        private Builder() {
        }

        /**
         * Allows forms to be sent to another origin besides this one, e.g. the Servicekonto's SAML endpoint or the
         * payment page; an origin is {@code https://host} or {@code https://host:port} (http only for localhost).
         */
        public Builder formAction(String origin) {
            formActions.add(origin("formAction", origin));
            return this;
        }

        /**
         * Allows a page of {@code origin} to frame the service (a legacy portal that embeds it in an iframe);
         * default: no framing at all ({@code frame-ancestors 'none'}).
         */
        public Builder frameAncestor(String origin) {
            frameAncestors.add(origin("frameAncestor", origin));
            return this;
        }

        /**
         * Lets answers under this path (below the mount path, e.g. {@code /static/}) be cached; every other answer
         * gets {@code Cache-Control: no-store}, since it may show personal data.
         */
        public Builder cacheablePathPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (!prefix.matches("/[A-Za-z0-9._~/-]*/")) {
                throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "cacheablePathPrefix",
                        "\"" + prefix + "\" must start and end with / and hold only path characters");
            }
            cacheablePrefixes.add(prefix);
            return this;
        }

        /** The HSTS lifetime, at least one day (default 365 days), and whether it covers subdomains (default no). */
        public Builder hsts(Duration maxAge, boolean includeSubDomains) {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.compareTo(Duration.ofDays(1)) < 0) {
                throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "hsts", "max-age below one day");
            }
            this.hstsMaxAge = maxAge;
            this.hstsIncludeSubDomains = includeSubDomains;
            return this;
        }

        /** The filter. */
        public SecurityHeadersFilter build() {
            return new SecurityHeadersFilter(this);
        }

        /** An origin fit for a CSP source list: scheme, host and port only, so nothing can be smuggled in. */
        private static String origin(String setting, String text) {
            Objects.requireNonNull(text, setting);
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw invalidOrigin(setting, text);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            boolean local = "localhost".equals(host) || "127.0.0.1".equals(host);
            if (host == null || !(scheme.equals("https") || scheme.equals("http") && local)
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    || !host.matches("[A-Za-z0-9.-]+")) {
                throw invalidOrigin(setting, text);
            }
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        }

        private static InvalidInputException invalidOrigin(String setting, String text) {
            return new InvalidInputException(PortalError.WEB_SETTING_INVALID, setting, "\"" + text
                    + "\" is not an origin such as https://idp.example.de or https://portal.example.de:8443"
                    + " (http only for localhost; no path, query or wildcard)");
        }
    }
}
