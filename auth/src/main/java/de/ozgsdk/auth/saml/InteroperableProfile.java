package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.AttributeValue;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginMethod;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.TrustLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plain SAML 2.0 for interoperable Servicekonten of other Länder: trust levels as eIDAS LoA URIs
 * ({@code http://eidas.europa.eu/LoA/low|substantial|high}, STORK levels understood in answers too), no request
 * extension, the subject key from an attribute (by default bPK2's URN, which the interoperable Servicekonten share
 * with BundID) or from a persistent NameID, attributes mapped by URN (by default the BundID URNs).
 *
 * <p>By default the assertion must arrive encrypted, and a signature on the response or the assertion is enough.
 */
public final class InteroperableProfile implements SamlProfile {

    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    private final Optional<String> subjectAttribute;
    private final String postboxAttribute;
    private final Map<String, PersonAttribute> mapping;
    private final List<String> requiredAttributes;
    private final boolean requireEncryption;

    private InteroperableProfile(Builder builder) {
        this.subjectAttribute = Optional.ofNullable(builder.subjectAttribute);
        this.postboxAttribute = builder.postboxAttribute;
        this.mapping = Map.copyOf(builder.mapping);
        this.requiredAttributes = List.copyOf(builder.requiredAttributes);
        this.requireEncryption = builder.requireEncryption;
    }

    /** Starts a profile with the defaults described above. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String authnContextClassRef(TrustLevel required) {
        return required.eidasUri();
    }

    @Override
    public boolean requiresSignedAssertion() {
        return false;
    }

    @Override
    public boolean requiresEncryptedAssertion() {
        return requireEncryption;
    }

    @Override
    public List<String> missingAttributes(SamlAssertion assertion) {
        List<String> missing = new ArrayList<>();
        subjectAttribute.filter(name -> assertion.attribute(name).isEmpty()).ifPresent(missing::add);
        if (subjectAttribute.isEmpty() && !PERSISTENT.equals(assertion.nameIdFormat())) {
            missing.add("NameID (persistent)");
        }
        requiredAttributes.stream().filter(name -> assertion.attribute(name).isEmpty()).forEach(missing::add);
        return missing;
    }

    @Override
    public Citizen citizen(SamlAssertion assertion, TrustLevel level) {
        Citizen.Builder citizen = Citizen.builder()
                .subjectKey(subjectAttribute.flatMap(assertion::value).orElse(assertion.nameId()))
                .issuer(assertion.issuer())
                .trustLevel(level)
                .loginMethod(assertion.value(BundIdAttribute.ASSERTION_PROVED_BY.urn()).map(LoginMethod::parse)
                        .orElse(LoginMethod.OTHER))
                .authenticatedAt(assertion.authnInstant());
        assertion.value(postboxAttribute).ifPresent(citizen::postboxReference);
        for (AttributeValue value : assertion.attributes().values()) {
            PersonAttribute meaning = mapping.get(value.name());
            if (meaning != null) {
                citizen.attribute(meaning, value);
            } else {
                citizen.attribute(value);
            }
        }
        return citizen.build();
    }

    /** Configures an {@link InteroperableProfile}. */
    public static final class Builder {
        private String subjectAttribute = BundIdAttribute.BPK2.urn();
        private String postboxAttribute = BundIdAttribute.POSTKORB_HANDLE.urn();
        private final Map<String, PersonAttribute> mapping = new LinkedHashMap<>();
        private final List<String> requiredAttributes = new ArrayList<>();
        private boolean requireEncryption = true;

        private Builder() {
            for (BundIdAttribute attribute : BundIdAttribute.values()) {
                attribute.meaning().ifPresent(meaning -> mapping.put(attribute.urn(), meaning));
            }
        }

        /** The attribute whose value is the subject key; default bPK2 ({@code urn:oid:1.3.6.1.4.1.25484.494450.3}). */
        public Builder subjectAttribute(String urn) {
            this.subjectAttribute = Objects.requireNonNull(urn, "urn");
            return this;
        }

        /** Keys the citizen on a persistent NameID instead of an attribute. */
        public Builder subjectFromPersistentNameId() {
            this.subjectAttribute = null;
            return this;
        }

        /** The attribute holding the postbox reference; default {@code urn:oid:2.5.4.18}. */
        public Builder postboxAttribute(String urn) {
            this.postboxAttribute = Objects.requireNonNull(urn, "urn");
            return this;
        }

        /** Maps attribute {@code urn} to {@code meaning} (adds to or replaces the BundID defaults). */
        public Builder map(String urn, PersonAttribute meaning) {
            mapping.put(Objects.requireNonNull(urn, "urn"), Objects.requireNonNull(meaning, "meaning"));
            return this;
        }

        /** Requires attribute {@code urn}: a login without it fails as "attributes missing". */
        public Builder require(String urn) {
            requiredAttributes.add(Objects.requireNonNull(urn, "urn"));
            return this;
        }

        /** Accepts assertions in clear text (only for IdPs that cannot encrypt; the browser sees the data). */
        public Builder allowUnencryptedAssertion() {
            this.requireEncryption = false;
            return this;
        }

        public InteroperableProfile build() {
            return new InteroperableProfile(this);
        }
    }
}
