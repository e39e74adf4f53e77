package de.ozgsdk.auth.oidc.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.RemoteSystemException;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's signing keys from its {@code jwks_uri}: cached, fetched again when older than the maximum age, and
 * fetched again when a token names a key id the cache does not hold (key rotation), at most once per minimum refetch
 * interval, so that tokens with invented key ids cannot make the client hammer the provider.
 */
public final class KeySet {

    private static final Logger LOG = LoggerFactory.getLogger(KeySet.class);

    private final Supplier<URI> location;
    private final JsonHttp http;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minRefetchInterval;
    private List<JWK> keys;
    private Instant fetchedAt;

    public KeySet(Supplier<URI> location, JsonHttp http, Clock clock, Duration maxAge, Duration minRefetchInterval) {
        this.location = location;
        this.http = http;
        this.clock = clock;
        this.maxAge = maxAge;
        this.minRefetchInterval = minRefetchInterval;
    }

    /**
     * The signature keys with key id {@code kid} (all signature keys if the token names none); fetches the set again
     * once if {@code kid} is unknown and the last fetch is older than the minimum refetch interval.
     */
    public synchronized List<JWK> candidates(Optional<String> kid) {
        Instant now = clock.instant();
        if (keys == null || !now.isBefore(fetchedAt.plus(maxAge))) {
            refresh(now);
        }
        List<JWK> found = select(kid);
        if (found.isEmpty() && kid.isPresent() && !now.isBefore(fetchedAt.plus(minRefetchInterval))) {
            LOG.info("OIDC key id {} unknown, fetching the key set {} again", kid.get(), location.get());
            refresh(now);
            found = select(kid);
        }
        return found;
    }

    /** Where the keys come from. */
    public URI location() {
        return location.get();
    }

    /**
     * Fetches and parses the key set now, without the cache.
     *
     * @throws RemoteSystemException  {@code OZG-AUTH-203} if it cannot be fetched
     * @throws ConfigurationException {@code OZG-AUTH-203} if it is no JWK set with at least one public signature key
     */
    public List<JWK> fetch() {
        URI uri = location.get();
        JsonHttp.Reply reply;
        try {
            reply = http.get(uri);
        } catch (IOException e) {
            throw RemoteSystemException.builder(AuthError.OIDC_JWKS_FAILED, Discovery.SYSTEM).cause(e)
                    .arguments(uri, e.toString()).build();
        }
        if (!reply.ok()) {
            throw RemoteSystemException.builder(AuthError.OIDC_JWKS_FAILED, Discovery.SYSTEM)
                    .httpStatus(reply.status()).arguments(uri, reply.describe()).build();
        }
        JWKSet set;
        try {
            set = JWKSet.parse(reply.body());
        } catch (ParseException e) {
            throw new ConfigurationException(AuthError.OIDC_JWKS_FAILED, e, uri, "no JWK set: " + e.getMessage());
        }
        if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
            throw new ConfigurationException(AuthError.OIDC_JWKS_FAILED, uri,
                    "it publishes private key material; the provider must publish public keys only");
        }
        List<JWK> signing = set.getKeys().stream()
                .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                .toList();
        if (signing.isEmpty()) {
            throw new ConfigurationException(AuthError.OIDC_JWKS_FAILED, uri, "it holds no signature key");
        }
        return signing;
    }

    private void refresh(Instant now) {
        keys = fetch();
        fetchedAt = now;
    }

    private List<JWK> select(Optional<String> kid) {
        return kid.map(id -> keys.stream().filter(key -> id.equals(key.getKeyID())).toList()).orElse(keys);
    }
}
