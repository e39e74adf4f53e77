package de.ozgsdk.transfer;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.IdempotencyKey;
import de.ozgsdk.http.OzgHttpClients;
import de.ozgsdk.transfer.internal.ReceiverAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * Delivers applications to a Fachverfahren over a direct HTTPS connection with mutual TLS (the legacy "direct
 * connection" of a local portal): {@code POST <endpoint>} with the application message as
 * {@code application/xml; charset=utf-8} and the submission id as {@code Idempotency-Key}.
 *
 * <p><b>The receiver's side of the contract</b> (TRANSFER.md):
 * <ul>
 *   <li><b>Receipt:</b> a 2xx answer with a non-empty body of at most {@value #MAX_RECEIPT_BYTES} bytes (the
 *       receiver's confirmation, e.g. its Eingangsbestätigung with its own file number) means the receiver has taken
 *       the application over; body, media type and {@code Location} header end up in the {@link Receipt}. A 2xx
 *       without a body is no receipt: retried with the same key.</li>
 *   <li><b>409 Conflict</b> is the receiver's answer to an {@code Idempotency-Key} it has accepted before: the
 *       application arrived in an earlier attempt whose answer was lost, so it counts as delivered
 *       ({@link Receipt#alreadyDelivered()}). A receiver must use 409 for nothing else on this endpoint.</li>
 *   <li><b>Retried later</b> (retryable, the outbox sends again with the same key): 5xx, 408, 425, 429, timeouts,
 *       refused or broken connections, TLS handshake failures.</li>
 *   <li><b>Dead letter</b> (permanent): every other 4xx (invalid message, certificate not authorised, wrong URL) and
 *       redirects, which are not followed for a submission.</li>
 * </ul>
 *
 * <pre>{@code
 * HttpsChannel intake = HttpsChannel.builder(intakeUrl, HttpClientConfig.builder()
 *                 .clientCredential(portalCredential) // mutual TLS: required
 *                 .trustedCertificates(TrustedCertificates.of(List.of(intakeCa)))
 *                 .build())
 *         .build();
 * Receipt receipt = intake.send(OutgoingApplication.of(submissionId, applicationXml));
 * // receipt.document(): the receiver's confirmation; receipt.reference(): its Location header
 * }</pre>
 *
 * <p>The HTTP client's own retries ({@link HttpClientConfig#maxRetries()}) apply within one attempt, since the request
 * carries an idempotency key; the outbox's retries come on top, spread over hours. Thread-safe.
 */
public final class HttpsChannel implements SubmissionChannel {

    /** The largest receipt body accepted, in bytes. */
    public static final int MAX_RECEIPT_BYTES = 1 << 20;

    private static final MediaType XML = MediaType.get("application/xml; charset=utf-8");

    private final HttpUrl endpoint;
    private final MediaType mediaType;
    private final OkHttpClient client;
    private final String system;
    private final Clock clock;

    private HttpsChannel(Builder builder) {
        this.endpoint = builder.endpoint;
        this.mediaType = builder.mediaType;
        this.client = OzgHttpClients.create(builder.config).newBuilder().followRedirects(false).build();
        this.system = endpoint.host() + ":" + endpoint.port();
        this.clock = builder.clock;
    }

    /**
     * Starts a channel that posts to {@code endpoint} with the HTTP client settings of {@code config}, which must hold
     * the client certificate for mutual TLS.
     *
     * @throws InvalidInputException if {@code endpoint} is not an absolute https URL
     * @throws ConfigurationException if {@code config} has no client certificate
     */
    public static Builder builder(URI endpoint, HttpClientConfig config) {
        return new Builder(endpoint, config);
    }

    /** The URL the applications are posted to. */
    public URI endpoint() {
        return endpoint.uri();
    }

    /**
     * Posts the application and returns the receiver's receipt.
     *
     * @throws RemoteSystemException if the receiver did not confirm it; see the class documentation for which
     *     failures are retryable
     */
    @Override
    public Receipt send(OutgoingApplication application) {
        Request request = IdempotencyKey.of(application.submissionId())
                .applyTo(new Request.Builder().url(endpoint).post(body(application, mediaType)))
                .build();
        try (Response response = client.newCall(request).execute()) {
            return ReceiverAnswer.read(response, system, application.submissionId(), clock.instant(),
                    MAX_RECEIPT_BYTES);
        } catch (IOException e) {
            throw ReceiverAnswer.connectionFailed(system, application.submissionId(), e);
        }
    }

    @Override
    public String toString() {
        return "HttpsChannel[" + endpoint.redact() + "]";
    }

    /** Streams the application from its source on every attempt, so that a spooled file is never held in memory. */
    private static RequestBody body(OutgoingApplication application, MediaType mediaType) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return mediaType;
            }

            @Override
            public long contentLength() throws IOException {
                return application.size();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (InputStream in = application.open(); Source source = Okio.source(in)) {
                    sink.writeAll(source);
                }
            }
        };
    }

    /** Configures an {@link HttpsChannel}. */
    public static final class Builder {
        private final HttpUrl endpoint;
        private final HttpClientConfig config;
        private Clock clock = Clock.systemUTC();
        private MediaType mediaType = XML;

        private Builder(URI endpoint, HttpClientConfig config) {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(config, "config");
            this.endpoint = httpsUrl(endpoint);
            if (config.clientCredential().isEmpty()) {
                throw new ConfigurationException(TransferError.HTTPS_CLIENT_CERTIFICATE_MISSING, this.endpoint.host());
            }
            this.config = config.component().isPresent() ? config : config.toBuilder().component("transfer").build();
        }

        /** The clock for the receipts' time (default: the system clock in UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The {@code Content-Type} of the posted bytes (default {@code application/xml; charset=utf-8}); e.g.
         * {@code application/json} for a portal's own postbox.
         *
         * @throws InvalidInputException if it is no media type
         */
        public Builder mediaType(String type) {
            Objects.requireNonNull(type, "type");
            MediaType parsed = MediaType.parse(type);
            if (parsed == null) {
                throw new InvalidInputException(TransferError.HTTPS_ENDPOINT_INVALID, endpoint.redact(),
                        "the media type " + type + " is no type/subtype");
            }
            this.mediaType = parsed;
            return this;
        }

        public HttpsChannel build() {
            return new HttpsChannel(this);
        }

        private static HttpUrl httpsUrl(URI endpoint) {
            Optional<HttpUrl> url = Optional.ofNullable(endpoint.isAbsolute() ? HttpUrl.parse(endpoint.toString()) : null);
            if (url.isEmpty()) {
                throw new InvalidInputException(TransferError.HTTPS_ENDPOINT_INVALID, endpoint, "not an absolute URL");
            }
            if (!url.get().isHttps()) {
                throw new InvalidInputException(TransferError.HTTPS_ENDPOINT_INVALID, url.get().redact(),
                        "only https is allowed, since the application holds personal data");
            }
            return url.get();
        }
    }
}
