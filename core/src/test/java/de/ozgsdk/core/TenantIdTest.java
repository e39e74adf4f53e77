package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @Test
    void tenantOfAMunicipalityIsKeyedByItsArs() {
        Tenant tenant = Tenant.of(RegionalKey.parse("053150000000"), LocalizedText.of("Stadt Köln"));
        assertThat(tenant.id().value()).isEqualTo("053150000000");
        assertThat(tenant.id()).isEqualTo(TenantId.parse("053150000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"koeln", "stadt-ahlen", "a", "05315"})
    void acceptsSlugs(String text) {
        assertThat(TenantId.parse(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-koeln", "Köln", "stadt ahlen", "KOELN", "a/b", "../x"})
    void rejectsAnythingThatIsNoSlug(String text) {
        assertThatThrownBy(() -> TenantId.parse(text)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsIdsLongerThanSixtyFourCharacters() {
        assertThat(TenantId.parse("a".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> TenantId.parse("a".repeat(65))).isInstanceOf(InvalidInputException.class);
    }
}
