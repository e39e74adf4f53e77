package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.InMemoryPendingRequestStore;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.PendingRequest;
import de.ozgsdk.auth.saml.internal.ResponseChecker;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.core.xml.SecureXml;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks of {@link SamlServiceProvider#complete} on one response, for people who debug logins
 * ({@code ozg saml check}): the same {@code ResponseChecker}, with the request id given instead of a pending
 * request, a clock set to when the response arrived, and decryption keys without certificates. The checks run
 * exactly as in the portal; nothing is remembered between two checks.
 */
public final class SamlResponseCheck {

    private final Builder builder;

    private SamlResponseCheck(Builder builder) {
        this.builder = builder;
    }

    /** Starts a check; SP entityID, ACS URL and the IdP are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks {@code responseXml} (the decoded {@code SAMLResponse}); a refused response is a
     * {@link LoginOutcome.InvalidResponse} with the code of the first failed check.
     */
    public LoginOutcome check(byte[] responseXml) {
        InMemoryPendingRequestStore store = new InMemoryPendingRequestStore();
        Instant now = builder.clock.instant();
        builder.requestId.ifPresent(id -> store.remember(new PendingRequest(id, builder.spEntityId, TrustLevel.LOW,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), Map.of())));
        ResponseChecker checker = new ResponseChecker(new ResponseChecker.Settings(builder.spEntityId, builder.acsUrl,
                builder.idp.entityId(), builder.idp.signingCertificates().stream()
                        .map(X509Certificate::getPublicKey).toList(),
                List.copyOf(builder.decryptionKeys), builder.policy, builder.profile, store, builder.clock,
                builder.skew, builder.allowUnsolicited ? Optional.of(TrustLevel.LOW) : Optional.empty(),
                SecureXml.defaults(), Integer.MAX_VALUE));
        try {
            return checker.checkDocument(checker.parse(responseXml), Optional.empty());
        } catch (SecurityCheckException | InvalidInputException e) {
            return new LoginOutcome.InvalidResponse(e);
        }
    }

    /** Configures a {@link SamlResponseCheck}. */
    public static final class Builder {
        private String spEntityId;
        private String acsUrl;
        private IdpMetadata idp;
        private final List<PrivateKey> decryptionKeys = new ArrayList<>();
        private SamlProfile profile = BundIdProfile.builder("ozg saml check", "ozg-saml-check").build();
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofSeconds(60);
        private Optional<String> requestId = Optional.empty();
        private boolean allowUnsolicited;

        private Builder() {
        }

        /** This SP's entityID (the expected Audience). */
        public Builder spEntityId(String spEntityId) {
            this.spEntityId = Objects.requireNonNull(spEntityId, "spEntityId");
            return this;
        }

        /** The assertion consumer service URL (expected Destination and Recipient). */
        public Builder acsUrl(String acsUrl) {
            this.acsUrl = Objects.requireNonNull(acsUrl, "acsUrl");
            return this;
        }

        /** The trusted IdP (from its metadata, or {@link IdpMetadata#of}). */
        public Builder idp(IdpMetadata idp) {
            this.idp = Objects.requireNonNull(idp, "idp");
            return this;
        }

        /** A decryption key (several are tried in turn). */
        public Builder decryptionKey(PrivateKey key) {
            decryptionKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** The profile; default BundID's. */
        public Builder profile(SamlProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /** The algorithm policy; default {@link AlgorithmPolicy#defaults()}. */
        public Builder algorithmPolicy(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The moment to judge validity windows at; default now. */
        public Builder now(Instant now) {
            this.clock = Clock.fixed(Objects.requireNonNull(now, "now"), ZoneOffset.UTC);
            return this;
        }

        /** The allowed clock difference; default 60 s. */
        public Builder skew(Duration skew) {
            if (skew.isNegative()) {
                throw new ConfigurationException(AuthError.CONFIG_INVALID, "skew", "must not be negative");
            }
            this.skew = skew;
            return this;
        }

        /** The ID of the AuthnRequest the response answers (its InResponseTo); omit for an unsolicited one. */
        public Builder requestId(String requestId) {
            this.requestId = Optional.of(Objects.requireNonNull(requestId, "requestId"));
            return this;
        }

        /** Accepts a response without InResponseTo. */
        public Builder allowUnsolicited(boolean allowUnsolicited) {
            this.allowUnsolicited = allowUnsolicited;
            return this;
        }

        /**
         * The check.
         *
         * @throws ConfigurationException {@link AuthError#CONFIG_INVALID} naming the first missing setting
         */
        public SamlResponseCheck build() {
            if (spEntityId == null || acsUrl == null || idp == null) {
                throw new ConfigurationException(AuthError.CONFIG_INVALID,
                        spEntityId == null ? "spEntityId" : acsUrl == null ? "acsUrl" : "idp", "is required");
            }
            return new SamlResponseCheck(this);
        }
    }
}
