package de.ozgsdk.auth.oidc.internal;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.core.ConfigurationException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** The rule for the provider's URLs: https, except on the loopback interface (tests, local development). */
public final class Endpoints {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private Endpoints() {
    }

    /**
     * Refuses a URL that is neither https nor http on loopback.
     *
     * @throws ConfigurationException {@code OZG-AUTH-101} naming {@code setting}
     */
    public static URI requireSecure(URI uri, String setting) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(host)) {
            return uri;
        }
        throw new ConfigurationException(AuthError.CONFIG_INVALID, setting,
                "must be an https URL (http only on 127.0.0.1/localhost), got " + uri);
    }
}
