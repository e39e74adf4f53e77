package de.ozgsdk.sandbox.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.sandbox.SandboxError;

/** Settings of the FIT-Connect mock a test got wrong are refused at once, with the sandbox's setting code. */
class SandboxDestinationTest {

    static final LeikaKey LEIKA = LeikaKey.parse("99010003001006");

    static void assertRefused(Executable setting, String named) {
        assertThatThrownBy(setting::execute).isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.code()).isEqualTo(SandboxError.SETTING_OUT_OF_RANGE);
            assertThat(e.getMessage()).contains(named);
        });
    }

    @Test
    void refusesDestinationSettingsFitConnectWouldRefuse() {
        assertRefused(() -> SandboxDestination.builder().service(LEIKA, "09330411"), "09330411");
        assertRefused(() -> SandboxDestination.builder().service(LEIKA), "regions of service");
        assertRefused(() -> SandboxDestination.builder().service("Bauantrag", "DE"), "Bauantrag");
        assertRefused(() -> SandboxDestination.builder().metadataVersions("2.1"), "2.1");
        assertRefused(() -> SandboxDestination.builder().submissionSchema("urn:x", "text/plain"), "text/plain");
        assertRefused(() -> SandboxDestination.builder().callback(URI.create("https://fv.example/cb"), "short"),
                "callback secret length");
        assertRefused(() -> SandboxDestination.builder().build(), "services of destination");
    }

    @Test
    void refusesMockSettingsThatCannotWork() {
        assertRefused(() -> FitConnectSandbox.builder().subscriber("fachverfahren", "secret"), "fachverfahren");
        assertRefused(() -> FitConnectSandbox.builder().autoRejectAfter(Duration.ZERO), "autoRejectAfter");
        assertRefused(() -> FitConnectSandbox.builder().tokenLifetime(Duration.ofSeconds(-1)), "tokenLifetime");
        assertRefused(() -> new SandboxArea("x1", "Halle (Saale)", "Kreisfreie Stadt", "150020000000"), "x1");
        assertRefused(() -> new SandboxArea("1", "Halle (Saale)", "Kreisfreie Stadt", "1"), "area ars");
    }

    @Test
    void keepsWhatTheTestConfigured() {
        SandboxDestination destination = SandboxDestination.builder().name("Bauamt").service(LEIKA, "DE09", "DE05")
                .status(DestinationStatus.INACTIVE).metadataVersions("2.1.0", "2.2.0").build();

        assertThat(destination.services()).singleElement().satisfies(service -> {
            assertThat(service.identifier()).isEqualTo("urn:de:fim:leika:leistung:99010003001006");
            assertThat(service.regions()).containsExactly("DE09", "DE05");
        });
        assertThat(destination.offers("urn:de:fim:leika:leistung:99010003001006")).isTrue();
        assertThat(destination.withStatus(DestinationStatus.ACTIVE).status()).isEqualTo(DestinationStatus.ACTIVE);
        assertThat(destination.withStatus(DestinationStatus.ACTIVE).metadataVersions())
                .containsExactly("2.1.0", "2.2.0");
        assertThat(destination.callbackUrl()).isEmpty();
    }
}
