package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.AttributeValue;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginMethod;
import de.ozgsdk.auth.Organisation;
import de.ozgsdk.auth.OrganisationAttribute;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.TrustLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The company-account profile for "Mein Unternehmenskonto" (MUK, the federal account for organisations on ELSTER,
 * SAML 2.0): the login gives the acting person and, beside them, the {@link Organisation} they act for.
 *
 * <p><b>No attribute names are built in.</b> No public interface description of MUK with the SAML attribute names
 * could be found (searched in December 2026; public pages only say that the service receives a pseudonym for the
 * organisation and for the ELSTER account from the ELSTER IdP). The names come from the integrator's MUK connection
 * contract and are configured here, one URN per organisation field; {@link OrganisationAttribute#KEY} and
 * {@link OrganisationAttribute#NAME} are always required, others when marked with
 * {@link Builder#requiredOrganisation(OrganisationAttribute, String)}. A login without a required attribute ends as
 * {@link de.ozgsdk.auth.LoginOutcome.AttributesMissing} with the missing names.
 *
 * <p>Unverified as well, hence configurable: the level URIs (eIDAS LoA by default, {@link Builder#storkLevels()}),
 * how the acting person is keyed ({@link Builder#personKey(String)} or a persistent NameID) and which person
 * attributes arrive. By default the assertion must arrive encrypted and a signature on the response or on the
 * assertion is enough; no request extension is sent.
 */
public final class CompanyAccountProfile implements SamlProfile {

    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    private final Map<OrganisationAttribute, String> organisation;
    private final Set<OrganisationAttribute> requiredOrganisation;
    private final Optional<String> personKey;
    private final Map<String, PersonAttribute> person;
    private final List<String> requiredPerson;
    private final Optional<String> postboxAttribute;
    private final Optional<String> loginMethodAttribute;
    private final boolean stork;
    private final boolean requireEncryption;
    private final boolean requireSignedAssertion;

    private CompanyAccountProfile(Builder builder) {
        this.organisation = Collections.unmodifiableMap(new EnumMap<>(builder.organisation));
        this.requiredOrganisation = Collections.unmodifiableSet(EnumSet.copyOf(builder.requiredOrganisation));
        this.personKey = Optional.ofNullable(builder.personKey);
        this.person = Map.copyOf(builder.person);
        this.requiredPerson = List.copyOf(builder.requiredPerson);
        this.postboxAttribute = Optional.ofNullable(builder.postboxAttribute);
        this.loginMethodAttribute = Optional.ofNullable(builder.loginMethodAttribute);
        this.stork = builder.stork;
        this.requireEncryption = builder.requireEncryption;
        this.requireSignedAssertion = builder.requireSignedAssertion;
    }

    /** Starts a profile; organisation key and name URNs and the way the person is keyed must be configured. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configured wire name of each organisation field. */
    public Map<OrganisationAttribute, String> organisationMapping() {
        return organisation;
    }

    @Override
    public String authnContextClassRef(TrustLevel required) {
        return stork ? required.storkQaaLevel() : required.eidasUri();
    }

    @Override
    public boolean requiresSignedAssertion() {
        return requireSignedAssertion;
    }

    @Override
    public boolean requiresEncryptedAssertion() {
        return requireEncryption;
    }

    @Override
    public List<String> missingAttributes(SamlAssertion assertion) {
        Set<String> missing = new LinkedHashSet<>();
        personKey.filter(name -> assertion.attribute(name).isEmpty()).ifPresent(missing::add);
        if (personKey.isEmpty() && !PERSISTENT.equals(assertion.nameIdFormat())) {
            missing.add("NameID (persistent)");
        }
        requiredPerson.stream().filter(name -> assertion.attribute(name).isEmpty()).forEach(missing::add);
        for (OrganisationAttribute field : requiredOrganisation) {
            String name = organisation.get(field);
            if (assertion.value(name).filter(value -> !value.isBlank()).isEmpty()) {
                missing.add(name);
            }
        }
        return List.copyOf(missing);
    }

    @Override
    public Citizen citizen(SamlAssertion assertion, TrustLevel level) {
        Citizen.Builder citizen = Citizen.builder()
                .subjectKey(personKey.flatMap(assertion::value).orElse(assertion.nameId()))
                .issuer(assertion.issuer())
                .trustLevel(level)
                .loginMethod(loginMethodAttribute.flatMap(assertion::value).map(LoginMethod::parse)
                        .orElse(LoginMethod.OTHER))
                .authenticatedAt(assertion.authnInstant());
        postboxAttribute.flatMap(assertion::value).ifPresent(citizen::postboxReference);
        for (AttributeValue value : assertion.attributes().values()) {
            PersonAttribute meaning = person.get(value.name());
            if (meaning != null) {
                citizen.attribute(meaning, value);
            } else {
                citizen.attribute(value);
            }
        }
        Organisation.Builder company = Organisation.builder();
        organisation.forEach((field, name) -> assertion.value(name).filter(value -> !value.isBlank())
                .ifPresent(value -> company.value(field, value)));
        return citizen.organisation(company.build()).build();
    }

    /** Configures a {@link CompanyAccountProfile} with the attribute names of the MUK connection contract. */
    public static final class Builder {
        private final Map<OrganisationAttribute, String> organisation = new EnumMap<>(OrganisationAttribute.class);
        private final Set<OrganisationAttribute> requiredOrganisation =
                new LinkedHashSet<>(List.of(OrganisationAttribute.KEY, OrganisationAttribute.NAME));
        private String personKey;
        private boolean personFromNameId;
        private final Map<String, PersonAttribute> person = new LinkedHashMap<>();
        private final List<String> requiredPerson = new ArrayList<>();
        private String postboxAttribute;
        private String loginMethodAttribute;
        private boolean stork;
        private boolean requireEncryption = true;
        private boolean requireSignedAssertion;

        private Builder() {
        }

        /** The attribute holding the organisation's stable key (required). */
        public Builder organisationKey(String urn) {
            return requiredOrganisation(OrganisationAttribute.KEY, urn);
        }

        /** The attribute holding the organisation's name (required). */
        public Builder organisationName(String urn) {
            return requiredOrganisation(OrganisationAttribute.NAME, urn);
        }

        /** Maps attribute {@code urn} to organisation field {@code field}, optional unless key or name. */
        public Builder organisation(OrganisationAttribute field, String urn) {
            Objects.requireNonNull(field, "field");
            organisation.put(field, name(urn));
            return this;
        }

        /** Maps and requires: a login without attribute {@code urn} fails as "attributes missing". */
        public Builder requiredOrganisation(OrganisationAttribute field, String urn) {
            organisation(field, urn);
            requiredOrganisation.add(field);
            return this;
        }

        /** The attribute whose value keys the acting person (their account pseudonym). */
        public Builder personKey(String urn) {
            this.personKey = name(urn);
            this.personFromNameId = false;
            return this;
        }

        /** Keys the acting person on a persistent NameID instead of an attribute. */
        public Builder personFromPersistentNameId() {
            this.personKey = null;
            this.personFromNameId = true;
            return this;
        }

        /** Maps attribute {@code urn} of the acting person to {@code meaning}. */
        public Builder person(String urn, PersonAttribute meaning) {
            person.put(name(urn), Objects.requireNonNull(meaning, "meaning"));
            return this;
        }

        /** Requires person attribute {@code urn}. */
        public Builder requirePerson(String urn) {
            requiredPerson.add(name(urn));
            return this;
        }

        /** The attribute holding the postbox reference of the acting person; default none. */
        public Builder postboxAttribute(String urn) {
            this.postboxAttribute = name(urn);
            return this;
        }

        /** The attribute naming the login method (values as {@link LoginMethod#parse(String)}); default none. */
        public Builder loginMethodAttribute(String urn) {
            this.loginMethodAttribute = name(urn);
            return this;
        }

        /** Requests levels as {@code STORK-QAA-Level-n} instead of eIDAS LoA URIs (answers: both understood). */
        public Builder storkLevels() {
            this.stork = true;
            return this;
        }

        /** Requires the assertion's own signature (a signed response around it is then not enough). */
        public Builder requireSignedAssertion() {
            this.requireSignedAssertion = true;
            return this;
        }

        /** Accepts assertions in clear text (only for test systems that cannot encrypt; the browser sees the data). */
        public Builder allowUnencryptedAssertion() {
            this.requireEncryption = false;
            return this;
        }

        /**
         * The profile.
         *
         * @throws IllegalStateException if the organisation key or name or the way the person is keyed is missing,
         *                               or two fields share one attribute name
         */
        public CompanyAccountProfile build() {
            for (OrganisationAttribute field : List.of(OrganisationAttribute.KEY, OrganisationAttribute.NAME)) {
                if (!organisation.containsKey(field)) {
                    throw new IllegalStateException("the attribute name of the organisation's " + field
                            + " is required: take it from the MUK connection contract");
                }
            }
            if (personKey == null && !personFromNameId) {
                throw new IllegalStateException("configure personKey(urn) or personFromPersistentNameId()");
            }
            if (Set.copyOf(organisation.values()).size() != organisation.size()) {
                throw new IllegalStateException("two organisation fields are mapped to the same attribute name");
            }
            return new CompanyAccountProfile(this);
        }

        private static String name(String urn) {
            if (Objects.requireNonNull(urn, "urn").isBlank()) {
                throw new IllegalArgumentException("an attribute name must not be blank");
            }
            return urn;
        }
    }
}
