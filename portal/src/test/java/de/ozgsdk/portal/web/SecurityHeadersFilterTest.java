package de.ozgsdk.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    /** Answers every page with a text, as a service page would. */
    static final class PageServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("page " + request.getPathInfo());
        }
    }

    @Test
    void setsAPolicyWithoutInlineScriptAndForbidsFramingByDefault() throws Exception {
        try (LegacyPortal portal = new LegacyPortal(new PageServlet(), SecurityHeadersFilter.defaults())) {
            RawHttp.Response page = portal.http().get("localhost", LegacyPortal.MOUNT + "/step/1");

            assertThat(page.header("content-security-policy")).contains("default-src 'self'; script-src 'self';"
                    + " style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none';"
                    + " base-uri 'none'; object-src 'none'");
            assertThat(page.header("content-security-policy").orElseThrow()).doesNotContain("unsafe");
            assertThat(page.header("x-frame-options")).contains("DENY");
            assertThat(page.header("x-content-type-options")).contains("nosniff");
            assertThat(page.header("referrer-policy")).contains("same-origin");
            assertThat(page.header("permissions-policy").orElseThrow()).contains("camera=()", "geolocation=()");
            assertThat(page.header("cache-control")).contains("no-store");
            assertThat(page.header("strict-transport-security")).as("no HSTS over plain HTTP").isEmpty();
        }
    }

    @Test
    void letsALegacyPortalFrameTheServiceAndFormsGoToTheIdentityProviderAndPayment() throws Exception {
        SecurityHeadersFilter headers = SecurityHeadersFilter.builder()
                .formAction("https://idp.servicekonto.example")
                .formAction("https://epay.example:8443")
                .frameAncestor("https://www.musterhausen.de")
                .cacheablePathPrefix("/static/")
                .build();
        try (LegacyPortal portal = new LegacyPortal(new PageServlet(), headers)) {
            RawHttp.Response page = portal.http().get("localhost", LegacyPortal.MOUNT + "/step/1");
            RawHttp.Response asset = portal.http().get("localhost", LegacyPortal.MOUNT + "/static/ozg.css");

            assertThat(page.header("content-security-policy").orElseThrow()).contains(
                    "form-action 'self' https://idp.servicekonto.example https://epay.example:8443;",
                    "frame-ancestors https://www.musterhausen.de;");
            assertThat(page.header("x-frame-options")).isEmpty();
            assertThat(page.header("cache-control")).contains("no-store");
            assertThat(asset.header("cache-control")).isEmpty();
            assertThat(asset.header("content-security-policy")).isPresent();
        }
    }

    @Test
    void refusesOriginsThatWouldSmuggleSomethingIntoThePolicy() {
        for (String bad : new String[] {"https://idp.example; script-src *", "*", "https://*.example",
                "http://idp.example", "https://idp.example/path", "javascript:alert(1)", "'unsafe-inline'"}) {
            assertThatThrownBy(() -> SecurityHeadersFilter.builder().formAction(bad)).as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("OZG-PORTAL-506");
        }
        assertThat(SecurityHeadersFilter.builder().formAction("http://localhost:8081").build()
                .contentSecurityPolicy()).contains("form-action 'self' http://localhost:8081;");
    }
}
