package de.ozgsdk.http.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.RemoteSystemException.Side;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.http.internal.timestamp.HashAlgorithm;
import de.ozgsdk.http.internal.timestamp.TimestampResponseReader;
import de.ozgsdk.http.internal.timestamp.TimestampTokenVerifier;

/**
 * Client of an RFC 3161 time-stamp authority (TSA): it obtains a signed time-stamp for data, for instance to prove
 * that an application arrived before a legal deadline, and accepts the answer only after verifying it completely.
 *
 * <pre>{@code
 * TimestampClient tsa = TimestampClient.builder()
 *         .url(tsaUrl)
 *         .trustAnchors(List.of(tsaCaCertificate))   // X509Certificate of the TSA or of its CA
 *         .build();                                   // once per application; thread-safe
 *
 * TimestampToken token = tsa.stamp(receiptPdf);
 * archive.store(applicationId, receiptPdf, token.encoded());
 * log.info("application {} received at {}", applicationId, token.genTime());
 * }</pre>
 *
 * <p>Each call sends a {@code TimeStampReq} with the SHA-256 digest of the data, a fresh random nonce and
 * {@code certReq=true} by HTTP POST ({@code application/timestamp-query}) and checks the {@code TimeStampResp} in this
 * order: HTTP status and content type, DER structure, PKI status, nonce, message imprint, policy, the TSA certificate
 * (present, critical extended key usage timeStamping only, valid at genTime, chains to a trust anchor; revocation is
 * not checked), the signature, and that genTime is not later than the local clock plus the allowed skew.
 *
 * <p>Failures: {@link RemoteSystemException} (system {@code TSA}) when the TSA cannot be reached, answers with an
 * error or with bytes that are not a time-stamp response, or refuses the request; {@link SecurityCheckException} when
 * the answer is a time-stamp but must not be trusted; {@link InvalidInputException} for a bad digest argument.
 */
public final class TimestampClient {

