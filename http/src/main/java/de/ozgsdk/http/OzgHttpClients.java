package de.ozgsdk.http;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.http.internal.RetryInterceptor;
import de.ozgsdk.http.internal.RetryPolicy;
import de.ozgsdk.http.internal.SdkVersion;
import de.ozgsdk.http.internal.TlsContexts;
import de.ozgsdk.http.internal.UserAgentInterceptor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the OkHttp clients through which every SDK module talks to remote systems, configured by an
 * {@link HttpClientConfig}: bounded timeouts, retries of idempotent requests with exponential backoff and full jitter,
 * the SDK's user agent, optional mutual TLS, and one log line per exchange without query, headers or bodies.
 *
 * <pre>{@code
 * PrivateKeyCredential tls = PrivateKeyCredential.fromPem(
 *         configDir.resolve("client-key.pem"), configDir.resolve("client-chain.pem"));
 * OkHttpClient http = OzgHttpClients.create(HttpClientConfig.builder()
 *         .component("fachverfahren-intake")
 *         .clientCredential(tls)
 *         .trustedCertificates(TrustedCertificates.load(configDir.resolve("intake-ca.pem")))
 *         .build());
 *
 * Request request = IdempotencyKey.of(submissionId)          // a POST with a key is retried, one without is not
 *         .applyTo(new Request.Builder().url(intakeUrl).post(body))
 *         .build();
 * try (Response response = http.newCall(request).execute()) {
 *     archive.store(submissionId, response.body().bytes());
 * }
 * }</pre>
 *
 * <p>Create one client per remote system and keep it: OkHttp clients are thread-safe and pool connections. To derive
 * a variant that shares the pool, use {@link OkHttpClient#newBuilder()}.
 *
 * <p>Security-relevant choices beyond OkHttp's defaults: OkHttp's own silent retry on connection failure is off (it
 * could resend a POST), and redirects between {@code https} and {@code http} are not followed.
 */
public final class OzgHttpClients {

    private static final Logger LOG = LoggerFactory.getLogger(OzgHttpClients.class);

    private OzgHttpClients() {
    }

    /** A client with every setting at its default ({@link HttpClientConfig#defaults()}). */
    public static OkHttpClient create() {
        return create(HttpClientConfig.defaults());
    }

    /**
     * A client configured by {@code config}.
     *
     * @throws ConfigurationException if the TLS context cannot be built from the credential and trust anchors
     */
    public static OkHttpClient create(HttpClientConfig config) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.writeTimeout())
                .callTimeout(config.callTimeout())
                .retryOnConnectionFailure(false)
                .followSslRedirects(false)
                .addInterceptor(new UserAgentInterceptor(userAgent(config)))
                .addInterceptor(new RetryInterceptor(retryPolicy(config), config.sleeper()))
                .addInterceptor(new ExchangeLoggingInterceptor(config.exchangeLogLevel()));
        config.proxy().ifPresent(builder::proxy);
        if (config.clientCredential().isPresent() || config.trustedCertificates().isPresent()) {
            config.clientCredential().ifPresent(credential -> warnIfNotValid(credential, config));
            TlsContexts.Tls tls = TlsContexts.create(config.clientCredential(), config.trustedCertificates());
            builder.sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager());
        }
        return builder.build();
    }

    /** The user agent clients send: {@code ozg-sdk/<version>}, followed by {@code (+component)} if one is set. */
    public static String userAgent(HttpClientConfig config) {
        return "ozg-sdk/" + SdkVersion.current() + config.component().map(c -> " (+" + c + ")").orElse("");
    }

    private static RetryPolicy retryPolicy(HttpClientConfig config) {
        return new RetryPolicy(config.maxRetries(), config.backoffBase(), config.backoffCap(), config.random(),
                config.clock());
    }

    private static void warnIfNotValid(PrivateKeyCredential credential, HttpClientConfig config) {
        // A warning, not a failure: servers decide themselves, and a client must still start to serve other calls.
        if (!credential.isValidAt(config.clock().instant())) {
            LOG.warn("TLS client certificate (serial {}) is not valid now: valid from {} until {}; servers that "
                    + "check it will refuse the connection", credential.certificate().getSerialNumber().toString(16),
                    credential.certificate().getNotBefore().toInstant(),
                    credential.certificate().getNotAfter().toInstant());
        }
    }
}
