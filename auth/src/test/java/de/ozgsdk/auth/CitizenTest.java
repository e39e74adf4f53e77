package de.ozgsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.TrustLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitizenTest {

    private static final Instant LOGIN = Instant.parse("2026-12-07T10:00:00Z");

    private static Citizen.Builder erika(TrustLevel level) {
        return Citizen.builder()
                .subjectKey("k2jBT0cykDVqiKWia1VMzqmntTu-EwGskIYlcCIGt_8")
                .issuer("https://int.id.bund.de/idp")
                .trustLevel(level)
                .loginMethod(LoginMethod.EID)
                .authenticatedAt(LOGIN)
                .postboxReference("b980f78d-f5e0-45d9-8971-cc0e27f0beaf")
                .attribute(PersonAttribute.GIVEN_NAME,
                        AttributeValue.of("urn:oid:2.5.4.42", "ERIKA", Optional.of(AttributeTrust.HIGH)))
                .attribute(PersonAttribute.SURNAME,
                        AttributeValue.of("urn:oid:2.5.4.4", "MUSTERMANN", Optional.of(AttributeTrust.HIGH)))
                .attribute(PersonAttribute.BIRTH_DATE,
                        AttributeValue.of("urn:oid:1.2.40.0.10.2.1.1.55", "1964-08-12", Optional.empty()));
    }

    @Test
    void toStringPrintsNeitherSubjectKeyNorAttributeValues() {
        Citizen citizen = erika(TrustLevel.HIGH).build();

        assertThat(citizen.toString())
                .doesNotContain("k2jBT0", "ERIKA", "MUSTERMANN", "1964", "b980f78d")
                .contains("HIGH", "EID", "GIVEN_NAME");
        assertThat(citizen.attribute(PersonAttribute.GIVEN_NAME).orElseThrow().toString()).doesNotContain("ERIKA");
    }

    @Test
    void typedAccessorsReadTheAttributesByMeaning() {
        Citizen citizen = erika(TrustLevel.HIGH).build();

        assertThat(citizen.givenName()).contains("ERIKA");
        assertThat(citizen.surname()).contains("MUSTERMANN");
        assertThat(citizen.birthDate()).contains(LocalDate.of(1964, 8, 12));
        assertThat(citizen.email()).isEmpty();
        assertThat(citizen.trustOf(PersonAttribute.GIVEN_NAME)).contains(AttributeTrust.HIGH);
        assertThat(citizen.attribute("urn:oid:2.5.4.4")).isPresent();
    }

    @Test
    void sessionDeadlineFollowsTheLimitsOfTheLevel() {
        assertThat(erika(TrustLevel.HIGH).build().sessionDeadline()).isEqualTo(LOGIN.plus(Duration.ofMinutes(30)));
        assertThat(erika(TrustLevel.HIGH).build().idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(erika(TrustLevel.SUBSTANTIAL).build().sessionDeadline()).isEqualTo(LOGIN.plus(Duration.ofHours(2)));
        assertThat(erika(TrustLevel.SUBSTANTIAL).build().idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(erika(TrustLevel.LOW).build().sessionDeadline()).isEqualTo(LOGIN.plus(Duration.ofHours(12)));
        assertThat(erika(TrustLevel.LOW).build().idleTimeout()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void birthDateWithUnknownDayIsOnlyAvailableRaw() {
        Citizen citizen = erika(TrustLevel.HIGH)
                .attribute(PersonAttribute.BIRTH_DATE,
                        AttributeValue.of("urn:oid:1.2.40.0.10.2.1.1.55", "1964-08-xx", Optional.empty()))
                .build();

        assertThat(citizen.birthDate()).isEmpty();
        assertThat(citizen.attribute(PersonAttribute.BIRTH_DATE).orElseThrow().value()).isEqualTo("1964-08-xx");
    }

    @Test
    void refusesACitizenWithoutSubjectKey() {
        assertThatThrownBy(() -> Citizen.builder().issuer("x").trustLevel(TrustLevel.LOW).authenticatedAt(LOGIN)
                .build()).hasMessageContaining("subjectKey");
    }

    @Test
    void readsTheAkdbTrustLevelsSeenOnTheWireAndInTheTable() {
        assertThat(AttributeTrust.parse("UNTERGEORDNET")).contains(AttributeTrust.SUBORDINATE);
        assertThat(AttributeTrust.parse("Basisregistrierung")).contains(AttributeTrust.SUBORDINATE);
        assertThat(AttributeTrust.parse("NORMAL")).contains(AttributeTrust.NORMAL);
        assertThat(AttributeTrust.parse("Substantiell")).contains(AttributeTrust.SUBSTANTIAL);
        assertThat(AttributeTrust.parse("HOCH")).contains(AttributeTrust.HIGH);
        assertThat(AttributeTrust.parse("GANZ-HOCH")).isEmpty();
    }

    @Test
    void carriesAnOrganisationBesideThePersonWithoutPrintingIt() {
        Organisation company = Organisation.builder().key("org-0815").name("Muster Bau GmbH")
                .value(OrganisationAttribute.REGISTER_COURT, "Amtsgericht Köln").build();

        Citizen citizen = erika(TrustLevel.SUBSTANTIAL).organisation(company).build();

        assertThat(citizen.organisation()).contains(company);
        assertThat(company.registerCourt()).contains("Amtsgericht Köln");
        assertThat(citizen.toString()).doesNotContain("org-0815", "Muster Bau", "Köln").contains("REGISTER_COURT");
        assertThat(erika(TrustLevel.HIGH).build().organisation()).isEmpty();
        assertThatThrownBy(() -> Organisation.builder().key("org-0815").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
    }
}
