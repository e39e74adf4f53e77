package de.ozgsdk.auth.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import de.ozgsdk.auth.AttributeValue;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.AuthProvider;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.ConfigurationReport;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginMethod;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PendingRequest;
import de.ozgsdk.auth.PendingRequestStore;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.auth.oidc.internal.Discovery;
import de.ozgsdk.auth.oidc.internal.Endpoints;
import de.ozgsdk.auth.oidc.internal.IdTokenVerifier;
import de.ozgsdk.auth.oidc.internal.JsonHttp;
import de.ozgsdk.auth.oidc.internal.KeySet;
import de.ozgsdk.auth.oidc.internal.ProviderMetadata;
import de.ozgsdk.auth.oidc.internal.TokenEndpoint;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.OzgHttpClients;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenID Connect relying party for Servicekonto logins through brokers (Keycloak in front of BundID) and Länder
 * Servicekonten that speak OIDC: the authorization code flow with PKCE ({@code S256}), {@code state} and
 * {@code nonce} kept single-use in the {@link PendingRequestStore}, discovery with the issuer checked, the ID token
 * verified with Nimbus JOSE+JWT against the provider's JWKS (key rotation, algorithm allow-list without {@code none}
 * and HMAC), {@code acr} mapped to the {@link TrustLevel}, and userinfo whose {@code sub} must match.
 *
 * <pre>{@code
 * OidcProvider servicekonto = OidcProvider.builder()
 *         .issuer(issuer) // exactly as the provider names it, e.g. https://id.kommune.example/realms/bund
 *         .clientId("ozg-portal")
 *         .clientAuthentication(ClientAuthentication.secretBasic(clientSecret))
 *         .redirectUri(URI.create("https://portal.kommune.example/login/oidc"))
 *         .store(new InMemoryPendingRequestStore()) // one JVM; JdbcPendingRequestStore for a cluster
 *         .build();
 * servicekonto.checkConfiguration().throwIfUnusable(); // at start-up: discovery, JWKS, PKCE, client auth
 *
 * LoginChallenge challenge = servicekonto.start(LoginContext.of(Locale.GERMAN), TrustLevel.SUBSTANTIAL);
 * URI location = ((LoginChallenge.Redirect) challenge).location(); // send the browser there (303)
 * }</pre>
 */
