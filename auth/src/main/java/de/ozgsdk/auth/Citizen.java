package de.ozgsdk.auth;

import de.ozgsdk.core.TrustLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen after a successful Servicekonto login: the stable subject key the service keys drafts on (BundID's
 * bPK2, an OIDC {@code sub}), the trust level of the login, how they logged in, their postbox reference
 * (BundID's Postkorb-Handle) and the attributes the identity provider delivered, each with its own trust.
 *
 * <p>Immutable. {@link #toString()} prints no personal data (no subject key, no attribute values), so that a citizen
 * can be logged by accident without harm.
 */
public final class Citizen {

    private final String subjectKey;
    private final String issuer;
    private final TrustLevel trustLevel;
    private final LoginMethod loginMethod;
    private final Instant authenticatedAt;
    private final SessionLimits sessionLimits;
    private final Optional<String> postboxReference;
    private final boolean temporaryLogin;
    private final Map<String, AttributeValue> attributes;
    private final Map<PersonAttribute, AttributeValue> person;
    private final Optional<Organisation> organisation;

    private Citizen(Builder builder) {
        this.subjectKey = require(builder.subjectKey, "subjectKey");
        this.issuer = require(builder.issuer, "issuer");
        this.trustLevel = require(builder.trustLevel, "trustLevel");
        this.loginMethod = builder.loginMethod;
        this.authenticatedAt = require(builder.authenticatedAt, "authenticatedAt");
        this.sessionLimits = builder.sessionLimits != null ? builder.sessionLimits : SessionLimits.forLevel(trustLevel);
        this.postboxReference = Optional.ofNullable(builder.postboxReference);
        this.temporaryLogin = builder.temporaryLogin;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.attributes));
        this.person = Collections.unmodifiableMap(new EnumMap<>(builder.person));
        this.organisation = Optional.ofNullable(builder.organisation);
    }

    /** Starts a citizen; subject key, issuer, trust level and authentication time are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The stable, provider-specific key of this person (BundID: bPK2, which is derived from the SP's entityID host
     * name; OIDC: {@code sub}). Personal data: never log it.
     */
    public String subjectKey() {
        return subjectKey;
    }

    /** The identity provider that asserted the login (SAML entityID, OIDC issuer). */
    public String issuer() {
        return issuer;
    }

    /** The trust level of the login. */
    public TrustLevel trustLevel() {
        return trustLevel;
    }

    /** How the citizen logged in. */
    public LoginMethod loginMethod() {
        return loginMethod;
    }

    /** When the identity provider authenticated the citizen ({@code AuthnInstant}, OIDC {@code auth_time}). */
    public Instant authenticatedAt() {
        return authenticatedAt;
    }

    /** The session limits of this login (BSI TR-03160-1 for its level unless the provider set stricter ones). */
    public SessionLimits sessionLimits() {
        return sessionLimits;
    }

    /** The latest moment the session of this login may last: {@link #authenticatedAt()} plus the maximum. */
    public Instant sessionDeadline() {
        return authenticatedAt.plus(sessionLimits.maximum());
    }

    /** The longest the session may stay unused. */
    public Duration idleTimeout() {
        return sessionLimits.idle();
    }

    /**
     * The address of the citizen's postbox (BundID Postkorb-Handle, a UUID; not a user key), absent after a temporary
     * login.
     */
    public Optional<String> postboxReference() {
        return postboxReference;
    }

    /**
     * Whether this was a temporary login without a stable key (BundID without bPK2): {@link #subjectKey()} is then
     * valid for this login only, so drafts cannot be resumed in a later one.
     */
    public boolean isTemporaryLogin() {
        return temporaryLogin;
    }

    /**
     * The organisation the person acts for, after a company-account login (Mein Unternehmenskonto); empty for a
     * citizen acting for themselves.
     */
    public Optional<Organisation> organisation() {
        return organisation;
    }

    /** All attributes by wire name, in the order they arrived. */
    public Map<String, AttributeValue> attributes() {
        return attributes;
    }

    /** The attribute with wire name {@code name}. */
    public Optional<AttributeValue> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The attribute with meaning {@code attribute}, whatever its wire name. */
    public Optional<AttributeValue> attribute(PersonAttribute attribute) {
        return Optional.ofNullable(person.get(attribute));
    }

    /** The trust the identity provider gives the attribute {@code attribute}, if it sent one. */
    public Optional<AttributeTrust> trustOf(PersonAttribute attribute) {
        return attribute(attribute).flatMap(AttributeValue::trust);
    }

    /** Vorname. */
    public Optional<String> givenName() {
        return value(PersonAttribute.GIVEN_NAME);
    }

    /** Familienname. */
    public Optional<String> surname() {
        return value(PersonAttribute.SURNAME);
    }

    /** E-Mail-Adresse. */
    public Optional<String> email() {
        return value(PersonAttribute.EMAIL);
    }

    /** Geburtsname. */
    public Optional<String> birthName() {
        return value(PersonAttribute.BIRTH_NAME);
    }

    /** Geburtsort. */
    public Optional<String> placeOfBirth() {
        return value(PersonAttribute.PLACE_OF_BIRTH);
    }

    /** Staatsangehörigkeit. */
    public Optional<String> nationality() {
        return value(PersonAttribute.NATIONALITY);
    }

    /** Straße und Hausnummer. */
    public Optional<String> postalAddress() {
        return value(PersonAttribute.POSTAL_ADDRESS);
    }

    /** Postleitzahl. */
    public Optional<String> postalCode() {
        return value(PersonAttribute.POSTAL_CODE);
    }

    /** Ort. */
    public Optional<String> locality() {
        return value(PersonAttribute.LOCALITY);
    }

    /** Land of the address. */
    public Optional<String> country() {
        return value(PersonAttribute.COUNTRY);
    }

    /**
     * Geburtsdatum, if it was delivered as a complete ISO date; the raw value (which may lack day or month, as on the
     * ID card) is in {@link #attribute(PersonAttribute)}.
     */
    public Optional<LocalDate> birthDate() {
        return value(PersonAttribute.BIRTH_DATE).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text.strip()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<String> value(PersonAttribute attribute) {
        return attribute(attribute).map(AttributeValue::value);
    }

    /** Level, method, issuer and attribute names; never the subject key or a value. */
    @Override
    public String toString() {
        return "Citizen[trustLevel=" + trustLevel + ", loginMethod=" + loginMethod + ", issuer=" + issuer
                + ", temporary=" + temporaryLogin + ", postbox=" + (postboxReference.isPresent() ? "yes" : "no")
                + ", attributes=" + person.keySet()
                + (organisation.isPresent() ? ", " + organisation.get() : "")
                + "]";
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalStateException(name + " is required for a Citizen");
        }
        return value;
    }

    /** Collects the parts of a {@link Citizen}; used by the providers, and by tests that need a logged-in user. */
    public static final class Builder {
        private String subjectKey;
        private String issuer;
        private TrustLevel trustLevel;
        private LoginMethod loginMethod = LoginMethod.OTHER;
        private Instant authenticatedAt;
        private SessionLimits sessionLimits;
        private String postboxReference;
        private boolean temporaryLogin;
        private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        private final Map<PersonAttribute, AttributeValue> person = new EnumMap<>(PersonAttribute.class);
        private Organisation organisation;

        private Builder() {
        }

        /** The stable subject key (required, not blank). */
        public Builder subjectKey(String subjectKey) {
            if (Objects.requireNonNull(subjectKey, "subjectKey").isBlank()) {
                throw new IllegalArgumentException("subjectKey must not be blank");
            }
            this.subjectKey = subjectKey;
            return this;
        }

        /** The identity provider (required). */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** The trust level of the login (required). */
        public Builder trustLevel(TrustLevel trustLevel) {
            this.trustLevel = Objects.requireNonNull(trustLevel, "trustLevel");
            return this;
        }

        /** How the citizen logged in; default {@link LoginMethod#OTHER}. */
        public Builder loginMethod(LoginMethod loginMethod) {
            this.loginMethod = Objects.requireNonNull(loginMethod, "loginMethod");
            return this;
        }

        /** When the identity provider authenticated the citizen (required). */
        public Builder authenticatedAt(Instant authenticatedAt) {
            this.authenticatedAt = Objects.requireNonNull(authenticatedAt, "authenticatedAt");
            return this;
        }

        /** Session limits; default {@link SessionLimits#forLevel(TrustLevel)} of the trust level. */
        public Builder sessionLimits(SessionLimits sessionLimits) {
            this.sessionLimits = Objects.requireNonNull(sessionLimits, "sessionLimits");
            return this;
        }

        /** The postbox reference (Postkorb-Handle); default none. */
        public Builder postboxReference(String postboxReference) {
            this.postboxReference = Objects.requireNonNull(postboxReference, "postboxReference");
            return this;
        }

        /** Marks a temporary login whose subject key is valid for this login only; default false. */
        public Builder temporaryLogin(boolean temporaryLogin) {
            this.temporaryLogin = temporaryLogin;
            return this;
        }

        /** An attribute without known meaning. */
        public Builder attribute(AttributeValue value) {
            attributes.put(value.name(), value);
            return this;
        }

        /** An attribute with the meaning {@code meaning}. */
        public Builder attribute(PersonAttribute meaning, AttributeValue value) {
            attributes.put(value.name(), value);
            person.put(Objects.requireNonNull(meaning, "meaning"), value);
            return this;
        }

        /** The organisation the person acts for; default none. */
        public Builder organisation(Organisation organisation) {
            this.organisation = Objects.requireNonNull(organisation, "organisation");
            return this;
        }

        public Citizen build() {
            return new Citizen(this);
        }
    }
}
