package de.ozgsdk.transfer.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FitConnectTargetTest {

    private static final UUID DESTINATION = UUID.randomUUID();
    private static final URI SCHEMA = URI.create("urn:ozgsdk:test:schema");

    @Test
    void namesALeikaServiceByItsUrn() {
        FitConnectTarget target = FitConnectTarget.xml(DESTINATION, LeikaKey.parse("99010003001006"), "Bauantrag",
                SCHEMA);

        assertThat(target.serviceIdentifier()).isEqualTo("urn:de:fim:leika:leistung:99010003001006");
        assertThat(target.dataMimeType()).isEqualTo("application/xml");
    }

    @Test
    void takesAnyServiceUrnWithJsonData() {
        FitConnectTarget target = FitConnectTarget.json(DESTINATION,
                "urn:schema-fitko-de:fit-connect:id.bund.de:message_v6", "Nachricht", SCHEMA);

        assertThat(target.serviceIdentifier()).isEqualTo("urn:schema-fitko-de:fit-connect:id.bund.de:message_v6");
        assertThat(target.dataMimeType()).isEqualTo("application/json");
    }

    @Test
    void refusesAServiceIdentifierThatIsNoUrn() {
        assertThatThrownBy(() -> FitConnectTarget.json(DESTINATION, "message_v6", "Nachricht", SCHEMA))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("serviceIdentifier").hasMessageContaining("no URN");
    }
}
