package de.ozgsdk.auth.oidc.internal;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.RemoteSystemException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's discovery document, fetched from {@code <issuer>/.well-known/openid-configuration} and cached for a
 * configured time; its {@code issuer} must equal the configured issuer exactly (OpenID Connect Discovery 1.0,
 * section 4.3). When a refresh fails, the cached document stays in use and a warning is logged.
 */
public final class Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
    static final String SYSTEM = "OpenID provider";

    private final String issuer;
    private final URI location;
    private final JsonHttp http;
    private final Clock clock;
    private final Duration maxAge;
    private ProviderMetadata cached;
    private Instant fetchedAt;

    public Discovery(String issuer, JsonHttp http, Clock clock, Duration maxAge) {
        this.issuer = issuer;
        this.location = URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration");
        this.http = http;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Where the document is fetched from. */
    public URI location() {
        return location;
    }

    /** The cached document, fetched when missing or older than the maximum age. */
    public synchronized ProviderMetadata current() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(fetchedAt.plus(maxAge))) {
            return cached;
        }
        try {
            cached = fetch();
            fetchedAt = now;
        } catch (RemoteSystemException e) {
            if (cached == null) {
                throw e;
            }
            LOG.warn("Refreshing the OIDC discovery document {} failed, the cached one stays in use: {}", location,
                    e.getMessage());
        }
        return cached;
    }

    /**
     * Fetches the document now, without the cache.
     *
     * @throws RemoteSystemException  {@code OZG-AUTH-201} if it cannot be fetched (network, non-2xx)
     * @throws ConfigurationException {@code OZG-AUTH-201} if it is no usable document, {@code OZG-AUTH-202} if it
     *                                names another issuer
     */
    public ProviderMetadata fetch() {
        JsonHttp.Reply reply;
        try {
            reply = http.get(location);
        } catch (IOException e) {
            throw RemoteSystemException.builder(AuthError.OIDC_DISCOVERY_FAILED, SYSTEM).cause(e)
                    .side(RemoteSystemException.Side.UNKNOWN).arguments(location, e.toString()).build();
        }
        if (!reply.ok()) {
            throw RemoteSystemException.builder(AuthError.OIDC_DISCOVERY_FAILED, SYSTEM).httpStatus(reply.status())
                    .arguments(location, reply.describe()).build();
        }
        ProviderMetadata metadata = ProviderMetadata.parse(reply.json().orElseThrow(
                () -> new ConfigurationException(AuthError.OIDC_DISCOVERY_FAILED, location, "no JSON object")),
                location);
        if (!metadata.issuer().equals(issuer)) {
            throw new ConfigurationException(AuthError.OIDC_DISCOVERY_ISSUER_MISMATCH, location, metadata.issuer(),
                    issuer);
        }
        return metadata;
    }
}
