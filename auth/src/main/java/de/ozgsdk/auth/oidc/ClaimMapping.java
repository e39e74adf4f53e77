package de.ozgsdk.auth.oidc;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which claims of the ID token and the userinfo answer become the {@link de.ozgsdk.auth.Citizen}: the claim that keys
 * the citizen ({@code sub} by default; a broker in front of BundID may pass bPK2 in a claim of its own), the claim
 * with the postbox reference (BundID's Postkorb-Handle, if the broker passes it) and the person attributes. Nested
 * claims are named with dots ({@code address.postal_code}). {@link #standard()} maps the standard claims of OpenID
 * Connect Core 1.0, section 5.1, and the OpenID Connect for Identity Assurance names for birth name, place of birth and
 * nationality.
 *
 * <pre>{@code
 * ClaimMapping broker = ClaimMapping.standard().toBuilder()
 *         .subjectClaim("bpk2")
 *         .postboxClaim("postkorb_handle")
 *         .claim("geburtsname", PersonAttribute.BIRTH_NAME)
 *         .build();
 * }</pre>
 */
public final class ClaimMapping {

    private final String subjectClaim;
    private final Optional<String> postboxClaim;
    private final Optional<String> loginMethodClaim;
    private final Map<String, PersonAttribute> claims;

    private ClaimMapping(Builder builder) {
        this.subjectClaim = builder.subjectClaim;
        this.postboxClaim = Optional.ofNullable(builder.postboxClaim);
        this.loginMethodClaim = Optional.ofNullable(builder.loginMethodClaim);
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(builder.claims));
    }

    /** The standard OIDC claims; subject key {@code sub}; no postbox or login-method claim. */
    public static ClaimMapping standard() {
        return new Builder()
                .claim("given_name", PersonAttribute.GIVEN_NAME)
                .claim("family_name", PersonAttribute.SURNAME)
                .claim("birth_family_name", PersonAttribute.BIRTH_NAME)
                .claim("email", PersonAttribute.EMAIL)
                .claim("phone_number", PersonAttribute.PHONE)
                .claim("birthdate", PersonAttribute.BIRTH_DATE)
                .claim("gender", PersonAttribute.GENDER)
                .claim("address.street_address", PersonAttribute.POSTAL_ADDRESS)
                .claim("address.postal_code", PersonAttribute.POSTAL_CODE)
                .claim("address.locality", PersonAttribute.LOCALITY)
                .claim("address.country", PersonAttribute.COUNTRY)
                .claim("place_of_birth.locality", PersonAttribute.PLACE_OF_BIRTH)
                .claim("nationalities", PersonAttribute.NATIONALITY)
                .build();
    }

    /** An empty mapping: subject key {@code sub}, no attributes. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder seeded with this mapping. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.subjectClaim = subjectClaim;
        builder.postboxClaim = postboxClaim.orElse(null);
        builder.loginMethodClaim = loginMethodClaim.orElse(null);
        builder.claims.putAll(claims);
        return builder;
    }

    /** The claim whose value is the citizen's subject key. */
    public String subjectClaim() {
        return subjectClaim;
    }

    /** The claim that carries the postbox reference, if configured. */
    public Optional<String> postboxClaim() {
        return postboxClaim;
    }

    /** The claim that names the login method (e.g. a broker's {@code login_method}), if configured. */
    public Optional<String> loginMethodClaim() {
        return loginMethodClaim;
    }

    /** The person attributes by claim path. */
    public Map<String, PersonAttribute> claims() {
        return claims;
    }

    /**
     * The values of the claim at {@code path} in {@code json}: a string, number or boolean as one value, an array of
     * them as several; empty if absent or of another shape.
     */
    public static List<String> values(Map<String, Object> json, String path) {
        Object current = json;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return List.of();
            }
            current = object.get(part);
        }
        List<String> values = new ArrayList<>();
        if (current instanceof List<?> list) {
            list.forEach(item -> scalar(item).ifPresent(values::add));
        } else {
            scalar(current).ifPresent(values::add);
        }
        return values;
    }

    private static Optional<String> scalar(Object value) {
        if (value instanceof String text) {
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

    /** Collects a claim mapping. */
    public static final class Builder {
        private String subjectClaim = "sub";
        private String postboxClaim;
        private String loginMethodClaim;
        private final Map<String, PersonAttribute> claims = new LinkedHashMap<>();

        private Builder() {
        }

        /** The claim that keys the citizen; default {@code sub}. */
        public Builder subjectClaim(String claim) {
            this.subjectClaim = requireName(claim);
            return this;
        }

        /** The claim with the postbox reference (Postkorb-Handle); default none. */
        public Builder postboxClaim(String claim) {
            this.postboxClaim = requireName(claim);
            return this;
        }

        /** The claim that names the login method ({@link de.ozgsdk.auth.LoginMethod#parse}); default none. */
        public Builder loginMethodClaim(String claim) {
            this.loginMethodClaim = requireName(claim);
            return this;
        }

        /** The claim at {@code path} carries {@code attribute} (replacing an earlier claim for it). */
        public Builder claim(String path, PersonAttribute attribute) {
            Objects.requireNonNull(attribute, "attribute");
            claims.values().removeIf(attribute::equals);
            claims.put(requireName(path), attribute);
            return this;
        }

        public ClaimMapping build() {
            return new ClaimMapping(this);
        }

        private static String requireName(String claim) {
            if (Objects.requireNonNull(claim, "claim").isBlank() || claim.startsWith(".") || claim.endsWith(".")) {
                throw new ConfigurationException(AuthError.CONFIG_INVALID, "claimMapping",
                        "claim name \"" + claim + "\" is blank or malformed");
            }
            return claim;
        }
    }
}
