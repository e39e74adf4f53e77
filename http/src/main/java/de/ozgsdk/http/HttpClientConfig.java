package de.ozgsdk.http;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.slf4j.event.Level;

/**
 * The settings of an HTTP client made by {@link OzgHttpClients}: timeouts, retries, user agent, TLS client
 * certificate and trust anchors, proxy and exchange logging, each with a secure default.
 *
 * <pre>{@code
 * HttpClientConfig config = HttpClientConfig.builder()
 *         .component("epaybl")
 *         .readTimeout(Duration.ofSeconds(20))
 *         .clientCredential(PrivateKeyCredential.fromPkcs12(p12, password))
 *         .build();
 * HttpClientConfig patient = config.toBuilder().callTimeout(Duration.ofMinutes(5)).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HttpClientConfig {

    /** Longest accepted timeout: one day. */
    static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    /** Longest accepted backoff base or cap: ten minutes. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** Most retries accepted. */
    static final int MAX_RETRIES = 10;

    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final int maxRetries;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final Optional<String> component;
    private final Optional<PrivateKeyCredential> clientCredential;
    private final Optional<TrustedCertificates> trustedCertificates;
    private final Optional<Proxy> proxy;
    private final Level exchangeLogLevel;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;

    private HttpClientConfig(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.writeTimeout = builder.writeTimeout;
        this.callTimeout = builder.callTimeout;
        this.maxRetries = builder.maxRetries;
        this.backoffBase = builder.backoffBase;
        this.backoffCap = builder.backoffCap;
        this.component = builder.component;
        this.clientCredential = builder.clientCredential;
        this.trustedCertificates = builder.trustedCertificates;
        this.proxy = builder.proxy;
        this.exchangeLogLevel = builder.exchangeLogLevel;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
        this.clock = builder.clock;
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration with every setting at its default. */
    public static HttpClientConfig defaults() {
        return builder().build();
    }

    /** A builder seeded with this configuration, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Limit for a whole call, including all retries and the waits between them. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** How many times an idempotent request is sent again at most after its first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    public Duration backoffBase() {
        return backoffBase;
    }

    public Duration backoffCap() {
        return backoffCap;
    }

    /** The component named in the user agent, e.g. {@code epaybl} in {@code ozg-sdk/0.1.0 (+epaybl)}. */
    public Optional<String> component() {
        return component;
    }

    /** The certificate the client presents for mutual TLS. */
    public Optional<PrivateKeyCredential> clientCredential() {
        return clientCredential;
    }

    /** The only anchors trusted for server certificates; empty means the JDK's trust store. */
    public Optional<TrustedCertificates> trustedCertificates() {
        return trustedCertificates;
    }

    public Optional<Proxy> proxy() {
        return proxy;
    }

    /** The level at which each exchange is logged by {@link ExchangeLoggingInterceptor}. */
    public Level exchangeLogLevel() {
        return exchangeLogLevel;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** The source of the retry jitter. */
    public RandomGenerator random() {
        return random;
    }

    /** The clock for {@code Retry-After} dates and certificate validity. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "HttpClientConfig[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", writeTimeout=" + writeTimeout + ", callTimeout=" + callTimeout + ", maxRetries=" + maxRetries
                + ", backoff=" + backoffBase + ".." + backoffCap + ", component=" + component.orElse("-")
                + ", clientCredential=" + clientCredential.map(Object::toString).orElse("-")
                + ", trustedCertificates=" + trustedCertificates.map(Object::toString).orElse("JDK") + "]";
    }

    /** Builds a {@link HttpClientConfig}; each setter validates its argument at once. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private Duration backoffBase = Duration.ofMillis(200);
        private Duration backoffCap = Duration.ofSeconds(5);
        private Optional<String> component = Optional.empty();
        private Optional<PrivateKeyCredential> clientCredential = Optional.empty();
        private Optional<TrustedCertificates> trustedCertificates = Optional.empty();
        private Optional<Proxy> proxy = Optional.empty();
        private Level exchangeLogLevel = Level.DEBUG;
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator random = new Random();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private Builder(HttpClientConfig config) {
            connectTimeout = config.connectTimeout;
            readTimeout = config.readTimeout;
            writeTimeout = config.writeTimeout;
            callTimeout = config.callTimeout;
            maxRetries = config.maxRetries;
            backoffBase = config.backoffBase;
            backoffCap = config.backoffCap;
            component = config.component;
            clientCredential = config.clientCredential;
            trustedCertificates = config.trustedCertificates;
            proxy = config.proxy;
            exchangeLogLevel = config.exchangeLogLevel;
            sleeper = config.sleeper;
            random = config.random;
            clock = config.clock;
        }

        /** Limit for establishing a TCP connection (and TLS handshake); default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            connectTimeout = timeout("connectTimeout", timeout);
            return this;
        }

        /** Limit for each read while waiting for the server's answer; default 30 s. */
        public Builder readTimeout(Duration timeout) {
            readTimeout = timeout("readTimeout", timeout);
            return this;
        }

        /** Limit for each write of the request; default 30 s. */
        public Builder writeTimeout(Duration timeout) {
            writeTimeout = timeout("writeTimeout", timeout);
            return this;
        }

        /** Limit for the whole call including every retry and every wait between them; default 60 s. */
        public Builder callTimeout(Duration timeout) {
            callTimeout = timeout("callTimeout", timeout);
            return this;
        }

        /** How many times an idempotent request is sent again at most (0 to 10); default 2, so 3 attempts. */
        public Builder maxRetries(int retries) {
            if (retries < 0 || retries > MAX_RETRIES) {
                throw new ConfigurationException(HttpError.RETRIES_INVALID, retries, MAX_RETRIES);
            }
            maxRetries = retries;
            return this;
        }

        /**
         * Base and cap of the exponential backoff with full jitter: before retry {@code n} the client waits a random
         * time between 0 and {@code min(cap, base * 2^(n-1))}; a {@code Retry-After} of the server is honoured up to
         * {@code cap}. Default 200 ms and 5 s.
         */
        public Builder backoff(Duration base, Duration cap) {
            Duration checkedBase = backoffPart("backoff base", base);
            Duration checkedCap = backoffPart("backoff cap", cap);
            if (checkedBase.compareTo(checkedCap) > 0) {
                throw new ConfigurationException(HttpError.BACKOFF_INVALID,
                        "base " + base.toMillis() + " ms exceeds cap " + cap.toMillis() + " ms",
                        MAX_BACKOFF.toMillis());
            }
            backoffBase = checkedBase;
            backoffCap = checkedCap;
            return this;
        }

        /**
         * The SDK component that makes the calls, named in the user agent {@code ozg-sdk/<version> (+component)};
         * 1 to 64 letters, digits, dots, hyphens or underscores. Default: none ({@code ozg-sdk/<version>}).
         */
        public Builder component(String name) {
            if (name == null || !COMPONENT.matcher(name).matches()) {
                throw new ConfigurationException(HttpError.COMPONENT_INVALID, String.valueOf(name));
            }
            component = Optional.of(name);
            return this;
        }

        /** The certificate to present for mutual TLS. Default: none. */
        public Builder clientCredential(PrivateKeyCredential credential) {
            clientCredential = Optional.of(Objects.requireNonNull(credential, "credential"));
            return this;
        }

        /**
         * The only anchors to trust for server certificates, replacing the JDK's trust store (pin the CA of a
         * Fachverfahren). Default: the JDK's trust store.
         */
        public Builder trustedCertificates(TrustedCertificates anchors) {
            trustedCertificates = Optional.of(Objects.requireNonNull(anchors, "anchors"));
            return this;
        }

        /** The proxy to connect through. Default: none (the JVM's proxy selector). */
        public Builder proxy(Proxy httpProxy) {
            proxy = Optional.of(Objects.requireNonNull(httpProxy, "httpProxy"));
            return this;
        }

        /** The level to log each exchange at; default {@link Level#DEBUG} (use INFO to see calls in production). */
        public Builder exchangeLogLevel(Level level) {
            exchangeLogLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /** How the client waits between attempts; default {@link Sleeper#system()}. Tests record instead. */
        public Builder sleeper(Sleeper waiter) {
            sleeper = Objects.requireNonNull(waiter, "waiter");
            return this;
        }

        /** The source of the retry jitter; must be thread-safe. Default: a new {@link Random}. */
        public Builder random(RandomGenerator generator) {
            random = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /** The clock for {@code Retry-After} dates and the certificate validity check; default system UTC. */
        public Builder clock(Clock timeSource) {
            clock = Objects.requireNonNull(timeSource, "timeSource");
            return this;
        }

        /** The immutable configuration. */
        public HttpClientConfig build() {
            return new HttpClientConfig(this);
        }

        private static Duration timeout(String name, Duration timeout) {
            Objects.requireNonNull(timeout, name);
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new ConfigurationException(HttpError.TIMEOUT_INVALID, name, timeout, MAX_TIMEOUT.toMillis());
            }
            return timeout;
        }

        private static Duration backoffPart(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.toMillis() < 1 || value.compareTo(MAX_BACKOFF) > 0) {
                throw new ConfigurationException(HttpError.BACKOFF_INVALID, name + " " + value, MAX_BACKOFF.toMillis());
            }
            return value;
        }
    }
}
