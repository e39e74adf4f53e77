package de.ozgsdk.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.TrustLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How acr values become trust levels and claims become the citizen's attributes. */
class MappingsTest {

    @Test
    void standardAcrMappingUnderstandsEidasStorkAndNames() {
        AcrMapping standard = AcrMapping.standard();

        assertThat(standard.levelOf("http://eidas.europa.eu/LoA/substantial")).contains(TrustLevel.SUBSTANTIAL);
        assertThat(standard.levelOf("http://eidas.europa.eu/NotNotified/LoA/high")).contains(TrustLevel.HIGH);
        assertThat(standard.levelOf("STORK-QAA-Level-1")).contains(TrustLevel.LOW);
        assertThat(standard.levelOf("hoch")).contains(TrustLevel.HIGH);
        assertThat(standard.levelOf("urn:mace:incommon:iap:silver")).isEmpty();
    }

    @Test
    void requestsTheRequiredLevelAndEveryHigherOneLowestFirst() {
        assertThat(AcrMapping.standard().requestValues(TrustLevel.LOW)).containsExactly(
                "http://eidas.europa.eu/LoA/low", "http://eidas.europa.eu/LoA/substantial",
                "http://eidas.europa.eu/LoA/high");
        assertThat(AcrMapping.stork().requestValues(TrustLevel.HIGH)).containsExactly("STORK-QAA-Level-4");
    }

    @Test
    void explicitTableKnowsOnlyItsValuesUnlessStandardValuesAreAdded() {
        AcrMapping table = AcrMapping.builder().map("gold", TrustLevel.HIGH).map("silver", TrustLevel.SUBSTANTIAL)
                .build();
        AcrMapping both = AcrMapping.builder().map("gold", TrustLevel.HIGH).alsoStandardValues().build();

        assertThat(table.levelOf("gold")).contains(TrustLevel.HIGH);
        assertThat(table.levelOf("http://eidas.europa.eu/LoA/high")).isEmpty();
        assertThat(table.requestValues(TrustLevel.LOW)).containsExactly("silver", "gold");
        assertThat(both.levelOf("http://eidas.europa.eu/LoA/high")).contains(TrustLevel.HIGH);
        assertThatThrownBy(() -> AcrMapping.builder().build()).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.code()).isEqualTo(AuthError.CONFIG_INVALID));
    }

    @Test
    void readsNestedClaimsArraysAndScalars() {
        Map<String, Object> claims = Map.of(
                "address", Map.of("postal_code", "51147", "geo", Map.of("lat", 50.9)),
                "nationalities", List.of("DE", "AT"),
                "email_verified", true,
                "empty", "");

        assertThat(ClaimMapping.values(claims, "address.postal_code")).containsExactly("51147");
        assertThat(ClaimMapping.values(claims, "address.geo.lat")).containsExactly("50.9");
        assertThat(ClaimMapping.values(claims, "nationalities")).containsExactly("DE", "AT");
        assertThat(ClaimMapping.values(claims, "email_verified")).containsExactly("true");
        assertThat(ClaimMapping.values(claims, "address")).isEmpty();
        assertThat(ClaimMapping.values(claims, "empty")).isEmpty();
        assertThat(ClaimMapping.values(claims, "address.postal_code.more")).isEmpty();
    }

    @Test
    void aClaimForAnAttributeReplacesTheStandardOne() {
        ClaimMapping mapping = ClaimMapping.standard().toBuilder().claim("vorname", PersonAttribute.GIVEN_NAME)
                .build();

        assertThat(mapping.claims()).containsEntry("vorname", PersonAttribute.GIVEN_NAME)
                .doesNotContainKey("given_name");
        assertThat(mapping.subjectClaim()).isEqualTo("sub");
        assertThatThrownBy(() -> ClaimMapping.builder().subjectClaim(" ")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> ClaimMapping.builder().claim("address.", PersonAttribute.COUNTRY))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void clientAuthenticationNeverShowsItsSecret() {
        assertThat(ClientAuthentication.secretBasic("top-secret").toString()).doesNotContain("top-secret");
        assertThat(ClientAuthentication.secretPost("top-secret").toString()).doesNotContain("top-secret");
        assertThatThrownBy(() -> ClientAuthentication.secretBasic("")).isInstanceOf(ConfigurationException.class);
    }
}
