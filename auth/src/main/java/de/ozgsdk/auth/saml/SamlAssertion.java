package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.AttributeValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a {@code saml:Assertion} after every check passed (signature, issuer, times, audience, subject
 * confirmation, replay): what a {@link SamlProfile} turns into a {@link de.ozgsdk.auth.Citizen}. {@link #toString()}
 * names no values.
 *
 * @param issuer               the IdP entityID ({@code saml:Issuer})
 * @param nameId               the {@code saml:NameID} value (BundID: transient, meaningless after the login)
 * @param nameIdFormat         its Format
 * @param authnInstant         {@code AuthnStatement/@AuthnInstant}
 * @param authnContextClassRef {@code AuthnContext/AuthnContextClassRef}
 * @param attributes           the attributes by Name, in document order
 */
public record SamlAssertion(String issuer, String nameId, String nameIdFormat, Instant authnInstant,
        String authnContextClassRef, Map<String, AttributeValue> attributes) {

    public SamlAssertion {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(nameIdFormat, "nameIdFormat");
        Objects.requireNonNull(authnInstant, "authnInstant");
        Objects.requireNonNull(authnContextClassRef, "authnContextClassRef");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The attribute with Name {@code name}. */
    public Optional<AttributeValue> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The first value of attribute {@code name}. */
    public Optional<String> value(String name) {
        return attribute(name).map(AttributeValue::value);
    }

    @Override
    public String toString() {
        return "SamlAssertion[issuer=" + issuer + ", authnContextClassRef=" + authnContextClassRef + ", attributes="
                + List.copyOf(attributes.keySet()) + "]";
    }
}
