package de.ozgsdk.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the portal sends to the browser to start a login: a {@link Redirect} (HTTP 302/303 to the identity provider)
 * or an {@link AutoPost} form (SAML HTTP-POST binding). Both name the {@link #requestId()} the provider remembered,
 * e.g. to bind it to the browser session.
 */
public sealed interface LoginChallenge permits LoginChallenge.Redirect, LoginChallenge.AutoPost {

    /** The id of the pending request (SAML {@code AuthnRequest/@ID}, OIDC {@code state}). */
    String requestId();

    /**
     * A redirect to {@code location} (SAML HTTP-Redirect binding, OIDC authorization request).
     *
     * @param requestId the id of the pending request
     * @param location  the URL to send the browser to, with all query parameters
     */
    record Redirect(String requestId, URI location) implements LoginChallenge {

        public Redirect {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * A form that the browser POSTs to {@code action} (SAML HTTP-POST binding): {@link #html(Locale)} is a complete
     * page that submits itself with a small inline script and shows a button for browsers without JavaScript.
     *
     * @param requestId the id of the pending request
     * @param action    the identity provider's endpoint
     * @param fields    the hidden form fields in order, e.g. {@code SAMLRequest} and {@code RelayState}
     */
    record AutoPost(String requestId, URI action, Map<String, String> fields) implements LoginChallenge {

        /** The auto-submit script; its hash goes into the Content-Security-Policy. */
        static final String SCRIPT = "document.getElementById('ozg-login').submit();";

        public AutoPost {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(action, "action");
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The page in German or English (other languages get German), every value HTML-escaped. */
        public String html(Locale locale) {
            boolean english = "en".equals(locale.getLanguage());
            StringBuilder page = new StringBuilder(2048)
                    .append("<!DOCTYPE html>\n<html lang=\"").append(english ? "en" : "de").append("\">\n<head>")
                    .append("<meta charset=\"utf-8\"><title>")
                    .append(english ? "Continue to login" : "Weiter zur Anmeldung")
                    .append("</title></head>\n<body>\n<form id=\"ozg-login\" method=\"post\" action=\"")
                    .append(escape(action.toString())).append("\">\n");
            fields.forEach((name, value) -> page.append("<input type=\"hidden\" name=\"").append(escape(name))
                    .append("\" value=\"").append(escape(value)).append("\">\n"));
            return page.append("<p>")
                    .append(english ? "You are being forwarded to the login. If nothing happens, press the button."
                            : "Sie werden zur Anmeldung weitergeleitet. Geschieht nichts, drücken Sie die"
                                    + " Schaltfläche.")
                    .append("</p>\n<button type=\"submit\">").append(english ? "Continue" : "Weiter")
                    .append("</button>\n</form>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n")
                    .toString();
        }

        /**
         * The {@code Content-Security-Policy} header for {@link #html(Locale)}: only this page's script may run and
         * the form may only go to {@link #action()}.
         */
        public String contentSecurityPolicy() {
            return "default-src 'none'; script-src 'sha256-" + sha256(SCRIPT) + "'; form-action "
                    + action.getScheme() + "://" + action.getRawAuthority() + "; frame-ancestors 'none'";
        }

        private static String sha256(String text) {
            try {
                return Base64.getEncoder().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        private static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }
}
