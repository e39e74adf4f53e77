package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.AuthProvider;
import de.ozgsdk.auth.Callback;
import de.ozgsdk.auth.ConfigurationReport;
import de.ozgsdk.auth.LoginChallenge;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PendingRequest;
import de.ozgsdk.auth.PendingRequestStore;
import de.ozgsdk.auth.saml.internal.AuthnRequestWriter;
import de.ozgsdk.auth.saml.internal.RedirectBinding;
import de.ozgsdk.auth.saml.internal.ResponseChecker;
import de.ozgsdk.auth.saml.internal.Saml;
import de.ozgsdk.auth.saml.internal.XmlSignatures;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.xml.SecureXml;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * The SAML 2.0 service provider of a portal: BundID (with {@link BundIdProfile}) or an interoperable Servicekonto
 * ({@link InteroperableProfile}). {@link #start} creates the signed {@code samlp:AuthnRequest} (HTTP-POST form or
 * HTTP-Redirect URL) and remembers its ID; {@link #complete} checks the {@code samlp:Response} that the browser
 * posts to the assertion consumer service, decrypting and verifying before anything in it is used, and yields the
 * {@link de.ozgsdk.auth.Citizen}. Thread-safe; create one per IdP at start-up.
 *
 * <pre>{@code
 * SamlServiceProvider bundId = SamlServiceProvider.builder()
 *         .entityId(URI.create("https://portal.example.de"))
 *         .acsUrl(URI.create("https://portal.example.de/saml/acs"))
 *         .signingKey(spKeys)
 *         .decryptionKey(spKeys)
 *         .idp(idpMetadata)
 *         .profile(BundIdProfile.builder("Stadt Musterstadt", "musterstadt-anwohnerparken").build())
 *         .pendingRequests(new InMemoryPendingRequestStore())
 *         .build();
 * bundId.checkConfiguration().throwIfUnusable();
 *
 * LoginChallenge challenge = bundId.start(LoginContext.of(Locale.GERMAN), TrustLevel.SUBSTANTIAL);
 * String page = ((LoginChallenge.AutoPost) challenge).html(Locale.GERMAN); // sent to the browser
 * }</pre>
 */
public final class SamlServiceProvider implements AuthProvider {

    /** Relay states longer than this are refused (SAML bindings 3.4.3 and 3.5.3). */
    static final int MAX_RELAY_STATE_BYTES = 80;
    private static final Duration CERTIFICATE_WARNING = Duration.ofDays(30);

    private final String entityId;
    private final URI acsUrl;
    private final List<PrivateKeyCredential> signingKeys;
    private final List<PrivateKeyCredential> decryptionKeys;
    private final IdpMetadata idp;
    private final SamlProfile profile;
    private final PendingRequestStore store;
    private final Clock clock;
    private final Duration skew;
    private final Duration requestLifetime;
    private final Binding binding;
    private final boolean forceAuthn;
    private final AlgorithmPolicy policy;
    private final ResponseChecker checker;

    /** The binding that carries the AuthnRequest to the IdP. */
    public enum Binding {
        /** An auto-submitting form (BundID's preferred binding). */
        POST,
        /** A redirect with the deflated request and a query signature. */
        REDIRECT
    }

    private SamlServiceProvider(Builder builder) {
        this.entityId = builder.entityId;
        this.acsUrl = builder.acsUrl;
        this.signingKeys = List.copyOf(builder.signingKeys);
        this.decryptionKeys = List.copyOf(builder.decryptionKeys);
        this.idp = builder.idp;
        this.profile = builder.profile;
        this.store = builder.store;
        this.clock = builder.clock;
        this.skew = builder.skew;
        this.requestLifetime = builder.requestLifetime;
        this.binding = builder.binding;
        this.forceAuthn = builder.forceAuthn;
        this.policy = builder.policy;
        List<PublicKey> idpKeys = idp.signingCertificates().stream().map(X509Certificate::getPublicKey).toList();
        List<PrivateKey> privateKeys = decryptionKeys.stream().map(PrivateKeyCredential::privateKey).toList();
        this.checker = new ResponseChecker(new ResponseChecker.Settings(entityId, acsUrl.toString(), idp.entityId(),
                idpKeys, privateKeys, policy, profile, store, clock, skew, Optional.ofNullable(builder.unsolicited),
                SecureXml.defaults(), builder.maxResponseBytes));
        XmlSignatures.init();
    }

    /** Starts a configuration; entityID, ACS URL, a signing and a decryption key, IdP, profile and store needed. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return entityId;
    }

    /** This SP's entityID. */
    public String entityId() {
        return entityId;
    }

    /** The IdP this SP trusts. */
    public IdpMetadata idp() {
        return idp;
    }

    @Override
    public LoginChallenge start(LoginContext context, TrustLevel required) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(required, "required");
        context.relayState().ifPresent(SamlServiceProvider::checkRelayState);
        String id = Saml.newId();
        Instant now = clock.instant();
        URI destination = binding == Binding.POST ? idp.ssoPost().orElseThrow() : idp.ssoRedirect().orElseThrow();
        Document request = AuthnRequestWriter.write(new AuthnRequestWriter.Request(id, now, destination.toString(),
                acsUrl.toString(), entityId, forceAuthn, profile, context, required), SecureXml.defaults());
        Map<String, String> data = new LinkedHashMap<>();
        context.relayState().ifPresent(state -> data.put(ResponseChecker.relayStateKey(), state));
        store.remember(new PendingRequest(id, entityId, required, now, now.plus(requestLifetime), data));
        PrivateKeyCredential signer = signingKeys.get(0);
        if (binding == Binding.REDIRECT) {
            byte[] xml = AuthnRequestWriter.serialize(request);
            return new LoginChallenge.Redirect(id, RedirectBinding.encode(destination, xml, context.relayState(),
                    signer.privateKey()));
        }
        AuthnRequestWriter.sign(request, signer.privateKey(), signer.certificate());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SAMLRequest", Base64.getEncoder().encodeToString(AuthnRequestWriter.serialize(request)));
        context.relayState().ifPresent(state -> fields.put("RelayState", state));
        return new LoginChallenge.AutoPost(id, destination, fields);
    }

    private static void checkRelayState(String relayState) {
        int length = relayState.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_RELAY_STATE_BYTES) {
            throw new InvalidInputException(AuthError.RELAY_STATE_INVALID, length + " bytes, more than "
                    + MAX_RELAY_STATE_BYTES);
        }
    }

    /**
     * Checks the callback of the HTTP-POST binding: exactly one {@code SAMLResponse}, at most one
     * {@code RelayState}. Never throws for a refused answer: see {@link LoginOutcome.InvalidResponse}.
     */
    @Override
    public LoginOutcome complete(Callback callback) {
        Objects.requireNonNull(callback, "callback");
        List<String> responses = callback.values("SAMLResponse");
        if (responses.size() != 1 || callback.values("RelayState").size() > 1) {
            return new LoginOutcome.InvalidResponse(new InvalidInputException(AuthError.CALLBACK_INVALID,
                    responses.size() != 1 ? "SAMLResponse" : "RelayState",
                    responses.isEmpty() ? "missing" : "given more than once"));
        }
        return checker.check(responses.get(0), callback.single("RelayState"));
    }

    /**
     * Checks a raw response document (as read from a file by {@code ozg saml check}) with exactly the checks of
     * {@link #complete(Callback)}.
     */
    public LoginOutcome checkResponseXml(byte[] responseXml) {
        try {
            return checker.checkDocument(checker.parse(responseXml), Optional.empty());
        } catch (SecurityCheckException | InvalidInputException e) {
            return new LoginOutcome.InvalidResponse(e);
        }
    }

    @Override
    public ConfigurationReport checkConfiguration() {
        List<ConfigurationReport.Finding> findings = new ArrayList<>();
        Instant now = clock.instant();
        idp.validUntil().filter(until -> !now.isBefore(until)).ifPresent(until -> findings.add(
                ConfigurationReport.Finding.error(new ConfigurationException(AuthError.IDP_METADATA_EXPIRED,
                        idp.entityId(), until))));
        for (X509Certificate certificate : idp.signingCertificates()) {
            expiry(certificate, "IdP signing certificate", now).ifPresent(findings::add);
        }
        for (PrivateKeyCredential key : signingKeys) {
            keyProblem(key, "SP signing key").ifPresent(findings::add);
            expiry(key.certificate(), "SP signing certificate", now).ifPresent(findings::add);
        }
        for (PrivateKeyCredential key : decryptionKeys) {
            keyProblem(key, "SP decryption key").ifPresent(findings::add);
            expiry(key.certificate(), "SP encryption certificate", now).ifPresent(findings::add);
        }
        if (policy.hasLegacyOptIn()) {
            findings.add(ConfigurationReport.Finding.warning(new ConfigurationException(
                    AuthError.LEGACY_ALGORITHM_ACCEPTED, policy, idp.entityId())));
        }
        return new ConfigurationReport(findings);
    }

    private static Optional<ConfigurationReport.Finding> keyProblem(PrivateKeyCredential key, String what) {
        if (!(key.privateKey() instanceof RSAKey rsa)) {
            return Optional.of(ConfigurationReport.Finding.error(new ConfigurationException(AuthError.KEY_UNUSABLE,
                    what, "not an RSA key (BundID signs and encrypts with RSA)")));
        }
        if (rsa.getModulus().bitLength() < 2048) {
            return Optional.of(ConfigurationReport.Finding.error(new ConfigurationException(AuthError.KEY_UNUSABLE,
                    what, rsa.getModulus().bitLength() + " bits, fewer than 2048")));
        }
        return Optional.empty();
    }

    /** Pinned keys stay trusted after expiry (as in Shibboleth), so expiry is a warning, 30 days ahead. */
    private static Optional<ConfigurationReport.Finding> expiry(X509Certificate certificate, String what,
            Instant now) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.plus(CERTIFICATE_WARNING).isBefore(notAfter)) {
            return Optional.empty();
        }
        return Optional.of(ConfigurationReport.Finding.warning(new ConfigurationException(
                AuthError.CERTIFICATE_EXPIRING, what + " " + certificate.getSubjectX500Principal().getName(),
                notAfter)));
    }

    /**
     * This SP's metadata as BundID requires it: no {@code validUntil}, no {@code ID}, the entityID, signing and
     * encryption certificates (all configured keys, for rollover), the accepted encryption methods and the
     * HTTP-POST assertion consumer service.
     */
    public String metadata() {
        return SpMetadataWriter.write(this, signingKeys, decryptionKeys, acsUrl);
    }

    @Override
    public String toString() {
        return "SamlServiceProvider[entityId=" + entityId + ", idp=" + idp.entityId() + ", profile=" + profile + "]";
    }

    /** Configures a {@link SamlServiceProvider}; every setter checks its argument. */
    public static final class Builder {
        private String entityId;
        private URI acsUrl;
        private final List<PrivateKeyCredential> signingKeys = new ArrayList<>();
        private final List<PrivateKeyCredential> decryptionKeys = new ArrayList<>();
        private IdpMetadata idp;
        private SamlProfile profile;
        private PendingRequestStore store;
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofSeconds(60);
        private Duration requestLifetime = Duration.ofMinutes(30);
        private Binding binding = Binding.POST;
        private boolean forceAuthn = true;
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
        private TrustLevel unsolicited;
        private int maxResponseBytes = 1024 * 1024;

        private Builder() {
        }

        /**
         * The SP's entityID: an https URL without port, query or fragment. BundID derives bPK2 from its host name,
         * so it must never change.
         */
        public Builder entityId(URI entityId) {
            Objects.requireNonNull(entityId, "entityId");
            if (!"https".equals(entityId.getScheme()) || entityId.getHost() == null || entityId.getPort() != -1
                    || entityId.getRawQuery() != null || entityId.getRawFragment() != null) {
                throw invalid("entityId", "must be an https URL without port, query or fragment, was " + entityId);
            }
            this.entityId = entityId.toString();
            return this;
        }

        /** The assertion consumer service URL (https; http only on a loopback host, for tests). */
        public Builder acsUrl(URI acsUrl) {
            Objects.requireNonNull(acsUrl, "acsUrl");
            boolean loopback = "http".equals(acsUrl.getScheme())
                    && ("127.0.0.1".equals(acsUrl.getHost()) || "localhost".equals(acsUrl.getHost()));
            if (!"https".equals(acsUrl.getScheme()) && !loopback) {
                throw invalid("acsUrl", "must be an https URL, was " + acsUrl);
            }
            this.acsUrl = acsUrl;
            return this;
        }

        /** A signing key with its certificate (RSA, at least 2048 bits); the first signs, all are published. */
        public Builder signingKey(PrivateKeyCredential key) {
            signingKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** A decryption key with its certificate; each is tried in turn (key rollover). */
        public Builder decryptionKey(PrivateKeyCredential key) {
            decryptionKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** The trusted identity provider. */
        public Builder idp(IdpMetadata idp) {
            this.idp = Objects.requireNonNull(idp, "idp");
            return this;
        }

        /** The Servicekonto profile (BundID, interoperable Servicekonto). */
        public Builder profile(SamlProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Where started logins and used assertion ids are kept: {@link de.ozgsdk.auth.JdbcPendingRequestStore} when
         * several portal nodes share the logins.
         */
        public Builder pendingRequests(PendingRequestStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock for IssueInstant and the validity checks; default the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The clock difference tolerated between IdP and SP; default 60 s, at most 5 min. */
        public Builder allowedSkew(Duration skew) {
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw invalid("allowedSkew", "must be between 0 and 5 minutes, was " + skew);
            }
            this.skew = skew;
            return this;
        }

        /** How long a started login may take at the IdP; default 30 min (an eID login takes a while). */
        public Builder requestLifetime(Duration requestLifetime) {
            if (requestLifetime.compareTo(Duration.ofMinutes(1)) < 0
                    || requestLifetime.compareTo(Duration.ofHours(2)) > 0) {
                throw invalid("requestLifetime", "must be between 1 minute and 2 hours, was " + requestLifetime);
            }
            this.requestLifetime = requestLifetime;
            return this;
        }

        /** The binding of the AuthnRequest; default {@link Binding#POST}. */
        public Builder binding(Binding binding) {
            this.binding = Objects.requireNonNull(binding, "binding");
            return this;
        }

        /** Whether the IdP must authenticate anew (ForceAuthn); default true, as in BundID's sample. */
        public Builder forceAuthn(boolean forceAuthn) {
            this.forceAuthn = forceAuthn;
            return this;
        }

        /** The accepted algorithms; default {@link AlgorithmPolicy#defaults()}. */
        public Builder algorithmPolicy(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Accepts answers without InResponseTo (IdP-initiated) that reach {@code minimum}; default: refused with
         * {@code OZG-AUTH-145}.
         */
        public Builder allowUnsolicited(TrustLevel minimum) {
            this.unsolicited = Objects.requireNonNull(minimum, "minimum");
            return this;
        }

        /** The largest accepted response in bytes; default 1 MiB. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            if (maxResponseBytes < 1024) {
                throw invalid("maxResponseBytes", "must be at least 1024");
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /**
         * The provider.
         *
         * @throws ConfigurationException {@link AuthError#CONFIG_INVALID} naming the first missing setting
         */
        public SamlServiceProvider build() {
            require(entityId, "entityId");
            require(acsUrl, "acsUrl");
            require(idp, "idp");
            require(profile, "profile");
            require(store, "pendingRequests");
            if (signingKeys.isEmpty()) {
                throw invalid("signingKey", "at least one is required (BundID refuses unsigned requests)");
            }
            if (decryptionKeys.isEmpty()) {
                throw invalid("decryptionKey", "at least one is required (BundID encrypts its assertions)");
            }
            boolean endpoint = binding == Binding.POST ? idp.ssoPost().isPresent() : idp.ssoRedirect().isPresent();
            if (!endpoint) {
                throw invalid("binding", "the IdP metadata has no SingleSignOnService for " + binding);
            }
            return new SamlServiceProvider(this);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw invalid(name, "is required");
            }
        }

        private static ConfigurationException invalid(String setting, String problem) {
            return new ConfigurationException(AuthError.CONFIG_INVALID, setting, problem);
        }
    }
}
