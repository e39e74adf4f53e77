package de.ozgsdk.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a login as it arrived ({@code saml2:Attribute} or an OIDC claim): its wire name (the URN
 * {@code Name}, never the FriendlyName), its values and the trust the identity provider gives it.
 * {@link #toString()} shows the name and the number of values, never the values.
 *
 * @param name   the wire name, e.g. {@code urn:oid:2.5.4.42}
 * @param values the values in order, at least one
 * @param trust  the per-attribute trust ({@code akdb:TrustLevel}), if the provider sent one
 */
public record AttributeValue(String name, List<String> values, Optional<AttributeTrust> trust) {

    public AttributeValue {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("attribute " + name + " has no value");
        }
        Objects.requireNonNull(trust, "trust");
    }

    /** A single-valued attribute. */
    public static AttributeValue of(String name, String value, Optional<AttributeTrust> trust) {
        return new AttributeValue(name, List.of(value), trust);
    }

    /** The first value. */
    public String value() {
        return values.get(0);
    }

    @Override
    public String toString() {
        return "AttributeValue[name=" + name + ", values=" + values.size() + " (masked), trust="
                + trust.map(Enum::name).orElse("-") + "]";
    }
}
