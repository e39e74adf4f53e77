package de.ozgsdk.sandbox.combined;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.sandbox.Sandbox;
import de.ozgsdk.sandbox.SandboxError;
import de.ozgsdk.sandbox.SandboxPersonas;
import de.ozgsdk.sandbox.idp.Portal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persona file of the combined sandbox: more personas for SAML and OIDC, and bad files refused by position. */
class SandboxPersonasTest {

    private static final String JONAS = """
            {
              "comment": "two more test people",
              "saml": [
                {
                  "id": "jonas-eid",
                  "label": "Jonas Beispiel: Online-Ausweis (hoch), 17 Jahre",
                  "method": "eID",
                  "level": 4,
                  "postkorbHandle": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                  "attributes": [
                    {"name": "urn:oid:2.5.4.42", "friendlyName": "givenName", "value": "JONAS", "trust": "HOCH"},
                    {"name": "urn:oid:2.5.4.4", "friendlyName": "surname", "value": "BEISPIEL", "trust": "HOCH"},
                    {"name": "urn:oid:1.2.40.0.10.2.1.1.55", "friendlyName": "birthdate", "value": "2009-05-01", "trust": "HOCH"}
                  ]
                }
              ],
              "oidc": [
                {
                  "id": "jonas-hoch",
                  "label": "Jonas Beispiel, Online-Ausweis (hoch)",
                  "subject": "5d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a",
                  "level": "HIGH",
                  "loginMethod": "eID",
                  "claims": {"given_name": "Jonas", "family_name": "Beispiel",
                             "postkorb_handle": "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b"}
                }
              ]
            }
            """;

    @TempDir
    Path directory;

    @Test
    void personasOfTheFileJoinTheShippedOnesOnTheLoginPageThePickerAndThePostbox() throws Exception {
        Path file = Files.writeString(directory.resolve("personas.json"), JONAS);

        try (Sandbox sandbox = Sandbox.builder().personas(file).start()) {
            Portal portal = Portal.against(sandbox.idp());
            String loginPage = portal.startLogin(TrustLevel.HIGH).body();
            LoginOutcome outcome = portal.login("jonas-eid", TrustLevel.HIGH);

            assertThat(loginPage).contains("Jonas Beispiel: Online-Ausweis (hoch), 17 Jahre", "Erika Mustermann");
            assertThat(outcome).isInstanceOf(LoginOutcome.Authenticated.class);
            assertThat(sandbox.oidc().persona("jonas-hoch").level()).isEqualTo(TrustLevel.HIGH);
            assertThat(sandbox.oidc().personas()).containsKey("eid-hoch");
            assertThat(sandbox.postbox().personas()).contains(
                    UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                    UUID.fromString("7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b"));
        }
    }

    @Test
    void aFileThatIsNoJsonIsRefusedWithLineAndColumn() throws Exception {
        Path file = Files.writeString(directory.resolve("broken.json"), "{\n  \"saml\": [\n    {\"id\": \"x\",, }\n");

        assertRefused(file, "line 3, column 16", "no valid JSON");
    }

    @Test
    void aPersonaWithoutMethodIsRefusedWithThePositionOfThePersona() throws Exception {
        Path file = Files.writeString(directory.resolve("personas.json"), JONAS.replace("\"method\": \"eID\",", ""));

        assertRefused(file, "line 4, column 5", "/saml/0", "\"method\" is missing");
    }

    @Test
    void anAttributeWithoutValueIsRefusedWithItsOwnPosition() throws Exception {
        Path file = Files.writeString(directory.resolve("personas.json"), JONAS.replace(
                "\"friendlyName\": \"surname\", \"value\": \"BEISPIEL\", ", "\"friendlyName\": \"surname\", "));

        assertRefused(file, "line 12, column 9", "/saml/0/attributes/1", "\"value\" is missing");
    }

    @Test
    void anOidcPersonaWithAnUnknownLevelIsRefusedAtTheLevel() throws Exception {
        Path file = Files.writeString(directory.resolve("personas.json"), JONAS.replace("\"HIGH\"", "\"SEHR HOCH\""));

        assertRefused(file, "line 22, column 16", "/oidc/0/level", "LOW, SUBSTANTIAL or HIGH");
    }

    @Test
    void aPersonaTakingAShippedIdIsRefused() throws Exception {
        Path file = Files.writeString(directory.resolve("personas.json"), JONAS.replace("jonas-eid", "erika-eid"));

        assertRefused(file, "/saml/0", "shipped persona");
    }

    @Test
    void anUnknownTopLevelMemberIsRefusedByName() throws Exception {
        Path file = Files.writeString(directory.resolve("personas.json"), "{\"personas\": []}");

        assertRefused(file, "line 1, column 14", "unknown member \"personas\"");
    }

    @Test
    void aMissingFileIsRefusedWithTheSameCode() {
        assertRefused(directory.resolve("missing.json"), "cannot be read");
    }

    private static void assertRefused(Path file, String... fragments) {
        assertThatThrownBy(() -> SandboxPersonas.shippedAnd(file))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(SandboxError.PERSONA_FILE_INVALID);
                    assertThat(e.getMessage()).contains(file.toString()).contains(fragments);
                });
    }

}
