package de.ozgsdk.payment.internal;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.ErrorCode;
import java.net.URI;
import java.util.Locale;

/** The one rule for URLs of payment services: https, plain http only on the local machine (tests, the sandbox). */
public final class ServiceUrls {

    private ServiceUrls() {
    }

    /**
     * Refuses {@code url} unless it is absolute with a host and https (http only for localhost).
     *
     * @throws ConfigurationException with {@code code} (arguments: setting, problem)
     */
    public static void requireSecure(ErrorCode code, String setting, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = "https".equals(scheme) || "http".equals(scheme) && isLoopback(url);
        if (!url.isAbsolute() || url.getHost() == null || !secure) {
            throw new ConfigurationException(code, setting,
                    "give an absolute https URL (http only for localhost, in tests)");
        }
    }

    /** Whether {@code url} names this machine by {@code localhost} or {@code 127.0.0.1}. */
    public static boolean isLoopback(URI url) {
        return "localhost".equals(url.getHost()) || "127.0.0.1".equals(url.getHost());
    }
}
