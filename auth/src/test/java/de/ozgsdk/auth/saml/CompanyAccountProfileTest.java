package de.ozgsdk.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.AttributeValue;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.Organisation;
import de.ozgsdk.auth.OrganisationAttribute;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.TrustLevel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The company-account profile on verified assertions. The attribute names are invented for the test (a connection
 * contract would give the real ones): the profile has no built-in names.
 */
class CompanyAccountProfileTest {

    private static final String ORG_KEY = "urn:example:contract:org-key";
    private static final String ORG_NAME = "urn:example:contract:org-name";
    private static final String LEGAL_FORM = "urn:example:contract:legal-form";
    private static final String TAX_NUMBER = "urn:example:contract:tax-number";
    private static final String REGISTER_NUMBER = "urn:example:contract:register-number";
    private static final String PERSON_KEY = "urn:example:contract:account-key";

    private static CompanyAccountProfile.Builder contract() {
        return CompanyAccountProfile.builder()
                .organisationKey(ORG_KEY)
                .organisationName(ORG_NAME)
                .organisation(OrganisationAttribute.LEGAL_FORM, LEGAL_FORM)
                .requiredOrganisation(OrganisationAttribute.TAX_NUMBER, TAX_NUMBER)
                .organisation(OrganisationAttribute.REGISTER_NUMBER, REGISTER_NUMBER)
                .personKey(PERSON_KEY)
                .person("urn:oid:2.5.4.42", PersonAttribute.GIVEN_NAME);
    }

    private static SamlAssertion assertion(Map<String, String> values) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        values.forEach((name, value) -> attributes.put(name, AttributeValue.of(name, value, Optional.empty())));
        return new SamlAssertion("https://muk.example/idp", "transient-1",
                "urn:oasis:names:tc:SAML:2.0:nameid-format:transient", Instant.parse("2026-12-07T10:00:00Z"),
                "http://eidas.europa.eu/LoA/substantial", attributes);
    }

    private static Map<String, String> complete() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PERSON_KEY, "acc-4711");
        values.put("urn:oid:2.5.4.42", "Max");
        values.put(ORG_KEY, "org-0815");
        values.put(ORG_NAME, "Muster Bau GmbH");
        values.put(LEGAL_FORM, "GmbH");
        values.put(TAX_NUMBER, "5133081508159");
        return values;
    }

    @Test
    void mapsTheConfiguredAttributesToAnOrganisationBesideTheActingPerson() {
        CompanyAccountProfile profile = contract().build();

        Citizen citizen = profile.citizen(assertion(complete()), TrustLevel.SUBSTANTIAL);

        assertThat(citizen.subjectKey()).isEqualTo("acc-4711");
        assertThat(citizen.givenName()).contains("Max");
        Organisation organisation = citizen.organisation().orElseThrow();
        assertThat(organisation.key()).isEqualTo("org-0815");
        assertThat(organisation.name()).isEqualTo("Muster Bau GmbH");
        assertThat(organisation.legalForm()).contains("GmbH");
        assertThat(organisation.taxNumber()).contains("5133081508159");
        assertThat(organisation.registerNumber()).isEmpty();
        assertThat(citizen.toString()).doesNotContain("org-0815", "Muster Bau", "5133081508159", "acc-4711")
                .contains("TAX_NUMBER");
    }

    @Test
    void namesEveryMissingRequiredOrganisationAttribute() {
        Map<String, String> values = complete();
        values.remove(ORG_NAME);
        values.put(TAX_NUMBER, " ");
        values.remove(LEGAL_FORM);

        assertThat(contract().build().missingAttributes(assertion(values))).containsExactly(ORG_NAME, TAX_NUMBER);
        assertThat(contract().build().missingAttributes(assertion(complete()))).isEmpty();
    }

    @Test
    void aMissingPersonKeyIsNamedToo() {
        Map<String, String> values = complete();
        values.remove(PERSON_KEY);

        assertThat(contract().build().missingAttributes(assertion(values))).containsExactly(PERSON_KEY);
    }

    @Test
    void refusesAConfigurationWithoutOrganisationKeyNameOrPersonKey() {
        assertThatThrownBy(() -> CompanyAccountProfile.builder().organisationName(ORG_NAME).personKey(PERSON_KEY)
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("KEY");
        assertThatThrownBy(() -> CompanyAccountProfile.builder().organisationKey(ORG_KEY).personKey(PERSON_KEY)
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("NAME");
        assertThatThrownBy(() -> CompanyAccountProfile.builder().organisationKey(ORG_KEY).organisationName(ORG_NAME)
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("personKey");
        assertThatThrownBy(() -> CompanyAccountProfile.builder().organisationKey(ORG_KEY).organisationName(ORG_KEY)
                .personKey(PERSON_KEY).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("same attribute name");
    }

    @Test
    void requestsEidasLevelsByDefaultAndStorkLevelsOnRequest() {
        assertThat(contract().build().authnContextClassRef(TrustLevel.SUBSTANTIAL))
                .isEqualTo("http://eidas.europa.eu/LoA/substantial");
        assertThat(contract().storkLevels().build().authnContextClassRef(TrustLevel.SUBSTANTIAL))
                .isEqualTo("STORK-QAA-Level-3");
        assertThat(contract().build().trustLevel("STORK-QAA-Level-3")).contains(TrustLevel.SUBSTANTIAL);
    }
}
