package de.ozgsdk.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a tenant (one municipality or body on a multi-tenant portal): lower-case letters, digits and hyphens,
 * 1 to 64 characters, starting with a letter or digit. On the central portal it is the municipality's ARS
 * ({@link #of(RegionalKey)}); legacy portals may choose their own ids.
 */
public final class TenantId implements Comparable<TenantId> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final String value;

    private TenantId(String value) {
        this.value = value;
    }

    /**
     * Parses a tenant id.
     *
     * @throws InvalidInputException unless the text is 1..64 characters of {@code a-z 0-9 -}, not starting with a hyphen
     */
    public static TenantId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!FORMAT.matcher(text).matches()) {
            throw new InvalidInputException(CoreError.TENANT_ID_INVALID, Values.quoteForMessage(text));
        }
        return new TenantId(text);
    }

    /** The tenant id of a municipality on the central portal: its 12-digit ARS. */
    public static TenantId of(RegionalKey regionalKey) {
        return new TenantId(regionalKey.value());
    }

    /** The id as text. */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
