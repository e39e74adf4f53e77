package de.ozgsdk.portal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.pkg.ServicePackage;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.FeeRule;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.service.PrefillRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompatibilityCheckTest {

    private static FimForm xdf3;
    private static FimForm xdf2;

    @BeforeAll
    static void loadForms() throws URISyntaxException {
        xdf3 = FimForm.load(resource("/de/ozgsdk/portal/parkausweis-xdf3.xml"));
        xdf2 = FimForm.load(resource("/de/ozgsdk/portal/profile/sperrmuell-xdf2.xml"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CompatibilityCheckTest.class.getResource(name).toURI());
    }

    private static Path examplePackage() throws URISyntaxException {
        return resource("/de/ozgsdk/portal/pkg/anwohnerparkausweis/service.json").getParent();
    }

    /** A free XDF2 service without login delivered over HTTPS: runs on every shipped portal. */
    private static OnlineService.Builder sperrmuell() {
        return OnlineService.builder("sperrmuell", "1.0.0")
                .leikaKey(LeikaKey.parse("99031004000000"))
                .title(LocalizedText.of("Sperrmüllabholung"))
                .form(xdf2)
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS));
    }

    private static List<String> codes(List<CompatibilityItem> items) {
        return items.stream().map(i -> i.code().code() + " " + i.concerns()).toList();
    }

    @Test
    void theExamplePackageRunsFullyOnTheCentralPortal() throws URISyntaxException {
        CompatibilityReport report = CompatibilityCheck.check(ServicePackage.load(examplePackage()).service(),
                PortalProfile.central());

        assertThat(report.runsOnPortal()).isTrue();
        assertThat(report.runsFully()).isTrue();
        assertThat(report.service()).isEqualTo("anwohnerparkausweis 1.0.0");
        report.requireRunnable();
    }

    @Test
    void theExamplePackageIsBlockedOnTheLegacyPortalByItsFormAndListsWhatWouldDegrade()
            throws URISyntaxException {
        CompatibilityReport report = CompatibilityCheck.check(ServicePackage.load(examplePackage()).service(),
                PortalProfile.legacy());

        assertThat(report.runsOnPortal()).isFalse();
        assertThat(codes(report.blockers())).containsExactly("OZG-PORTAL-213 form");
        assertThat(report.blockers().get(0).message(Locale.ENGLISH))
                .isEqualTo("The form of the service anwohnerparkausweis 1.0.0 is XDatenfelder 3.0.0, the portal legacy"
                        + " can import only 2.0. Update the portal's runtime or deliver the form in a supported"
                        + " version.");
        assertThat(codes(report.degradations())).containsExactly(
                "OZG-PORTAL-234 backOffice.channels",
                "OZG-PORTAL-230 notifications",
                "OZG-PORTAL-231 languages",
                "OZG-PORTAL-232 prefill/G99100000001.F99100000003");
        assertThat(report.degradations().get(1).message(Locale.GERMAN))
                .contains("kein Postfach").contains("nur als Download");
    }

    @Test
    void aSimpleXdf2ServiceRunsOnTheLegacyPortal() {
        CompatibilityReport report = CompatibilityCheck.check(sperrmuell().build(), PortalProfile.legacy());

        assertThat(report.runsOnPortal()).isTrue();
        assertThat(codes(report.degradations())).containsExactly("OZG-PORTAL-230 notifications");
    }

    @Test
    void aTrustLevelAboveThePortalsLoginsBlocks() {
        CompatibilityReport report = CompatibilityCheck.check(sperrmuell().trustLevel(TrustLevel.HIGH).build(),
                PortalProfile.legacy());

        assertThat(codes(report.blockers())).containsExactly("OZG-PORTAL-210 trustLevel");
        assertThat(report.blockers().get(0).message(Locale.ENGLISH))
                .startsWith("The service sperrmuell 1.0.0 needs trust level HIGH, the portal legacy offers at most "
                        + "SUBSTANTIAL.");
        PortalProfile noLogin = PortalProfile.builder("kiosk").xdfVersion(XdfVersion.XDF2)
                .channel(ChannelKind.HTTPS).build();
        assertThat(CompatibilityCheck.check(sperrmuell().trustLevel(TrustLevel.LOW).build(), noLogin).blockers())
                .extracting(CompatibilityItem::code).containsExactly(PortalError.COMPAT_TRUST_LEVEL);
    }

    @Test
    void loginsThatDoNotReachTheTrustLevelAreADegradation() {
        CompatibilityReport report = CompatibilityCheck.check(sperrmuell().trustLevel(TrustLevel.HIGH).build(),
                PortalProfile.central());

        assertThat(report.runsOnPortal()).isTrue();
        assertThat(report.degradations()).extracting(CompatibilityItem::code)
                .containsExactly(PortalError.COMPAT_WEAK_LOGINS);
        assertThat(report.degradations().get(0).message(Locale.ENGLISH)).contains("Servicekonto (OIDC)");
    }

    @Test
    void aFeeWithoutPaymentProviderBlocksButAFixedZeroFeeDoesNot() {
        PortalProfile noPayment = PortalProfile.builder("no-payment").xdfVersion(XdfVersion.XDF2)
                .channel(ChannelKind.HTTPS).postbox(PostboxKind.PORTAL).build();

        assertThat(codes(CompatibilityCheck.check(sperrmuell().fee(FeeRule.fixed(Money.parse("20.00"))).build(),
                noPayment).blockers())).containsExactly("OZG-PORTAL-211 fee");
        assertThat(CompatibilityCheck.check(sperrmuell().fee(FeeRule.fixed(Money.ZERO)).build(), noPayment)
                .runsFully()).isTrue();
    }

    @Test
    void noCommonChannelBlocksAndAMissingOneDegrades() {
        OnlineService fitConnectOnly = sperrmuell().backOffice(BackOfficeTarget.applicationMessage(
                ChannelKind.FIT_CONNECT)).build();
        OnlineService either = sperrmuell().backOffice(BackOfficeTarget.applicationMessage(ChannelKind.FIT_CONNECT,
                ChannelKind.FILE_DROP)).build();

        CompatibilityReport blocked = CompatibilityCheck.check(fitConnectOnly, PortalProfile.legacy());
        assertThat(codes(blocked.blockers())).containsExactly("OZG-PORTAL-212 backOffice.channels");
        assertThat(blocked.blockers().get(0).message(Locale.ENGLISH))
                .contains("only over FIT_CONNECT, the portal legacy offers FILE_DROP, HTTPS");
        assertThat(codes(CompatibilityCheck.check(either, PortalProfile.legacy()).degradations()))
                .contains("OZG-PORTAL-234 backOffice.channels");
    }

    @Test
    void aHigherMinimumApiLevelThanThePortalsBlocks() {
        PortalProfile old = PortalProfile.builder("old").apiLevel(1).xdfVersion(XdfVersion.XDF2)
                .channel(ChannelKind.HTTPS).build();

        assertThat(codes(CompatibilityCheck.check(sperrmuell().minApiLevel(2).build(), old).blockers()))
                .containsExactly("OZG-PORTAL-214 minApiLevel");
    }

    @Test
    void aPortalWithoutGermanBlocksAndMissingLanguagesDegrade() {
        PortalProfile english = PortalProfile.builder("english").languages(List.of(Locale.ENGLISH))
                .xdfVersion(XdfVersion.XDF2).channel(ChannelKind.HTTPS).build();
        OnlineService turkish = sperrmuell().language(Locale.forLanguageTag("tr")).build();

        assertThat(codes(CompatibilityCheck.check(turkish, english).blockers()))
                .containsExactly("OZG-PORTAL-215 languages");
        CompatibilityReport onCentral = CompatibilityCheck.check(turkish, PortalProfile.central());
        assertThat(codes(onCentral.degradations())).containsExactly("OZG-PORTAL-231 languages");
        assertThat(onCentral.degradations().get(0).message(Locale.ENGLISH)).contains("language(s) tr");
    }

    @Test
    void prefillFromAnAttributeNoSufficientLoginDeliversDegrades() {
        OnlineService service = sperrmuell().trustLevel(TrustLevel.SUBSTANTIAL)
                .prefill(PrefillRule.of("G99200001.F99200001", PersonAttribute.SURNAME))
                .prefill(PrefillRule.of("G99200001.F99200002", PersonAttribute.POSTAL_ADDRESS))
                .build();
        PortalProfile profile = PortalProfile.builder("split").xdfVersion(XdfVersion.XDF2).channel(ChannelKind.HTTPS)
                .postbox(PostboxKind.ZBP)
                .loginProvider(new LoginProvider("Weak", LoginProvider.Protocol.OIDC, TrustLevel.LOW,
                        java.util.EnumSet.allOf(PersonAttribute.class)))
                .loginProvider(new LoginProvider("Strong", LoginProvider.Protocol.SAML, TrustLevel.HIGH,
                        java.util.EnumSet.of(PersonAttribute.SURNAME)))
                .build();

        CompatibilityReport report = CompatibilityCheck.check(service, profile);

        assertThat(codes(report.degradations())).containsExactly("OZG-PORTAL-233 trustLevel",
                "OZG-PORTAL-232 prefill/G99200001.F99200002");
        assertThat(report.degradations().get(1).message(Locale.GERMAN))
                .isEqualTo("Kein Servicekonto des Portals split liefert das Attribut POSTAL_ADDRESS: das Feld "
                        + "G99200001.F99200002 wird nicht vorbelegt und muss eingegeben werden.");
    }

    @Test
    void requireRunnableThrowsWithEveryBlockerForTheRuntime() {
        OnlineService service = sperrmuell().trustLevel(TrustLevel.HIGH).form(xdf3)
                .step(LocalizedText.of("Alles"), "G99100000001", "G99100000002", "G99100000003").build();
        CompatibilityReport report = CompatibilityCheck.check(service, PortalProfile.legacy());

        assertThatThrownBy(report::requireRunnable).isInstanceOf(CompatibilityException.class)
                .hasMessageContaining("OZG-PORTAL-240")
                .hasMessageContaining("OZG-PORTAL-210 trustLevel, OZG-PORTAL-213 form")
                .satisfies(e -> assertThat(((CompatibilityException) e).report()).isSameAs(report));
    }
}
