package de.ozgsdk.portal.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.FeeRule;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.service.PrefillRule;
import de.ozgsdk.portal.tenant.BackOfficeDestination;
import de.ozgsdk.portal.tenant.PaymentAccount;
import de.ozgsdk.portal.tenant.PortalTenant;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The code samples of the portal module's Javadoc and PORTAL.md, run as tests. */
class PortalSnippetsTest {

    static Path parkausweisForm() {
        try {
            return Path.of(PortalSnippetsTest.class.getResource("/de/ozgsdk/portal/parkausweis-xdf3.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aServiceIsDefinedInJava() {
        Path fimFile = parkausweisForm();
        // @start region="online-service"
        OnlineService service = OnlineService.builder("anwohnerparkausweis", "1.0.0")
                .leikaKey(LeikaKey.parse("99050012104000"))
                .title(LocalizedText.builder("Anwohnerparkausweis beantragen")
                        .put(Locale.ENGLISH, "Apply for a residents' parking permit").build())
                .form(FimForm.load(fimFile))
                .step(LocalizedText.of("Antragsteller"), "G99100000001", "G99100000002")
                .step(LocalizedText.of("Fahrzeug"), "G99100000003")
                .trustLevel(TrustLevel.SUBSTANTIAL)
                .fee(FeeRule.perInstance("G99100000003", Money.ZERO, Money.parse("30.60")))
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.FIT_CONNECT))
                .prefill(PrefillRule.of("G99100000001.F99100000002", PersonAttribute.SURNAME))
                .build();
        // @end

        assertThat(service.steps().size()).isEqualTo(2);
        FormData twoVehicles = FormData.builder()
                .group("G99100000003", FormData.builder().value("F99100000007", "K-AB 123").build())
                .group("G99100000003", FormData.builder().value("F99100000007", "K-CD 4").build())
                .build();
        assertThat(service.fee().orElseThrow().amount(twoVehicles)).isEqualTo(Money.parse("61.20"));
    }

    @Test
    void aTenantIsConfiguredInJava() {
        // @start region="portal-tenant"
        PortalTenant koeln = PortalTenant.builder(
                        Tenant.of(RegionalKey.parse("053150000000"), LocalizedText.of("Stadt Köln")))
                .service("anwohnerparkausweis")
                .language(Locale.ENGLISH)
                .paymentAccount(PaymentAccount.of("1610000000", "1234", "1.1200.431000"))
                .postboxSender("Stadt Köln, Bürgeramt")
                .backOffice("anwohnerparkausweis", new BackOfficeDestination(ChannelKind.FIT_CONNECT, "koeln-parken"))
                .build();
        // @end

        assertThat(koeln.offers("anwohnerparkausweis")).isTrue();
        assertThat(koeln.paymentAccount("anwohnerparkausweis")).isPresent();
        assertThat(koeln.languages()).containsExactly(Locale.GERMAN, Locale.ENGLISH);
    }
}
