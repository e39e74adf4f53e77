package de.ozgsdk.auth;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation a person acts for after a company-account login (Mein Unternehmenskonto): its stable key, name
 * and, as far as the account delivered them, legal form, seat, register entry, Steuernummer and ELSTER account.
 *
 * <p>Immutable. {@link #toString()} prints which fields are present, never a value: a sole trader's name and tax
 * number are personal data.
 */
public final class Organisation {

    private final Map<OrganisationAttribute, String> values;

    private Organisation(Builder builder) {
        if (!builder.values.containsKey(OrganisationAttribute.KEY)) {
            throw new IllegalStateException("key is required for an Organisation");
        }
        if (!builder.values.containsKey(OrganisationAttribute.NAME)) {
            throw new IllegalStateException("name is required for an Organisation");
        }
        this.values = Collections.unmodifiableMap(new EnumMap<>(builder.values));
    }

    /** Starts an organisation; key and name are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The stable key of the organisation as the account delivers it (a pseudonym per service provider); what a
     * service keys the organisation's drafts and cases on. Never log it.
     */
    public String key() {
        return values.get(OrganisationAttribute.KEY);
    }

    /** Name or Firma. */
    public String name() {
        return values.get(OrganisationAttribute.NAME);
    }

    /** Rechtsform. */
    public Optional<String> legalForm() {
        return value(OrganisationAttribute.LEGAL_FORM);
    }

    /** Straße und Hausnummer of the seat. */
    public Optional<String> postalAddress() {
        return value(OrganisationAttribute.POSTAL_ADDRESS);
    }

    /** Postleitzahl of the seat. */
    public Optional<String> postalCode() {
        return value(OrganisationAttribute.POSTAL_CODE);
    }

    /** Ort of the seat. */
    public Optional<String> locality() {
        return value(OrganisationAttribute.LOCALITY);
    }

    /** Land of the seat. */
    public Optional<String> country() {
        return value(OrganisationAttribute.COUNTRY);
    }

    /** Registerart (HRA, HRB, VR ...). */
    public Optional<String> registerType() {
        return value(OrganisationAttribute.REGISTER_TYPE);
    }

    /** Registernummer. */
    public Optional<String> registerNumber() {
        return value(OrganisationAttribute.REGISTER_NUMBER);
    }

    /** Registergericht. */
    public Optional<String> registerCourt() {
        return value(OrganisationAttribute.REGISTER_COURT);
    }

    /** Steuernummer. */
    public Optional<String> taxNumber() {
        return value(OrganisationAttribute.TAX_NUMBER);
    }

    /** The id of the ELSTER account the acting person's organisation certificate belongs to. */
    public Optional<String> elsterAccountId() {
        return value(OrganisationAttribute.ELSTER_ACCOUNT_ID);
    }

    /** The value of {@code attribute}, if delivered. */
    public Optional<String> value(OrganisationAttribute attribute) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(attribute, "attribute")));
    }

    /** Which fields are present. */
    public Set<OrganisationAttribute> present() {
        return values.keySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Organisation that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The names of the present fields; never a value. */
    @Override
    public String toString() {
        return "Organisation[fields=" + values.keySet() + "]";
    }

    /** Collects the fields of an {@link Organisation}; used by the profiles, and by tests. */
    public static final class Builder {
        private final Map<OrganisationAttribute, String> values = new EnumMap<>(OrganisationAttribute.class);

        private Builder() {
        }

        /** Sets {@code attribute} to {@code value} (not blank). */
        public Builder value(OrganisationAttribute attribute, String value) {
            Objects.requireNonNull(attribute, "attribute");
            if (Objects.requireNonNull(value, "value").isBlank()) {
                throw new IllegalArgumentException(attribute + " must not be blank");
            }
            values.put(attribute, value);
            return this;
        }

        /** The stable key (required). */
        public Builder key(String key) {
            return value(OrganisationAttribute.KEY, key);
        }

        /** Name or Firma (required). */
        public Builder name(String name) {
            return value(OrganisationAttribute.NAME, name);
        }

        public Organisation build() {
            return new Organisation(this);
        }
    }
}
