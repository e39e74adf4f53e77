package de.ozgsdk.sandbox;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A Fachverfahren's HTTPS intake for legacy direct connections (what {@code HttpsChannel} of ozg-transfer talks to):
 * mutual TLS with a client certificate from a configured trust anchor, {@code POST <path>} of an
 * {@code application/xml} application with an {@code Idempotency-Key}, answered {@code 201} with an
 * {@code <eingangsbestaetigung>} and a {@code Location}; a repeated key is recognised and answered {@code 409}, so the
 * intake holds each application once ({@link #applications()}, {@link #attempts(String)}).
 *
 * <p>Refusals: no or invalid {@code Idempotency-Key} 400, another content type 415, a body that is no well-formed
 * XML 400, another path 404, another method 405. Its own errors ({@link Error}) model the failures where the
 * intake has taken the application over but the portal does not learn it. Admin: {@code GET /__admin/applications}
 * lists the held applications (key, attempts, size and hash, never the content), {@code DELETE} forgets them.
 */
public final class HttpsIntakeMock extends MockServer {

    /** The intake's own errors, for {@link Fault#systemError(Enum)}. */
    public enum Error {
        /** Takes the application over but answers {@code 201} without receipt body. */
        NO_RECEIPT,
        /** Takes the application over, then closes the connection: the answer is lost. */
        STORE_THEN_DROP,
        /** Takes the application over, then never answers: the portal times out. */
        STORE_THEN_HANG
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final String path;
    private final HeldApplications applications = new HeldApplications();
    private final AtomicInteger aktenzeichen = new AtomicInteger();

    private HttpsIntakeMock(Builder builder) {
        super(builder, "https-intake", Arrays.stream(Error.values()).map(Enum::name).toList());
        this.path = builder.path;
    }

    /** A builder: https on a free loopback port, mutual TLS with clients of the mock's own PKI, path /antraege. */
    public static Builder builder() {
        return new Builder();
    }

    /** The intake URL the portal posts to. */
    public URI intakeUri() {
        return uri(path);
    }

    /** The applications the intake holds, by idempotency key (each exactly once, however often it was sent). */
    public Map<String, byte[]> applications() {
        return applications.contents();
    }

    /** How many applications the intake holds. */
    public int count() {
        return applications.count();
    }

    /** How often an application with {@code key} was posted (accepted once, repeats included); 0 if never. */
    public int attempts(String key) {
        return applications.attempts(key);
    }

    /** The subject of the client certificate that delivered the application with {@code key}. */
    public Optional<String> deliveredBy(String key) {
        return applications.deliveredBy(key);
    }

    /** Forgets every held application (as {@code DELETE /__admin/applications}). */
    public void clearApplications() {
        applications.clear();
    }

    @Override
    protected Answer handle(MockRequest request) {
        return refusal(request).orElseGet(() -> take(request));
    }

    @Override
    protected Answer systemError(String error, MockRequest request) {
        Optional<Answer> refused = refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Answer taken = take(request);
        return switch (Error.valueOf(error)) {
            case NO_RECEIPT -> Answer.status(taken.statusCode());
            case STORE_THEN_DROP -> Answer.drop();
            case STORE_THEN_HANG -> Answer.hang();
        };
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        return applications.admin(request);
    }

    @Override
    protected Set<String> recordedHeaders() {
        return Set.of("content-type", "content-length", "idempotency-key");
    }

    private Optional<Answer> refusal(MockRequest request) {
        if (!request.path().equals(path)) {
            return Optional.of(Answer.text(404, "text/plain; charset=utf-8", "no intake at " + request.path()));
        }
        if (!request.method().equals("POST")) {
            return Optional.of(Answer.status(405).header("Allow", "POST"));
        }
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/xml")) {
            return Optional.of(Answer.text(415, "text/plain; charset=utf-8",
                    "Content-Type must be application/xml, was '" + contentType + "'"));
        }
        Optional<String> key = request.header("Idempotency-Key");
        if (key.isEmpty() || !KEY.matcher(key.get()).matches()) {
            return Optional.of(Answer.text(400, "text/plain; charset=utf-8",
                    "Idempotency-Key missing or invalid (1-128 of A-Z a-z 0-9 . _ -)"));
        }
        if (request.bodyLength() == 0 || !wellFormed(request)) {
            return Optional.of(Answer.text(400, "text/plain; charset=utf-8", "body is no well-formed XML document"));
        }
        return Optional.empty();
    }

    private Answer take(MockRequest request) {
        String key = request.header("Idempotency-Key").orElseThrow();
        String client = request.clientCertificates().stream().findFirst()
                .map(X509Certificate::getSubjectX500Principal).map(Object::toString).orElse("");
        HeldApplications.Taken taken = applications.take(key, request.bodyBytes(), request.receivedAt(), client,
                String.format(Locale.ROOT, "AZ-%06d", aktenzeichen.incrementAndGet()));
        String reference = taken.held().reference();
        if (taken.repeat()) {
            return Answer.text(409, "application/xml", "<eingangsbestaetigung schonVorhanden=\"true\" aktenzeichen=\""
                    + reference + "\"/>");
        }
        return Answer.text(201, "application/xml", "<eingangsbestaetigung aktenzeichen=\"" + reference
                + "\" eingegangen=\"" + taken.held().receivedAt() + "\"/>")
                .header("Location", path + "/" + reference);
    }

    private static boolean wellFormed(MockRequest request) {
        try {
            SecureXml.defaults().parse(new ByteArrayInputStream(request.bodyBytes()), "application",
                    new DefaultHandler());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Builds an {@link HttpsIntakeMock}. */
    public static final class Builder extends MockServer.Builder<Builder, HttpsIntakeMock> {

        private String path = "/antraege";

        private Builder() {
            requireClientCertificate();
        }

        /** The intake path (default {@code /antraege}). */
        public Builder path(String path) {
            if (!Objects.requireNonNull(path, "path").startsWith("/") || path.startsWith(ADMIN_PREFIX)) {
                throw new ConfigurationException(SandboxError.INTAKE_PATH_INVALID, path);
            }
            this.path = path;
            return this;
        }

        @Override
        protected HttpsIntakeMock build() {
            return new HttpsIntakeMock(this);
        }
    }
}
