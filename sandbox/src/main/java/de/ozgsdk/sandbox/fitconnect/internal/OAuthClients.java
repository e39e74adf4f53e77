package de.ozgsdk.sandbox.fitconnect.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.sandbox.SandboxError;

/**
 * The OAuth 2.0 token endpoint of the mock ({@code client_credentials}, RFC 6749 section 4.4): configured clients with
 * secrets, opaque Bearer tokens with an expiry on the mock's clock.
 */
public final class OAuthClients {

    /** A configured client: a sender (scope {@code send:region:DE}) or the subscriber of some destinations. */
    public record Client(String id, String secret, boolean sender, Set<UUID> subscribedDestinations) {

        /** Copies the set. */
        public Client {
            subscribedDestinations = Set.copyOf(subscribedDestinations);
        }

        /** The scopes as the token response lists them. */
        public String scope() {
            StringBuilder scope = new StringBuilder(sender ? "send:region:DE" : "");
            subscribedDestinations.stream().sorted().forEach(id -> {
                if (scope.length() > 0) {
                    scope.append(' ');
                }
                scope.append("subscribe:destination:").append(id);
            });
            return scope.toString();
        }
    }

    /** An issued token. */
    public record Token(String value, Client client, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    public OAuthClients(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public void add(Client client) {
        if (clients.putIfAbsent(client.id(), client) != null) {
            throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "clientId", client.id(),
                    "one not configured yet");
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Issues a token for a client that authenticated with its secret.
     *
     * @throws OAuthError {@code invalid_client} for an unknown client or a wrong secret
     */
    public Token issue(String clientId, String secret) {
        Client client = clients.get(clientId);
        if (client == null || !constantTimeEquals(client.secret(), secret)) {
            throw new OAuthError(401, "invalid_client", "unknown client or wrong client secret");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Token token = new Token(value, client, clock.instant().plus(lifetime));
        tokens.put(value, token);
        return token;
    }

    /** The client of a valid, unexpired Bearer token in an {@code Authorization} header. */
    public Client authenticate(Optional<String> authorization) {
        String header = authorization.orElseThrow(() -> Problem.unauthorized(
                "no Authorization header: get a token at the token endpoint and send 'Authorization: Bearer <token>'"));
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Problem.unauthorized("the Authorization header is not a Bearer token");
        }
        Token token = tokens.get(header.substring(7).strip());
        if (token == null) {
            throw Problem.unauthorized("unknown access token");
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            throw Problem.unauthorized("the access token expired at " + token.expiresAt() + ": get a new one");
        }
        return token.client();
    }

    /** Lets every token issued so far expire now (fault "token expired"); new tokens are valid again. */
    public void expireAll() {
        Instant now = clock.instant();
        tokens.replaceAll((value, token) -> new Token(value, token.client(), now));
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** An error response of the token endpoint (RFC 6749 section 5.2). */
    public static final class OAuthError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;
        private final String error;

        public OAuthError(int status, String error, String description) {
            super(description);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }
    }
}