    /** Answers larger than this are not time-stamp responses (those are a few kilobytes) and are refused. */
    static final long MAX_RESPONSE_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TimestampClient.class);
    private static final MediaType TIMESTAMP_QUERY = MediaType.get("application/timestamp-query");
    private static final String TIMESTAMP_REPLY = "application/timestamp-reply";
    /** The name used by early drafts of RFC 3161; some TSAs still send it. The signature protects the content. */
    private static final String TIMESTAMP_REPLY_LEGACY = "application/timestamp-response";
    private static final int NONCE_BITS = 64;

    private final HttpUrl url;
    private final OkHttpClient httpClient;
    private final TimestampTokenVerifier verifier;
    private final ASN1ObjectIdentifier policy;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration allowedClockSkew;

    private TimestampClient(Builder builder) {
        this.url = builder.url;
        this.httpClient = builder.httpClient != null ? builder.httpClient : defaultHttpClient();
        this.verifier = new TimestampTokenVerifier(builder.trustAnchors);
        this.policy = builder.policy;
        this.clock = builder.clock;
        this.random = builder.random != null ? builder.random : new SecureRandom();
        this.allowedClockSkew = builder.allowedClockSkew;
    }

    /** Starts configuring a client. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Time-stamps {@code data}: sends its SHA-256 digest to the TSA and returns the verified token.
     *
     * @throws RemoteSystemException if the TSA cannot be reached, fails or refuses
     * @throws SecurityCheckException if the TSA's answer must not be trusted
     */
    public TimestampToken stamp(byte[] data) {
        Objects.requireNonNull(data, "data");
        return stampDigest(HashAlgorithm.SHA_256.digest(data));
    }

    /**
     * Time-stamps data by its SHA-256 digest (for data too large to hold in memory, or hashed elsewhere).
     *
     * @param sha256 the SHA-256 digest of the data, 32 bytes
     * @throws InvalidInputException {@link TimestampError#DIGEST_LENGTH_INVALID} if {@code sha256} is not 32 bytes
     * @throws RemoteSystemException if the TSA cannot be reached, fails or refuses
     * @throws SecurityCheckException if the TSA's answer must not be trusted
     */
    public TimestampToken stampDigest(byte[] sha256) {
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length != HashAlgorithm.SHA_256.length()) {
            throw new InvalidInputException(TimestampError.DIGEST_LENGTH_INVALID, sha256.length);
        }
        TimeStampRequest request = newRequest(sha256);
        String requestId = request.getNonce().toString(16);
        LOG.debug("requesting a time-stamp from {}, nonce {}", url.host(), requestId);
        Answer answer = post(request, requestId);
        TimeStampToken token = TimestampResponseReader.read(answer.body(), request, url.host(), answer.status());
        X509CertificateHolder tsaCertificate = verifier.verify(token);
        checkNotInFuture(token);
        TimestampToken result = new TimestampToken(token, tsaCertificate);
        LOG.info("time-stamp {} from {} at {}, nonce {}",
                result.serialNumber().toString(16), url.host(), result.genTime(), requestId);
        return result;
    }

    private TimeStampRequest newRequest(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        if (policy != null) {
            generator.setReqPolicy(policy);
        }
        return generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(NONCE_BITS, random));
    }

    /** The status and body of an answer with a time-stamp content type. */
    private record Answer(int status, byte[] body) {
    }

    private Answer post(TimeStampRequest request, String requestId) {
        Request httpRequest = new Request.Builder()
                .url(url)
                .header("Accept", TIMESTAMP_REPLY)
                .post(RequestBody.create(encode(request), TIMESTAMP_QUERY))
                .build();
        try (Response response = httpClient.newCall(httpRequest).execute()) {
            int status = response.code();
            if (!response.isSuccessful()) {
                throw remote(TimestampError.TSA_HTTP_ERROR, requestId, null)
                        .httpStatus(status).arguments(url.host(), status).build();
            }
            ResponseBody body = response.body();
            checkContentType(body.contentType(), status, requestId);
            return new Answer(status, readLimited(body.source(), status, requestId));
        } catch (IOException e) {
            throw remote(TimestampError.TSA_UNREACHABLE, requestId, e)
                    .side(Side.UNKNOWN).arguments(url.host(), e.getClass().getSimpleName()).build();
        }
    }

    private static byte[] encode(TimeStampRequest request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            // Encoding a request built in memory a moment ago does not fail.
            throw new IllegalStateException("cannot encode a time-stamp request", e);
        }
    }

    private void checkContentType(MediaType contentType, int status, String requestId) {
        String received = contentType == null ? "-"
                : (contentType.type() + "/" + contentType.subtype()).toLowerCase(Locale.ROOT);
        if (!TIMESTAMP_REPLY.equals(received) && !TIMESTAMP_REPLY_LEGACY.equals(received)) {
            throw remote(TimestampError.TSA_UNEXPECTED_CONTENT_TYPE, requestId, null)
                    .httpStatus(status).side(Side.REMOTE).arguments(url.host(), received).build();
        }
    }

    private byte[] readLimited(BufferedSource source, int status, String requestId) throws IOException {
        if (source.request(MAX_RESPONSE_BYTES + 1)) {
            throw remote(TimestampError.TSA_RESPONSE_TOO_LARGE, requestId, null)
                    .httpStatus(status).side(Side.REMOTE).arguments(url.host(), MAX_RESPONSE_BYTES).build();
        }
        return source.getBuffer().readByteArray();
    }

    private void checkNotInFuture(TimeStampToken token) {
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        Instant now = clock.instant();
        if (genTime.isAfter(now.plus(allowedClockSkew))) {
            throw new SecurityCheckException(TimestampError.GEN_TIME_IN_FUTURE, genTime, now, allowedClockSkew);
        }
    }

    private static RemoteSystemException.Builder remote(TimestampError code, String requestId, Throwable cause) {
        return RemoteSystemException.builder(code, TimestampResponseReader.SYSTEM).requestId(requestId).cause(cause);
    }

    private static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .build();
    }

    @Override
    public String toString() {
        return "TimestampClient[" + url.host() + "]";
    }

    /** Configures a {@link TimestampClient}; every setter validates its argument at once. */
    public static final class Builder {

        /** Upper bound for {@link #allowedClockSkew(Duration)}: beyond it a clock is broken, not skewed. */
        static final Duration MAX_CLOCK_SKEW = Duration.ofHours(1);

        private HttpUrl url;
        private OkHttpClient httpClient;
        private List<X509Certificate> trustAnchors = List.of();
        private ASN1ObjectIdentifier policy;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;
        private Duration allowedClockSkew = Duration.ofMinutes(1);

        private Builder() {
        }

        /**
         * The TSA's RFC 3161 endpoint; required. An absolute {@code http} or {@code https} URL without user info
         * (credentials belong in an interceptor of the {@link #httpClient(OkHttpClient) HTTP client}). Plain http is
         * allowed because the token is signed, as many TSAs offer it.
         *
         * @throws ConfigurationException {@link TimestampError#TSA_URL_INVALID} if it is not such a URL
         */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            HttpUrl parsed = HttpUrl.parse(url);
            if (parsed == null) {
                throw new ConfigurationException(TimestampError.TSA_URL_INVALID, "not an absolute http(s) URL");
            }
            if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
                throw new ConfigurationException(TimestampError.TSA_URL_INVALID, "contains user info");
            }
            this.url = parsed;
            return this;
        }

        /**
         * The HTTP client to send requests with (proxy, TLS, timeouts, authentication). Default: a client of its own
         * with 10 s connect, 30 s read and 60 s call timeout.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * The certificates trusted to sign time-stamps: the TSA's own certificate (pinned) and/or the CA certificates
         * that issue TSA certificates; required, at least one. A token counts only if its signer is one of them or
         * chains to one of them (using certificates carried in the token).
         *
         * @throws ConfigurationException {@link TimestampError#TRUST_ANCHORS_MISSING} if empty
         */
        public Builder trustAnchors(Collection<? extends X509Certificate> trustAnchors) {
            Objects.requireNonNull(trustAnchors, "trustAnchors");
            trustAnchors.forEach(anchor -> Objects.requireNonNull(anchor, "trustAnchors element"));
            if (trustAnchors.isEmpty()) {
                throw new ConfigurationException(TimestampError.TRUST_ANCHORS_MISSING);
            }
            this.trustAnchors = List.copyOf(trustAnchors);
            return this;
        }

        /**
         * The TSA policy to request ({@code reqPolicy}), in dotted notation; the token must be issued under it.
         * Default: none, the TSA chooses its default policy and any policy is accepted.
         *
         * @throws ConfigurationException {@link TimestampError#POLICY_OID_INVALID} if it is not an OID
         */
        public Builder policy(String oid) {
            Objects.requireNonNull(oid, "oid");
            ASN1ObjectIdentifier parsed = ASN1ObjectIdentifier.tryFromID(oid);
            if (parsed == null) {
                throw new ConfigurationException(TimestampError.POLICY_OID_INVALID, oid);
            }
            this.policy = parsed;
            return this;
        }

        /** The clock genTime is compared with. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of request nonces. Default: a new {@link SecureRandom}. */
        public Builder secureRandom(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * How far genTime may lie after the local clock before the token is refused. Default: 1 minute; at most
         * 1 hour.
         *
         * @throws ConfigurationException {@link TimestampError#CLOCK_SKEW_INVALID} if negative or above 1 hour
         */
        public Builder allowedClockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new ConfigurationException(TimestampError.CLOCK_SKEW_INVALID, skew, MAX_CLOCK_SKEW);
            }
            this.allowedClockSkew = skew;
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws ConfigurationException if the URL or the trust anchors are missing
         */
        public TimestampClient build() {
            if (url == null) {
                throw new ConfigurationException(TimestampError.TSA_URL_INVALID, "not set");
            }
            if (trustAnchors.isEmpty()) {
                throw new ConfigurationException(TimestampError.TRUST_ANCHORS_MISSING);
            }
            return new TimestampClient(this);
        }
    }
}
