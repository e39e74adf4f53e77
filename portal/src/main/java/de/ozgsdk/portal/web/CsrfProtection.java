package de.ozgsdk.portal.web;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.web.internal.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects the state-changing requests of a flow against cross-site request forgery: a synchronizer token that is
 * the HMAC-SHA256 of the flow session's id under a server key (so no node keeps tokens in memory and every node with
 * the key accepts it), checked in constant time, plus the browser's {@code Sec-Fetch-Site} and {@code Origin}
 * headers, which must name this portal.
 *
 * <pre>{@code
 * CsrfProtection csrf = CsrfProtection.of(serverKey);          // 32+ random bytes, the same on every node
 * String field = csrf.token(session);                          // into <input type="hidden" name="ozg-csrf">
 * // on POST:
 * if (!csrf.accepts(request, session)) {
 *     CsrfProtection.reject(request, response);                // 403, German or English
 *     return;
 * }
 * }</pre>
 *
 * <p>GET, HEAD and OPTIONS pass unchecked: they must not change state. Thread-safe.
 */
public final class CsrfProtection {

    /** The form field that carries the token. */
    public static final String FIELD = "ozg-csrf";
    /** The request header that may carry the token instead (scripts, multipart forms). */
    public static final String HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final byte[] LABEL = "ozg-csrf-v1\0".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final Set<String> trustedOrigins;

    private CsrfProtection(byte[] key, Set<String> trustedOrigins) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.trustedOrigins = Set.copyOf(trustedOrigins);
    }

    /**
     * Protection with {@code key}, which every portal node must share.
     *
     * @throws InvalidInputException ({@code OZG-PORTAL-506}) if the key is shorter than 32 bytes
     */
    public static CsrfProtection of(byte[] key) {
        return builder(key).build();
    }

    /** Configures protection with {@code key} (at least 32 bytes, the same on every node). */
    public static Builder builder(byte[] key) {
        return new Builder(key);
    }

    /** The token for forms of {@code session}; it changes when the session's id does (at login). */
    public String token(FlowSession session) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(session.id()));
    }

    /** Whether {@code request} may change the state of {@code session}; {@link #check} says why not. */
    public boolean accepts(HttpServletRequest request, FlowSession session) {
        try {
            check(request, session);
            return true;
        } catch (SecurityCheckException e) {
            return false;
        }
    }

    /**
     * Checks a request against {@code session}.
     *
     * @throws SecurityCheckException ({@code OZG-PORTAL-505}) naming the failed check (cross-site fetch, foreign
     *     origin, missing or wrong token), never the token
     */
    public void check(HttpServletRequest request, FlowSession session) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(session, "session");
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new SecurityCheckException(PortalError.CSRF_REJECTED, "Sec-Fetch-Site " + sanitize(site));
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals(ownOrigin(request)) && !trustedOrigins.contains(origin)) {
            throw new SecurityCheckException(PortalError.CSRF_REJECTED, "foreign Origin " + sanitize(origin));
        }
        String token = request.getHeader(HEADER);
        if (token == null) {
            token = request.getParameter(FIELD);
        }
        if (token == null || token.isEmpty()) {
            throw new SecurityCheckException(PortalError.CSRF_REJECTED, "missing token");
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new SecurityCheckException(PortalError.CSRF_REJECTED, "wrong token");
        }
        if (!MessageDigest.isEqual(given, mac(session.id()))) {
            throw new SecurityCheckException(PortalError.CSRF_REJECTED, "wrong token");
        }
    }

    /**
     * Whether {@code request} is a state-changing request of the page rendered for the session with id
     * {@code sessionId}, which has ended since: the same checks as {@link #check}, against that id.
     */
    boolean acceptsForEnded(HttpServletRequest request, String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        return accepts(request, new EndedSession(sessionId));
    }

    /**
     * A 32-byte key for {@code purpose} derived from this protection's key (HMAC-SHA256 as the KDF), so that other
     * secrets of the web adapter need no key of their own and are the same on every node.
     */
    byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("ozg-derived-v1\0" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** An ended session: only its id is left, to check the token of a form rendered for it. */
    private record EndedSession(String id) implements FlowSession {
        @Override
        public Optional<String> get(String name) {
            return Optional.empty();
        }

        @Override
        public void put(String name, String value) {
            throw new IllegalStateException("an ended session takes no values");
        }

        @Override
        public void remove(String name) {
        }

        @Override
        public Map<String, String> values() {
            return Map.of();
        }

        @Override
        public Instant deadline() {
            return Instant.EPOCH;
        }
    }

    /** Answers a refused request: 403 with a page in the browser's language (German or English). */
    public static void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorPages.forbidden(request, response);
    }

    /** The origin the browser shows for this request: scheme, host and port unless it is the scheme's default. */
    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private byte[] mac(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(LABEL);
            return mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A header value for a message: printable ASCII, at most 100 characters. */
    private static String sanitize(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "..." : printable;
    }

    /** Configures a {@link CsrfProtection}. */
    public static final class Builder {
        private final byte[] key;
        private final Set<String> trustedOrigins = new LinkedHashSet<>();

        private Builder(byte[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length < 32) {
                throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "CSRF key",
                        "it has " + key.length + " bytes; give at least 32 random bytes, the same on every node");
            }
            this.key = key.clone();
        }

        /**
         * Accepts requests whose {@code Origin} is {@code origin} besides the request's own, e.g. the public origin
         * when a reverse proxy forwards requests under another host name ({@code https://portal.example.de}).
         */
        public Builder trustedOrigin(String origin) {
            Objects.requireNonNull(origin, "origin");
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "trustedOrigin",
                        "\"" + origin + "\" is not an origin such as https://portal.example.de");
            }
            trustedOrigins.add(origin.toLowerCase(Locale.ROOT));
            return this;
        }

        /** The protection. */
        public CsrfProtection build() {
            return new CsrfProtection(key, trustedOrigins);
        }
    }
}
