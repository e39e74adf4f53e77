package de.ozgsdk.portal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.portal.PortalApi;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.ChannelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalProfileTest {

    @TempDir
    Path tmp;

    @Test
    void theCentralPortalOffersEverythingAtThisSdksApiLevel() {
        PortalProfile central = PortalProfile.central();

        assertThat(central.name()).isEqualTo("central");
        assertThat(central.apiLevel()).isEqualTo(PortalApi.LEVEL);
        assertThat(central.maxTrustLevel()).contains(TrustLevel.HIGH);
        assertThat(central.loginProviders()).extracting(LoginProvider::protocol)
                .containsExactly(LoginProvider.Protocol.SAML, LoginProvider.Protocol.OIDC);
        assertThat(central.paymentProviders()).containsExactlyInAnyOrder(PaymentProviderKind.EPAYBL,
                PaymentProviderKind.XBEZAHLDIENSTE);
        assertThat(central.postboxes()).containsExactly(PostboxKind.ZBP);
        assertThat(central.channels()).containsExactlyInAnyOrder(ChannelKind.values());
        assertThat(central.xdfVersions()).containsExactlyInAnyOrder(XdfVersion.XDF2, XdfVersion.XDF3);
        assertThat(central.languages()).containsExactly(Locale.GERMAN, Locale.ENGLISH);
    }

    @Test
    void theLegacyPortalOffersLess() {
        PortalProfile legacy = PortalProfile.named("legacy");

        assertThat(legacy.apiLevel()).isEqualTo(1);
        assertThat(legacy.maxTrustLevel()).contains(TrustLevel.SUBSTANTIAL);
        assertThat(legacy.paymentProviders()).containsExactly(PaymentProviderKind.EPAYBL);
        assertThat(legacy.postboxes()).isEmpty();
        assertThat(legacy.channels()).containsExactlyInAnyOrder(ChannelKind.HTTPS, ChannelKind.FILE_DROP);
        assertThat(legacy.xdfVersions()).containsExactly(XdfVersion.XDF2);
        assertThat(legacy.languages()).containsExactly(Locale.GERMAN);
        assertThat(legacy.description().orElseThrow().get(Locale.ENGLISH)).contains("legacy portal");
    }

    @Test
    void aProfileFileIsReadAndResolvedByPath() throws IOException {
        Path file = Files.writeString(tmp.resolve("musterhausen.json"), """
                {
                  "name": "musterhausen",
                  "apiLevel": 1,
                  "languages": ["de", "tr"],
                  "loginProviders": [{"name": "Servicekonto", "protocol": "OIDC", "maxTrustLevel": "LOW",
                                      "attributes": ["EMAIL"]}],
                  "paymentProviders": [],
                  "postboxes": ["PORTAL"],
                  "channels": ["FILE_DROP"],
                  "xdfVersions": ["XDF2", "XDF3"]
                }
                """);

        PortalProfile profile = PortalProfile.resolve(file.toString());

        assertThat(profile.name()).isEqualTo("musterhausen");
        assertThat(profile.languages()).containsExactly(Locale.GERMAN, Locale.forLanguageTag("tr"));
        assertThat(profile.loginProviders()).singleElement().satisfies(p -> {
            assertThat(p.maxTrustLevel()).isEqualTo(TrustLevel.LOW);
            assertThat(p.attributes()).containsExactly(de.ozgsdk.auth.PersonAttribute.EMAIL);
        });
        assertThat(profile.postboxes()).containsExactly(PostboxKind.PORTAL);
        assertThat(PortalProfile.resolve("legacy").name()).isEqualTo("legacy");
    }

    @Test
    void aBrokenProfileFileNamesEveryProblemWithLineAndPointer() throws IOException {
        Path file = Files.writeString(tmp.resolve("broken.json"), """
                {
                  "name": "broken",
                  "apiLevel": 1,
                  "languages": ["de"],
                  "loginProviders": [{"name": "X", "protocol": "SAML", "maxTrustLevel": "VERY_HIGH", "attributes": []}],
                  "paymentProviders": ["PAYPAL"],
                  "postbox": [],
                  "channels": [],
                  "xdfVersions": ["XDF3"]
                }
                """);

        assertThatThrownBy(() -> PortalProfile.read(file)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo(PortalError.PROFILE_INVALID))
                .hasMessageContaining("broken.json")
                .hasMessageContaining("line 5, column 73 (/loginProviders/0/maxTrustLevel)")
                .hasMessageContaining("line 6, column 24 (/paymentProviders/0)")
                .hasMessageContaining("unknown property \"postbox\"")
                .hasMessageContaining("the required property \"postboxes\" is missing");
    }

    @Test
    void anUnknownProfileNameIsRefused() {
        assertThatThrownBy(() -> PortalProfile.resolve("kommunalportal"))
                .hasMessageContaining("OZG-PORTAL-201").hasMessageContaining("central, legacy");
        assertThatThrownBy(() -> PortalProfile.named("other")).hasMessageContaining("OZG-PORTAL-201");
    }

    @Test
    void aProfileNeedsAnXDatenfelderVersion() {
        assertThatThrownBy(() -> PortalProfile.builder("empty").build()).hasMessageContaining("OZG-PORTAL-200")
                .hasMessageContaining("XDatenfelder");
        assertThatThrownBy(() -> PortalProfile.builder("Bad Name")).hasMessageContaining("OZG-PORTAL-200");
    }
}
