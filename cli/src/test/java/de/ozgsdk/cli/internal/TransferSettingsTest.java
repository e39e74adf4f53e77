package de.ozgsdk.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferSettingsTest {

    @TempDir
    Path dir;

    @Test
    void environmentVariablesAreNamedAfterTheProperties() {
        assertThat(TransferSettings.environmentName(TransferSettings.CLIENT_SECRET))
                .isEqualTo("OZG_TRANSFER_CLIENT_SECRET");
        assertThat(TransferSettings.environmentName(TransferSettings.TOKEN_ENDPOINT))
                .isEqualTo("OZG_TRANSFER_TOKEN_ENDPOINT");
    }

    @Test
    void aSettingMissingFromTheFileIsTakenFromTheEnvironment() throws IOException {
        Path config = Files.writeString(dir.resolve("ozg.properties"), "ozg.transfer.client-id=from-file\n");

        TransferSettings settings = TransferSettings.load(config,
                Map.of("OZG_TRANSFER_CLIENT_ID", "from-env", "OZG_TRANSFER_CLIENT_SECRET", "s3cret"));

        assertThat(settings.required(TransferSettings.CLIENT_ID)).isEqualTo("from-file");
        assertThat(settings.required(TransferSettings.CLIENT_SECRET)).isEqualTo("s3cret");
    }

    @Test
    void withoutConfigFileEverythingComesFromTheEnvironmentAndRelativePathsFromTheWorkingDirectory() {
        TransferSettings settings = TransferSettings.load(null, Map.of("OZG_TRANSFER_LEDGER_DIR", "ledger"));

        assertThat(settings.ledgerDirectory()).isEqualTo(Path.of("ledger"));
        assertThatThrownBy(() -> settings.required(TransferSettings.SUBMISSION_API))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.userMessage(Locale.ENGLISH))
                        .contains("ozg.transfer.submission-api").contains("OZG_TRANSFER_SUBMISSION_API"));
    }

    @Test
    void relativePathsInTheFileAreRelativeToTheFileAndTheLedgerDefaultsToTheHomeDirectory() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("etc"));
        Path config = Files.writeString(sub.resolve("ozg.properties"), "ozg.transfer.ledger-dir=state\n");

        assertThat(TransferSettings.load(config, Map.of()).ledgerDirectory()).isEqualTo(sub.toAbsolutePath()
                .resolve("state"));
        assertThat(TransferSettings.load(null, Map.of()).ledgerDirectory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".ozg", "transfer"));
    }

    @Test
    void aKeyFileWithoutPrivatePartIsRefusedWithoutQuotingIt() throws IOException {
        String modulus = "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRRO"
                + "SBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJ"
                + "Q4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrN"
                + "hZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw";
        Path key = Files.writeString(dir.resolve("public.jwk"),
                "{\"kty\":\"RSA\",\"kid\":\"k1\",\"e\":\"AQAB\",\"n\":\"" + modulus + "\"}");
        Path config = Files.writeString(dir.resolve("ozg.properties"), "ozg.transfer.decryption-key=public.jwk\n");

        assertThatThrownBy(() -> TransferSettings.load(config, Map.of()).privateKey(TransferSettings.DECRYPTION_KEY))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.userMessage(Locale.ENGLISH))
                        .contains("ozg.transfer.decryption-key").contains("private RSA key with a kid")
                        .doesNotContain("sXchDaQ"));
        assertThat(key).exists();
    }
}
