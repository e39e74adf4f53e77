package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.xoev.meldung.Meldung;
import de.ozgsdk.xoev.types.NameNatuerlichePerson;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

/** A character XML 1.0 does not allow gives a clear error instead of a document no parser accepts. */
class IllegalCharacterTest {

    private final XoevSerializer<Meldung> serializer = Samples.meldungSerializer();

    @Test
    void buildingBlocksRefuseAControlCharacterNamingTheArgument() {
        assertThatThrownBy(() -> NameNatuerlichePerson.of("Anna", "Mül\u0001ler"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XoevError.VALUE_ILLEGAL_CHARACTER);
                    assertThat(e.arguments()).containsExactly("familienname", "NameNatuerlichePerson", "0001");
                });
    }

    @Test
    void writingTextWithAControlCharacterFailsWithTheCodePoint() {
        Meldung meldung = Samples.meldung();
        meldung.bemerkung = "Bitte\u0001Rückruf";

        assertIllegalCharacter(() -> serializer.toBytes(meldung), "0001");
        assertIllegalCharacter(() -> serializer.withoutValidation().toBytes(meldung), "0001");
    }

    @Test
    void writingAnAttributeWithAnUnpairedSurrogateFails() {
        Meldung meldung = Samples.meldung();
        meldung.aktenzeichen = "AZ-\uD800";

        assertIllegalCharacter(() -> serializer.withoutValidation().toBytes(meldung), "D800");
    }

    @Test
    void writingAFragmentWithAControlCharacterFails() throws Exception {
        Meldung meldung = Samples.meldung();
        meldung.bemerkung = "x\u001Fy";
        XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(new StringWriter());
        writer.writeStartElement("antrag");

        assertIllegalCharacter(() -> serializer.withoutValidation().writeFragment(meldung, writer), "001F");
    }

    private static void assertIllegalCharacter(Runnable write, String codeUnit) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo(XoevError.ILLEGAL_XML_CHARACTER);
            assertThat(e.getMessage()).contains("U+" + codeUnit);
        });
    }
}
