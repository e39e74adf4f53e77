package de.ozgsdk.sandbox.tsa;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import de.ozgsdk.sandbox.SandboxError;
import de.ozgsdk.sandbox.SandboxPki;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.tsp.TimeStampRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An RFC 3161 time-stamp authority (TSA) on loopback, for the SDK's {@code TimestampClient} and any other RFC 3161
 * client ({@code openssl ts}): {@code POST /tsa} of an {@code application/timestamp-query} ({@code TimeStampReq}) is
 * answered with an {@code application/timestamp-reply} ({@code TimeStampResp}, RFC 3161 3.4) whose token is signed
 * with a TSA certificate that has the one critical extended key usage id-kp-timeStamping (RFC 3161 2.3).
 *
 * <p>It accepts SHA-256, SHA-384 and SHA-512 imprints, echoes the nonce, includes its certificate when the request
 * sets {@code certReq}, issues under {@link Builder#policy(String) its policy} or a requested one it
 * {@link Builder#acceptPolicy(String) accepts}, numbers tokens with unique, growing serial numbers and takes genTime
 * (in milliseconds) from the mock's clock. Requests it cannot serve get a {@code rejection} with the failInfo of RFC
 * 3161 ({@code badAlg}, {@code badDataFormat}, {@code unacceptedPolicy}, {@code unacceptedExtension}); another path
 * 404, another method 405, another content type 415. Its own errors ({@link Error}) are the ways a TSA can fail or
 * lie, each of which a client must notice.
 *
 * <pre>{@code
 * TimestampAuthorityMock tsa = TimestampAuthorityMock.builder().start(); // key and CA generated for this run
 * TimestampClient client = TimestampClient.builder()
 *         .url(tsa.tsaUrl().toString())              // http://127.0.0.1:<port>/tsa
 *         .trustAnchors(List.of(tsa.trustAnchor()))  // the mock's CA certificate
 *         .build();
 * TimestampToken token = client.stamp(receipt);
 * tsa.faults().add(Fault.systemError(TimestampAuthorityMock.Error.WRONG_NONCE).once()); // the next token lies
 * }</pre>
 */
public final class TimestampAuthorityMock extends MockServer {

    /** The path the TSA serves. */
    public static final String PATH = "/tsa";
    /** The default TSA policy: an OID of the ITU-T/ISO example arc (2.999), so no real policy is claimed. */
    public static final String DEFAULT_POLICY = "2.999.3161.1";
    /** The media type of a {@code TimeStampReq} (RFC 3161 3.4). */
    public static final String QUERY_TYPE = "application/timestamp-query";
    /** The media type of a {@code TimeStampResp} (RFC 3161 3.4). */
    public static final String REPLY_TYPE = "application/timestamp-reply";

    /** The TSA's own errors, for {@code Fault.systemError(…)}; each answers one request the way its name says. */
    public enum Error {
        /** PKIStatus rejection with failInfo badAlg, whatever the request's algorithm. */
        REJECTION_BAD_ALG,
        /** PKIStatus rejection with failInfo unacceptedPolicy. */
        REJECTION_UNACCEPTED_POLICY,
        /** PKIStatus rejection with failInfo systemFailure (the TSA's clock or key is unavailable). */
        REJECTION_SYSTEM_FAILURE,
        /** A token whose nonce is the request's plus one: the answer to another request. */
        WRONG_NONCE,
        /** A token without nonce although the request carried one. */
        MISSING_NONCE,
        /** A token over another digest (one bit of the request's imprint flipped). */
        WRONG_IMPRINT,
        /** A token under another policy than the requested (or default) one. */
        OTHER_POLICY,
        /** A token without the TSA certificate although the request set certReq. */
        NO_CERTIFICATE,
        /** A token signed with a TSA certificate that expired before genTime. */
        EXPIRED_CERTIFICATE,
        /** A token signed by a TSA certificate of a CA nobody trusts (same subject name). */
        UNTRUSTED_SIGNER,
        /** A token whose signature was damaged after signing. */
        BAD_SIGNATURE,
        /** Half of a reply: {@code 200}, the reply's content type, bytes that are no DER structure. */
        MALFORMED_REPLY
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int KEPT_TOKENS = 1_000;
    private static final String ADMIN = ADMIN_PREFIX + "tsa/";

    private final TokenFactory tokens;
    private final X509Certificate trustAnchor;
    private final String policy;
    private final AtomicLong serials;
    private final Deque<IssuedTimestamp> issued = new ArrayDeque<>();
    private long issuedTotal;

    private TimestampAuthorityMock(Builder builder) {
        super(builder, "tsa", Arrays.stream(Error.values()).map(Enum::name).toList());
        Instant now = clock().instant();
        SandboxPki pki = builder.pki != null ? builder.pki
                // the clock may be a test's: the CA must be valid around its time, not around the system's
                : SandboxPki.generate(now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)));
        PrivateKeyCredential signer = builder.signer != null ? builder.signer : issueSigner(pki, now);
        this.trustAnchor = builder.signer != null ? signer.chain().get(signer.chain().size() - 1)
                : pki.caCertificate();
        this.policy = builder.policy;
        Set<ASN1ObjectIdentifier> accepted = new LinkedHashSet<>();
        accepted.add(new ASN1ObjectIdentifier(builder.policy));
        builder.acceptedPolicies.forEach(oid -> accepted.add(new ASN1ObjectIdentifier(oid)));
        this.tokens = new TokenFactory(signer, pki, new ASN1ObjectIdentifier(builder.policy), accepted,
                builder.accuracy);
        // Serials start at the wall clock's microseconds: a TSA restarted with the same given key never repeats one.
        this.serials = new AtomicLong(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
    }

    /** A builder: plain http on a free loopback port, a CA and TSA key generated for this run, policy 2.999.3161.1. */
    public static Builder builder() {
        return new Builder();
    }

    /** The URL clients post time-stamp queries to: {@code <baseUrl>tsa}. */
    public URI tsaUrl() {
        return uri(PATH);
    }

    /**
     * The certificate a client trusts to accept this TSA's tokens: the CA certificate of the mock's PKI, or of a
     * {@link Builder#signer given signer} the last certificate of its chain (the signer's own if it has no chain).
     */
    public X509Certificate trustAnchor() {
        return trustAnchor;
    }

    /** The TSA certificate its tokens are signed with (critical extended key usage id-kp-timeStamping). */
    public X509Certificate signerCertificate() {
        return tokens.signer().certificate();
    }

    /** The policy tokens are issued under unless a request asks for another accepted one, in dotted notation. */
    public String policy() {
        return policy;
    }

    /** The tokens the mock sent, oldest first (the newest 1,000), as they were sent (faults included). */
    public synchronized List<IssuedTimestamp> issued() {
        return List.copyOf(issued);
    }

    /** How many tokens the mock sent since it started (or since {@link #clearIssued()}). */
    public synchronized long issuedCount() {
        return issuedTotal;
    }

    /** Forgets the tokens sent so far (as {@code DELETE /__admin/tsa/tokens}); serial numbers keep growing. */
    public synchronized void clearIssued() {
        issued.clear();
        issuedTotal = 0;
    }

    @Override
    protected Answer handle(MockRequest request) {
        return answer(request, null);
    }

    @Override
    protected Answer systemError(String error, MockRequest request) {
        return answer(request, Error.valueOf(error));
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        String path = request.path();
        if (path.equals(ADMIN + "tokens")) {
            return Optional.of(switch (request.method()) {
                case "GET" -> issuedJson();
                case "DELETE" -> {
                    clearIssued();
                    yield Answer.status(204);
                }
                default -> Answer.status(405).header("Allow", "GET, DELETE");
            });
        }
        if (path.equals(ADMIN + "ca.pem") || path.equals(ADMIN + "tsa.pem")) {
            if (!request.method().equals("GET")) {
                return Optional.of(Answer.status(405).header("Allow", "GET"));
            }
            List<X509Certificate> certificates = path.endsWith("ca.pem") ? List.of(trustAnchor)
                    : tokens.signer().chain();
            return Optional.of(Answer.text(200, "application/x-pem-file", pem(certificates)));
        }
        return Optional.empty();
    }

    /** The query's harmless fields: hash algorithm, imprint (a digest), nonce, certReq and policy. */
    @Override
    protected String summariseBody(MockRequest request) {
        return TokenFactory.parse(request.body())
                .map(query -> "TimeStampReq " + TokenFactory.hashName(query.getMessageImprintAlgOID()) + " "
                        + HexFormat.of().formatHex(query.getMessageImprintDigest())
                        + ", nonce " + (query.getNonce() == null ? "-" : query.getNonce().toString(16))
                        + ", certReq " + query.getCertReq()
                        + ", policy " + (query.getReqPolicy() == null ? "-" : query.getReqPolicy().getId()))
                .orElseGet(() -> summarise(request.body()));
    }

    private Answer answer(MockRequest request, Error error) {
        Optional<Answer> refused = httpRefusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<TimeStampRequest> query = TokenFactory.parse(request.body());
        if (query.isEmpty()) {
            return reply(tokens.rejection(PKIFailureInfo.badDataFormat,
                    "the body is no DER-encoded TimeStampReq (RFC 3161 2.4.1)"));
        }
        if (error != null) {
            Optional<Integer> failInfo = rejectionOf(error);
            if (failInfo.isPresent()) {
                return reply(tokens.rejection(failInfo.get(), "sandbox fault " + error.name()));
            }
        }
        Optional<byte[]> refusal = tokens.refusal(query.get());
        if (refusal.isPresent()) {
            return reply(refusal.get());
        }
        Instant genTime = clock().instant().truncatedTo(ChronoUnit.MILLIS);
        TokenFactory.Granted granted = tokens.grant(query.get(), error, BigInteger.valueOf(serials.incrementAndGet()),
                genTime);
        remember(granted.issued());
        return reply(granted.reply());
    }

    private static Optional<Answer> httpRefusal(MockRequest request) {
        if (!request.path().equals(PATH)) {
            return Optional.of(Answer.text(404, "text/plain; charset=utf-8",
                    "no time-stamp authority at " + request.path() + "; post to " + PATH));
        }
        if (!request.method().equals("POST")) {
            return Optional.of(Answer.status(405).header("Allow", "POST"));
        }
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.split(";", 2)[0].strip().equals(QUERY_TYPE)) {
            return Optional.of(Answer.text(415, "text/plain; charset=utf-8",
                    "Content-Type must be " + QUERY_TYPE + " (RFC 3161 3.4), was '" + contentType + "'"));
        }
        return Optional.empty();
    }

    private static Optional<Integer> rejectionOf(Error error) {
        return switch (error) {
            case REJECTION_BAD_ALG -> Optional.of(PKIFailureInfo.badAlg);
            case REJECTION_UNACCEPTED_POLICY -> Optional.of(PKIFailureInfo.unacceptedPolicy);
            case REJECTION_SYSTEM_FAILURE -> Optional.of(PKIFailureInfo.systemFailure);
            default -> Optional.empty();
        };
    }

    private synchronized void remember(IssuedTimestamp token) {
        if (issued.size() == KEPT_TOKENS) {
            issued.removeFirst();
        }
        issued.addLast(token);
        issuedTotal++;
    }

    private Answer issuedJson() {
        ArrayNode list = JSON.createArrayNode();
        for (IssuedTimestamp token : issued()) {
            ObjectNode entry = list.addObject();
            entry.put("serialNumber", token.serialNumber().toString(16));
            entry.put("genTime", token.genTime().toString());
            entry.put("hashAlgorithm", token.hashAlgorithm());
            entry.put("messageImprint", token.messageImprint());
            entry.put("nonce", token.nonce().map(nonce -> nonce.toString(16)).orElse(null));
            entry.put("policy", token.policy());
            entry.put("certificatesIncluded", token.certificatesIncluded());
            entry.put("fault", token.fault().orElse(null));
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("count", issuedCount());
        root.set("tokens", list);
        return Answer.json(200, root.toString());
    }

    private static Answer reply(byte[] timeStampResp) {
        return Answer.of(200, REPLY_TYPE, timeStampResp);
    }

    private static PrivateKeyCredential issueSigner(SandboxPki pki, Instant now) {
        X509Certificate ca = pki.caCertificate();
        Instant notBefore = latest(now.minus(Duration.ofDays(30)), ca.getNotBefore().toInstant());
        Instant notAfter = earliest(now.plus(Duration.ofDays(5 * 365)), ca.getNotAfter().toInstant());
        return pki.issueTimeStamping("OZG Sandbox TSA", notBefore, notAfter);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String pem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode the TSA's certificate", e);
            }
        }
        return pem.toString();
    }

    /** Builds a {@link TimestampAuthorityMock}. */
    public static final class Builder extends MockServer.Builder<Builder, TimestampAuthorityMock> {

        private SandboxPki pki;
        private PrivateKeyCredential signer;
        private String policy = DEFAULT_POLICY;
        private final List<String> acceptedPolicies = new ArrayList<>();
        private Duration accuracy = Duration.ZERO;

        private Builder() {
        }

        /**
         * Issues the TSA certificate from {@code pki} (e.g. the PKI of other https mocks: one trust anchor for all);
         * by default the mock generates a CA valid around its clock. A given PKI's CA is valid around the system
         * time: a mock clock far from it makes the chain invalid at genTime.
         */
        public Builder pki(SandboxPki pki) {
            this.pki = Objects.requireNonNull(pki, "pki");
            return this;
        }

        /**
         * Signs with a given TSA key and certificate chain (the TSA's certificate first, its issuers after it; the
         * last one is the {@link TimestampAuthorityMock#trustAnchor() trust anchor}). Its certificate must have the
         * one critical extended key usage id-kp-timeStamping (RFC 3161 2.3), its key be RSA or EC.
         *
         * @throws ConfigurationException {@code OZG-SANDBOX-170} otherwise
         */
        public Builder signer(PrivateKeyCredential signer) {
            TokenFactory.requireTimeStampingSigner(Objects.requireNonNull(signer, "signer"));
            this.signer = signer;
            return this;
        }

        /**
         * The policy tokens are issued under when a request names none (default
         * {@value TimestampAuthorityMock#DEFAULT_POLICY}); a request naming it is accepted.
         *
         * @throws ConfigurationException {@code OZG-SANDBOX-171} if {@code oid} is no object identifier
         */
        public Builder policy(String oid) {
            this.policy = requireOid(oid);
            return this;
        }

        /**
         * A further policy a request may ask for (the token then names it); requests for other policies are refused
         * with failInfo unacceptedPolicy.
         *
         * @throws ConfigurationException {@code OZG-SANDBOX-171} if {@code oid} is no object identifier
         */
        public Builder acceptPolicy(String oid) {
            acceptedPolicies.add(requireOid(oid));
            return this;
        }

        /**
         * The accuracy tokens state ({@code TSTInfo.accuracy}: seconds, milliseconds, microseconds); zero (the
         * default) leaves it out.
         *
         * @throws ConfigurationException {@code OZG-SANDBOX-110} if negative
         */
        public Builder accuracy(Duration accuracy) {
            if (Objects.requireNonNull(accuracy, "accuracy").isNegative()) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "accuracy", accuracy, ">= 0");
            }
            this.accuracy = accuracy;
            return this;
        }

        private static String requireOid(String oid) {
            if (ASN1ObjectIdentifier.tryFromID(Objects.requireNonNull(oid, "oid")) == null) {
                throw new ConfigurationException(SandboxError.TSA_POLICY_INVALID, oid);
            }
            return oid;
        }

        @Override
        protected TimestampAuthorityMock build() {
            return new TimestampAuthorityMock(this);
        }
    }
}