public final class OidcProvider implements AuthProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<JWSAlgorithm> DEFAULT_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final String NONCE = "nonce";
    private static final String VERIFIER = "pkce";
    private static final String RELAY = "relay";
    private static final int MAX_RELAY_STATE = 1000;

    private final String id;
    private final String issuer;
    private final String clientId;
    private final ClientAuthentication clientAuthentication;
    private final URI redirectUri;
    private final PendingRequestStore store;
    private final Clock clock;
    private final Duration skew;
    private final Duration requestLifetime;
    private final List<String> scopes;
    private final AcrMapping acrMapping;
    private final boolean requestAcrValues;
    private final ClaimMapping claimMapping;
    private final boolean userinfo;
    private final JsonHttp http;
    private final Discovery discovery;
    private final KeySet keys;
    private final IdTokenVerifier verifier;
    private final TokenEndpoint tokenEndpoint;

    private OidcProvider(Builder builder) {
        this.issuer = required(builder.issuer, "issuer");
        this.clientId = required(builder.clientId, "clientId");
        this.clientAuthentication = required(builder.clientAuthentication, "clientAuthentication");
        this.redirectUri = required(builder.redirectUri, "redirectUri");
        this.store = required(builder.store, "store");
        this.id = builder.id != null ? builder.id : "oidc:" + clientId + "@" + issuer;
        this.clock = builder.clock;
        this.skew = builder.skew;
        this.requestLifetime = builder.requestLifetime;
        this.scopes = List.copyOf(builder.scopes);
        this.acrMapping = builder.acrMapping;
        this.requestAcrValues = builder.requestAcrValues;
        this.claimMapping = builder.claimMapping;
        this.userinfo = builder.userinfo;
        OkHttpClient client = builder.httpClient != null ? builder.httpClient
                : OzgHttpClients.create(HttpClientConfig.builder().component("oidc").build());
        this.http = new JsonHttp(client);
        this.discovery = new Discovery(issuer, http, clock, builder.discoveryMaxAge);
        this.keys = new KeySet(() -> discovery.current().jwksUri(), http, clock, builder.keySetMaxAge,
                builder.keyRefetchInterval);
        this.verifier = new IdTokenVerifier(issuer, clientId, builder.algorithms, skew, clock, keys);
        this.tokenEndpoint = new TokenEndpoint(http, clientId, clientAuthentication, clock);
    }

    /** Starts a provider configuration; issuer, client id, client authentication, redirect URI and store are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return id;
    }

    /** The configured issuer. */
    public String issuer() {
        return issuer;
    }

    /**
     * Sends the browser to the provider's authorization endpoint with a fresh {@code state} (the pending request's
     * id), {@code nonce} and PKCE challenge; with {@code acr_values} for {@code required} unless switched off.
     *
     * @throws RemoteSystemException {@code OZG-AUTH-201} if the discovery document cannot be fetched
     */
    @Override
    public LoginChallenge start(LoginContext context, TrustLevel required) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(required, "required");
        context.relayState().filter(relay -> relay.length() > MAX_RELAY_STATE).ifPresent(relay -> {
            throw new InvalidInputException(AuthError.RELAY_STATE_INVALID, "longer than " + MAX_RELAY_STATE
                    + " characters (it is kept in the pending request store)");
        });
        ProviderMetadata metadata = discovery.current();
        String state = random();
        String nonce = random();
        String codeVerifier = random();
        Instant now = clock.instant();
        Map<String, String> data = new LinkedHashMap<>();
        data.put(NONCE, nonce);
        data.put(VERIFIER, codeVerifier);
        context.relayState().ifPresent(relay -> data.put(RELAY, relay));
        store.remember(new PendingRequest(state, id, required, now, now.plus(requestLifetime), data));
        HttpUrl.Builder url = HttpUrl.get(metadata.authorizationEndpoint().toString()).newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", clientId)
                .addQueryParameter("redirect_uri", redirectUri.toString())
                .addQueryParameter("scope", String.join(" ", scopes))
                .addQueryParameter("state", state)
                .addQueryParameter("nonce", nonce)
                .addQueryParameter("code_challenge", challenge(codeVerifier))
                .addQueryParameter("code_challenge_method", "S256")
                .addQueryParameter("ui_locales", "en".equals(context.locale().getLanguage()) ? "en de" : "de");
        List<String> acrValues = acrMapping.requestValues(required);
        if (requestAcrValues && !acrValues.isEmpty()) {
            url.addQueryParameter("acr_values", String.join(" ", acrValues));
        }
        LOG.debug("OIDC login {} started at level {}", state, required);
        return new LoginChallenge.Redirect(state, url.build().uri());
    }

    /**
     * Checks the authorization response and redeems its code: state (pending, single use), {@code iss} (RFC 9207),
     * error ({@code access_denied} is a cancel), the token response, the ID token, the level, userinfo.
     *
     * @throws RemoteSystemException if the token, JWKS or userinfo endpoint is unreachable or fails (5xx)
     */
    @Override
    public LoginOutcome complete(Callback callback) {
        Objects.requireNonNull(callback, "callback");
        try {
            return completeChecked(callback);
        } catch (SecurityCheckException | InvalidInputException | ConfigurationException refused) {
            LOG.info("OIDC login refused: {}", refused.getMessage());
            return new LoginOutcome.InvalidResponse(refused);
        }
    }

    private LoginOutcome completeChecked(Callback callback) {
        String state = single(callback, "state");
        PendingRequest pending = store.take(state, clock.instant())
                .filter(request -> request.providerId().equals(id))
                .orElseThrow(() -> new SecurityCheckException(AuthError.OIDC_STATE_UNKNOWN, state));
        Optional<String> relay = Optional.ofNullable(pending.data().get(RELAY));
        checkIssParameter(callback);
        if (!callback.values("error").isEmpty()) {
            String error = single(callback, "error");
            if ("access_denied".equals(error)) {
                LOG.info("OIDC login {} cancelled at the provider", state);
                return new LoginOutcome.Cancelled(relay);
            }
            throw new SecurityCheckException(AuthError.OIDC_AUTHORIZATION_ERROR, printable(error),
                    callback.single("error_description").map(OidcProvider::printable).orElse("-"));
        }
        String code = single(callback, "code");
        ProviderMetadata metadata = discovery.current();
        TokenEndpoint.Tokens tokens = tokenEndpoint.redeem(metadata.tokenEndpoint(), code, redirectUri,
                pending.data().get(VERIFIER));
        JWTClaimsSet idToken = verifier.verify(tokens.idToken(), pending.data().get(NONCE),
                Optional.of(tokens.accessToken()));
        markUsed(tokens.idToken(), idToken);
        String acr = idToken.getClaim("acr") instanceof String value ? value : "(none)";
        TrustLevel level = acrMapping.levelOf(acr)
                .orElseThrow(() -> new SecurityCheckException(AuthError.OIDC_ACR_UNKNOWN, printable(acr)));
        if (!level.isAtLeast(pending.requiredLevel())) {
            LOG.info("OIDC login {} reached {} where {} is required", state, level, pending.requiredLevel());
            return new LoginOutcome.LevelTooLow(pending.requiredLevel(), level, relay);
        }
        Map<String, Object> claims = new LinkedHashMap<>(idToken.toJSONObject());
        if (userinfo && metadata.userinfoEndpoint().isPresent()) {
            Map<String, Object> info = userinfo(metadata.userinfoEndpoint().get(), tokens.accessToken());
            if (!Objects.equals(info.get("sub"), idToken.getSubject())) {
                throw new SecurityCheckException(AuthError.OIDC_USERINFO_SUBJECT_MISMATCH);
            }
            // the ID token's signed claims win over userinfo's for the same name
            info.forEach(claims::putIfAbsent);
        }
        Citizen citizen = citizen(claims, idToken, level);
        LOG.info("OIDC login {} completed at level {}", state, level);
        return new LoginOutcome.Authenticated(citizen, relay);
    }

    private void checkIssParameter(Callback callback) {
        List<String> iss = callback.values("iss");
        if (iss.isEmpty()) {
            if (discovery.current().issParameterSupported()) {
                throw new SecurityCheckException(AuthError.OIDC_ISS_PARAMETER_MISMATCH, "(missing)", issuer);
            }
            return;
        }
        if (iss.size() != 1 || !iss.get(0).equals(issuer)) {
            throw new SecurityCheckException(AuthError.OIDC_ISS_PARAMETER_MISMATCH, printable(String.join(",", iss)),
                    issuer);
        }
    }

    private void markUsed(String token, JWTClaimsSet claims) {
        Instant keepUntil = claims.getExpirationTime().toInstant().plus(skew);
        if (!store.markUsed("oidc:" + sha256Hex(token), keepUntil)) {
            throw new SecurityCheckException(AuthError.OIDC_TOKEN_REPLAYED);
        }
    }

    private Map<String, Object> userinfo(URI endpoint, String accessToken) {
        JsonHttp.Reply reply;
        try {
            reply = http.exchange(new Request.Builder().url(endpoint.toString())
                    .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").build());
        } catch (IOException e) {
            throw RemoteSystemException.builder(AuthError.OIDC_USERINFO_FAILED, "OpenID provider").cause(e)
                    .arguments(endpoint, e.toString()).build();
        }
        if (reply.status() >= 500) {
            throw RemoteSystemException.builder(AuthError.OIDC_USERINFO_FAILED, "OpenID provider")
                    .httpStatus(reply.status()).arguments(endpoint, reply.describe()).build();
        }
        if (!reply.ok()) {
            throw new SecurityCheckException(AuthError.OIDC_USERINFO_FAILED, endpoint, reply.describe());
        }
        if (!reply.contentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new SecurityCheckException(AuthError.OIDC_USERINFO_FAILED, endpoint,
                    "content type " + reply.contentType() + " (signed or encrypted userinfo is not supported)");
        }
        return reply.json().orElseThrow(
                () -> new SecurityCheckException(AuthError.OIDC_USERINFO_FAILED, endpoint, "no JSON object"));
    }

    private Citizen citizen(Map<String, Object> claims, JWTClaimsSet idToken, TrustLevel level) {
        List<String> subject = ClaimMapping.values(claims, claimMapping.subjectClaim());
        if (subject.size() != 1 || subject.get(0).isBlank()) {
            throw new SecurityCheckException(AuthError.OIDC_SUBJECT_MISSING, claimMapping.subjectClaim());
        }
        Instant authenticatedAt = claims.get("auth_time") instanceof Number authTime
                ? Instant.ofEpochSecond(authTime.longValue()) : idToken.getIssueTime().toInstant();
        Citizen.Builder citizen = Citizen.builder()
                .subjectKey(subject.get(0))
                .issuer(issuer)
                .trustLevel(level)
                .authenticatedAt(authenticatedAt);
        claimMapping.loginMethodClaim().flatMap(claim -> ClaimMapping.values(claims, claim).stream().findFirst())
                .map(LoginMethod::parse).ifPresent(citizen::loginMethod);
        claimMapping.postboxClaim().flatMap(claim -> ClaimMapping.values(claims, claim).stream().findFirst())
                .ifPresent(citizen::postboxReference);
        for (Map.Entry<String, PersonAttribute> entry : claimMapping.claims().entrySet()) {
            List<String> values = ClaimMapping.values(claims, entry.getKey());
            if (!values.isEmpty()) {
                citizen.attribute(entry.getValue(), new AttributeValue(entry.getKey(), values, Optional.empty()));
            }
        }
        return citizen.build();
    }

    /**
     * Fetches the discovery document and the JWKS and checks them against this configuration: issuer, code flow,
     * PKCE {@code S256}, the client authentication method, a common signing algorithm, a usable key, userinfo.
     */
    @Override
    public ConfigurationReport checkConfiguration() {
        List<ConfigurationReport.Finding> findings = new ArrayList<>();
        ProviderMetadata metadata;
        try {
            metadata = discovery.fetch();
        } catch (ConfigurationException e) {
            return new ConfigurationReport(List.of(ConfigurationReport.Finding.error(e)));
        } catch (RemoteSystemException e) {
            return new ConfigurationReport(List.of(ConfigurationReport.Finding.error(new ConfigurationException(
                    AuthError.OIDC_DISCOVERY_FAILED, e, discovery.location(), e.getMessage()))));
        }
        require(findings, metadata.responseTypes().isEmpty() || metadata.responseTypes().contains("code"),
                "response type code", metadata.responseTypes());
        if (metadata.codeChallengeMethods().isEmpty()) {
            findings.add(ConfigurationReport.Finding.warning(new ConfigurationException(
                    AuthError.OIDC_PROVIDER_UNSUPPORTED, issuer, "PKCE S256 (not announced; the client sends it)",
                    "no code_challenge_methods_supported")));
        } else {
            require(findings, metadata.codeChallengeMethods().contains("S256"), "PKCE S256",
                    metadata.codeChallengeMethods());
        }
        require(findings, metadata.tokenEndpointAuthMethods().contains(clientAuthentication.method()),
                "token endpoint authentication " + clientAuthentication.method(),
                metadata.tokenEndpointAuthMethods());
        Set<String> common = new LinkedHashSet<>(metadata.idTokenAlgorithms());
        common.retainAll(verifier.allowedNames());
        require(findings, !common.isEmpty(), "an ID token algorithm of " + verifier.allowedNames(),
                metadata.idTokenAlgorithms());
        if (userinfo && metadata.userinfoEndpoint().isEmpty()) {
            findings.add(ConfigurationReport.Finding.warning(new ConfigurationException(
                    AuthError.OIDC_PROVIDER_UNSUPPORTED, issuer, "a userinfo endpoint (claims come from the ID token "
                    + "only)", "none")));
        }
        checkKeys(findings, metadata, common);
        Endpoints.requireSecure(redirectUri, "redirectUri");
        return new ConfigurationReport(findings);
    }

    private void checkKeys(List<ConfigurationReport.Finding> findings, ProviderMetadata metadata, Set<String> algs) {
        try {
            List<JWK> published = new KeySet(metadata::jwksUri, http, clock, Duration.ZERO, Duration.ZERO).fetch();
            boolean usable = published.stream().anyMatch(key -> key.getAlgorithm() == null
                    || algs.contains(key.getAlgorithm().getName()));
            if (!usable) {
                findings.add(ConfigurationReport.Finding.error(new ConfigurationException(AuthError.OIDC_JWKS_FAILED,
                        metadata.jwksUri(), "no key for the algorithms " + algs)));
            }
        } catch (ConfigurationException e) {
            findings.add(ConfigurationReport.Finding.error(e));
        } catch (RemoteSystemException e) {
            findings.add(ConfigurationReport.Finding.error(new ConfigurationException(AuthError.OIDC_JWKS_FAILED, e,
                    metadata.jwksUri(), e.getMessage())));
        }
    }

    private void require(List<ConfigurationReport.Finding> findings, boolean ok, String what, List<String> offered) {
        if (!ok) {
            findings.add(ConfigurationReport.Finding.error(new ConfigurationException(
                    AuthError.OIDC_PROVIDER_UNSUPPORTED, issuer, what, offered)));
        }
    }

    private static String single(Callback callback, String name) {
        List<String> values = callback.values(name);
        if (values.size() != 1 || values.get(0).isEmpty()) {
            throw new InvalidInputException(AuthError.OIDC_CALLBACK_INVALID, name,
                    values.isEmpty() ? "missing" : values.size() + " values, expected one");
        }
        return values.get(0);
    }

    /** A provider's text for a message: printable ASCII, at most 100 characters (it came through the browser). */
    private static String printable(String text) {
        String cleaned = text.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "…" : cleaned;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new ConfigurationException(AuthError.CONFIG_INVALID, name, "is required");
        }
        return value;
    }

    @Override
    public String toString() {
        return "OidcProvider[" + id + ", " + clientAuthentication + "]";
    }

    /** Collects the configuration of an {@link OidcProvider}; every setting is checked when it is set. */
    public static final class Builder {
        private String id;
        private String issuer;
        private String clientId;
        private ClientAuthentication clientAuthentication;
        private URI redirectUri;
        private PendingRequestStore store;
        private OkHttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofSeconds(60);
        private Duration requestLifetime = Duration.ofMinutes(10);
        private Duration discoveryMaxAge = Duration.ofHours(1);
        private Duration keySetMaxAge = Duration.ofHours(1);
        private Duration keyRefetchInterval = Duration.ofSeconds(30);
        private List<String> scopes = List.of("openid", "profile", "email");
        private Set<JWSAlgorithm> algorithms = DEFAULT_ALGORITHMS;
        private AcrMapping acrMapping = AcrMapping.standard();
        private boolean requestAcrValues = true;
        private ClaimMapping claimMapping = ClaimMapping.standard();
        private boolean userinfo = true;

        private Builder() {
        }

        /**
         * The issuer identifier exactly as the provider names it (required): https, or http on 127.0.0.1/localhost
         * for tests. Discovery is fetched from {@code <issuer>/.well-known/openid-configuration}.
         */
        public Builder issuer(String issuer) {
            Objects.requireNonNull(issuer, "issuer");
            try {
                Endpoints.requireSecure(URI.create(issuer), "issuer");
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(AuthError.CONFIG_INVALID, e, "issuer", "no URL: " + issuer);
            }
            this.issuer = issuer;
            return this;
        }

        /** The client id registered at the provider (required). */
        public Builder clientId(String clientId) {
            if (Objects.requireNonNull(clientId, "clientId").isBlank()) {
                throw new ConfigurationException(AuthError.CONFIG_INVALID, "clientId", "is blank");
            }
            this.clientId = clientId;
            return this;
        }

        /** How the client authenticates at the token endpoint (required). */
        public Builder clientAuthentication(ClientAuthentication authentication) {
            this.clientAuthentication = Objects.requireNonNull(authentication, "authentication");
            return this;
        }

        /** The redirect URI registered at the provider, the portal's callback endpoint (required). */
        public Builder redirectUri(URI redirectUri) {
            this.redirectUri = Endpoints.requireSecure(Objects.requireNonNull(redirectUri, "redirectUri"),
                    "redirectUri");
            return this;
        }

        /** Where started logins wait for their answer, shared by all portal nodes (required). */
        public Builder store(PendingRequestStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The name in logs and pending requests; default {@code oidc:<clientId>@<issuer>}. */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /** The HTTP client; default {@link OzgHttpClients#create(HttpClientConfig)} with component {@code oidc}. */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The clock that judges token times and request lifetimes; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The clock difference tolerated for exp, iat and nbf; default 60 s, at most 5 min. */
        public Builder allowedSkew(Duration skew) {
            this.skew = within(skew, Duration.ZERO, Duration.ofMinutes(5), "allowedSkew");
            return this;
        }

        /** How long a started login waits for its answer; default 10 min, 1 min to 1 h. */
        public Builder requestLifetime(Duration lifetime) {
            this.requestLifetime = within(lifetime, Duration.ofMinutes(1), Duration.ofHours(1), "requestLifetime");
            return this;
        }

        /** How long the discovery document is cached; default 1 h. */
        public Builder discoveryMaxAge(Duration maxAge) {
            this.discoveryMaxAge = within(maxAge, Duration.ZERO, Duration.ofDays(7), "discoveryMaxAge");
            return this;
        }

        /** How long the JWKS is cached before it is fetched again; default 1 h. */
        public Builder keySetMaxAge(Duration maxAge) {
            this.keySetMaxAge = within(maxAge, Duration.ZERO, Duration.ofDays(7), "keySetMaxAge");
            return this;
        }

        /** The least time between two fetches of the JWKS for an unknown key id; default 30 s. */
        public Builder keyRefetchInterval(Duration interval) {
            this.keyRefetchInterval = within(interval, Duration.ZERO, Duration.ofHours(1), "keyRefetchInterval");
            return this;
        }

        /** The scopes to request; {@code openid} is added if missing. Default {@code openid profile email}. */
        public Builder scopes(List<String> scopes) {
            List<String> list = new ArrayList<>();
            list.add("openid");
            Objects.requireNonNull(scopes, "scopes").stream().filter(s -> !s.equals("openid")).forEach(list::add);
            this.scopes = List.copyOf(list);
            return this;
        }

        /**
         * The ID token algorithms accepted; default RS256/384/512, PS256/384/512, ES256/384/512. {@code none} and
         * HMAC are refused: a provider's ID token must be verifiable with its public keys alone.
         */
        public Builder algorithms(Set<JWSAlgorithm> algorithms) {
            Set<JWSAlgorithm> set = Set.copyOf(algorithms);
            for (JWSAlgorithm algorithm : set) {
                if (!JWSAlgorithm.Family.RSA.contains(algorithm) && !JWSAlgorithm.Family.EC.contains(algorithm)) {
                    throw new ConfigurationException(AuthError.CONFIG_INVALID, "algorithms",
                            algorithm + " is not allowed (only RSA and EC signatures; never none or HMAC)");
                }
            }
            if (set.isEmpty()) {
                throw new ConfigurationException(AuthError.CONFIG_INVALID, "algorithms", "is empty");
            }
            this.algorithms = set;
            return this;
        }

        /** How acr values map to trust levels; default {@link AcrMapping#standard()}. */
        public Builder acrMapping(AcrMapping mapping) {
            this.acrMapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /** Whether the authorization request carries {@code acr_values}; default true. */
        public Builder requestAcrValues(boolean request) {
            this.requestAcrValues = request;
            return this;
        }

        /** Which claims become the citizen; default {@link ClaimMapping#standard()}. */
        public Builder claimMapping(ClaimMapping mapping) {
            this.claimMapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /** Whether claims are also fetched from the userinfo endpoint (its {@code sub} must match); default true. */
        public Builder userinfo(boolean fetch) {
            this.userinfo = fetch;
            return this;
        }

        /**
         * The provider.
         *
         * @throws ConfigurationException {@code OZG-AUTH-101} naming a missing required setting
         */
        public OidcProvider build() {
            return new OidcProvider(this);
        }

        private static Duration within(Duration value, Duration min, Duration max, String name) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new ConfigurationException(AuthError.CONFIG_INVALID, name,
                        value + " is outside " + min + " to " + max);
            }
            return value;
        }
    }
}
