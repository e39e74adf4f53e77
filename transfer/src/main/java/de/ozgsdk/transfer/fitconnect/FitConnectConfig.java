package de.ozgsdk.transfer.fitconnect;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.transfer.TransferError;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a FIT-Connect client ({@link FitConnectChannel}, {@link FitConnectSubscriber},
 * {@link FitConnectRouting}): the OAuth2 token endpoint and API client (client id and secret), the base URL of the
 * Submission API (delivery service, "Zustelldienst"), the Routing API and the JWKS of the self-service portal that
 * signs the routes, the trust anchor of the destination keys' {@code x5c} chains, and the HTTP client settings (timeouts,
 * retries) of module http.
 *
 * <pre>{@code
 * FitConnectConfig config = FitConnectConfig.builder()
 *         .tokenEndpoint(tokenEndpoint)
 *         .client(clientId, clientSecret)
 *         .submissionApi(submissionApi)
 *         .trustAnchors(TrustedCertificates.load(configDir.resolve("fitko-root.pem")))
 *         .build();
 * }</pre>
 *
 * <p>The client secret is never logged: {@link #toString()} omits it. Immutable and thread-safe.
 */
public final class FitConnectConfig {

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final URI submissionApi;
    private final URI serviceJwks;
    private final Optional<URI> routingApi;
    private final Optional<URI> portalJwks;
    private final TrustedCertificates trustAnchors;
    private final HttpClientConfig http;
    private final Duration tokenRefreshMargin;
    private final Clock clock;

    private FitConnectConfig(Builder builder) {
        this.tokenEndpoint = required(builder.tokenEndpoint, "tokenEndpoint");
        this.clientId = required(builder.clientId, "client");
        this.clientSecret = builder.clientSecret;
        this.submissionApi = required(builder.submissionApi, "submissionApi");
        this.serviceJwks = builder.serviceJwks != null ? builder.serviceJwks
                : URI.create(withoutTrailingSlash(submissionApi) + "/.well-known/jwks.json");
        this.routingApi = Optional.ofNullable(builder.routingApi);
        this.portalJwks = Optional.ofNullable(builder.portalJwks);
        this.trustAnchors = required(builder.trustAnchors, "trustAnchors");
        this.http = builder.http.component().isPresent() ? builder.http
                : builder.http.toBuilder().component("fit-connect").build();
        this.tokenRefreshMargin = builder.tokenRefreshMargin;
        this.clock = builder.clock;
    }

    /** A builder without any setting; token endpoint, client, Submission API and trust anchors are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The OAuth2 token endpoint ({@code client_credentials}). */
    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** The client id of the API client. */
    public String clientId() {
        return clientId;
    }

    /** The client secret of the API client; keep it out of logs. */
    public String clientSecret() {
        return clientSecret;
    }

    /** The base URL of the Submission API, without {@code /v1} (the paths start with {@code /v1/...}). */
    public URI submissionApi() {
        return submissionApi;
    }

    /** Where the delivery service's JWKS is read (default: {@code <submissionApi>/.well-known/jwks.json}). */
    public URI serviceJwks() {
        return serviceJwks;
    }

    /** The base URL of the Routing API (the {@code /routes} path is appended), if routing is used. */
    public Optional<URI> routingApi() {
        return routingApi;
    }

    /** The JWKS of the self-service portal that signs the destination information of routes, if routing is used. */
    public Optional<URI> portalJwks() {
        return portalJwks;
    }

    /** The trust anchors of the destination keys' {@code x5c} certificate chains. */
    public TrustedCertificates trustAnchors() {
        return trustAnchors;
    }

    /** The HTTP client settings (component {@code fit-connect} unless another is set). */
    public HttpClientConfig http() {
        return http;
    }

    /** How long before its expiry an access token is renewed. */
    public Duration tokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    /** The clock for token expiry, certificate validity, SET times and receipts. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "FitConnectConfig[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", submissionApi="
                + submissionApi + ", routingApi=" + routingApi.map(URI::toString).orElse("-") + ", trustAnchors="
                + trustAnchors + "]";
    }

    private static <T> T required(T value, String setting) {
        if (value == null) {
            throw new ConfigurationException(TransferError.FITCONNECT_CONFIG_INVALID, setting, "not set");
        }
        return value;
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Builds a {@link FitConnectConfig}; each setter checks its argument at once. */
    public static final class Builder {
        private URI tokenEndpoint;
        private String clientId;
        private String clientSecret;
        private URI submissionApi;
        private URI serviceJwks;
        private URI routingApi;
        private URI portalJwks;
        private TrustedCertificates trustAnchors;
        private HttpClientConfig http = HttpClientConfig.defaults();
        private Duration tokenRefreshMargin = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The OAuth2 token endpoint; must be an absolute http(s) URL (https outside tests). */
        public Builder tokenEndpoint(URI url) {
            this.tokenEndpoint = httpUrl(url, "tokenEndpoint");
            return this;
        }

        /** The API client's id and secret from the FIT-Connect self-service portal. */
        public Builder client(String id, String secret) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
            if (id.isBlank() || secret.isBlank()) {
                throw new ConfigurationException(TransferError.FITCONNECT_CONFIG_INVALID, "client",
                        "client id and secret must not be blank");
            }
            this.clientId = id;
            this.clientSecret = secret;
            return this;
        }

        /** The base URL of the Submission API (e.g. {@code https://submission-api-testing.fit-connect.fitko.dev}). */
        public Builder submissionApi(URI url) {
            this.submissionApi = httpUrl(url, "submissionApi");
            return this;
        }

        /** Where to read the delivery service's JWKS (default: {@code <submissionApi>/.well-known/jwks.json}). */
        public Builder serviceJwks(URI url) {
            this.serviceJwks = httpUrl(url, "serviceJwks");
            return this;
        }

        /** The Routing API's base URL and the JWKS of the self-service portal that signs its routes. */
        public Builder routing(URI routingApiUrl, URI portalJwksUrl) {
            this.routingApi = httpUrl(routingApiUrl, "routingApi");
            this.portalJwks = httpUrl(portalJwksUrl, "portalJwks");
            return this;
        }

        /** The anchors the destination keys' {@code x5c} chains must lead to (PKIX, without revocation check). */
        public Builder trustAnchors(TrustedCertificates anchors) {
            this.trustAnchors = Objects.requireNonNull(anchors, "anchors");
            return this;
        }

        /** The HTTP client settings (default: {@link HttpClientConfig#defaults()}). */
        public Builder http(HttpClientConfig config) {
            this.http = Objects.requireNonNull(config, "config");
            return this;
        }

        /** How long before its expiry an access token is renewed, 0 to 10 minutes (default: 60 seconds). */
        public Builder tokenRefreshMargin(Duration margin) {
            Objects.requireNonNull(margin, "margin");
            if (margin.isNegative() || margin.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new ConfigurationException(TransferError.FITCONNECT_CONFIG_INVALID, "tokenRefreshMargin",
                        margin + " is not between 0 and 10 minutes");
            }
            this.tokenRefreshMargin = margin;
            return this;
        }

        /** The clock (default: the system clock in UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public FitConnectConfig build() {
            return new FitConnectConfig(this);
        }

        private static URI httpUrl(URI url, String setting) {
            Objects.requireNonNull(url, setting);
            String scheme = url.getScheme();
            if (!url.isAbsolute() || url.getHost() == null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw new ConfigurationException(TransferError.FITCONNECT_CONFIG_INVALID, setting,
                        "not an absolute http(s) URL: " + url);
            }
            return url;
        }
    }
}
