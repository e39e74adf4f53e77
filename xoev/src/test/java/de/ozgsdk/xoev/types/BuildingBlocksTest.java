package de.ozgsdk.xoev.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.xoev.XoevError;
import org.junit.jupiter.api.Test;

class BuildingBlocksTest {

    private static final Code DVDV = Behoerdenkennung.DVDV;

    @Test
    void nullNamesTheMissingArgumentAndTheBuildingBlock() {
        assertMissing(() -> NameNatuerlichePerson.of(null, "Müller"), "vorname", "NameNatuerlichePerson");
        assertMissing(() -> Behoerdenkennung.of(null, "05315000"), "praefix", "Behoerdenkennung");
        assertMissing(() -> Code.of("01", null, "1.0"), "listURI", "Code");
    }

    @Test
    void buildRequiresEveryRequiredPart() {
        assertMissing(() -> Anschrift.builder().strasse("Hauptstraße").hausnummer("1").postleitzahl("50667").build(),
                "ort", "Anschrift");
        assertMissing(() -> Nachrichtenkopf.builder().nachrichtentyp(DVDV).build(), "nachrichtenUUID",
                "Nachrichtenkopf");
    }

    @Test
    void refusesBlankText() {
        assertThatThrownBy(() -> NameOrganisation.of("  "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XoevError.VALUE_BLANK);
                    assertThat(e.arguments()).containsExactly("name", "NameOrganisation");
                });
    }

    @Test
    void refusesAMalformedPostcodeWithoutQuotingIt() {
        assertThatThrownBy(() -> Anschrift.builder().postleitzahl("5066 7 x!"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XoevError.VALUE_MALFORMED);
                    assertThat(e.getMessage()).contains("postleitzahl").doesNotContain("5066 7 x!");
                });
    }

    @Test
    void codeNeedsATokenAndAnAbsoluteListUri() {
        assertThatThrownBy(() -> Code.of(" 01", "urn:x:y", "1")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Code.of("01", "codelisten/staat", "1"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XoevError.VALUE_MALFORMED));
        assertThatThrownBy(() -> Code.of("01", "urn:x:y", "1\n2")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesATimeOffsetXmlSchemaCannotExpress() {
        java.time.OffsetDateTime tooFarEast = java.time.OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0,
                java.time.ZoneOffset.ofHoursMinutes(14, 15));

        assertThatThrownBy(() -> Nachrichtenkopf.builder().erstellungszeitpunkt(tooFarEast))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XoevError.VALUE_MALFORMED));
    }

    @Test
    void withMethodsReturnChangedCopies() {
        Code code = Code.of("000", "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat", "2024-02-01");

        Code named = code.withName("Deutschland");

        assertThat(code.name()).isEmpty();
        assertThat(named.name()).contains("Deutschland");
        assertThat(named).isNotEqualTo(code);
        assertThat(named.code()).isEqualTo("000");
    }

    @Test
    void personalDataStaysOutOfToString() {
        NameNatuerlichePerson person = NameNatuerlichePerson.of("Anna", "Müller");
        Anschrift anschrift = Anschrift.builder().strasse("Hauptstraße").hausnummer("1").postleitzahl("50667")
                .ort("Köln").build();
        Kommunikation mail = Kommunikation.of(DVDV, "anna@example.org");

        assertThat(person.toString()).doesNotContain("Anna", "Müller");
        assertThat(anschrift.toString()).doesNotContain("Hauptstraße", "50667", "Köln");
        assertThat(mail.toString()).doesNotContain("anna@");
    }

    private static void assertMissing(Runnable call, String argument, String owner) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(XoevError.VALUE_MISSING);
            assertThat(e.arguments()).containsExactly(argument, owner);
        });
    }
}
