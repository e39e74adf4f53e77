package de.ozgsdk.portal.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.Branding;
import de.ozgsdk.portal.tenant.PortalTenant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReceiptContentTest {

    private static OnlineService service;

    @BeforeAll
    static void loadService() throws Exception {
        service = OnlineService.builder("parken", "1.0.0")
                .leikaKey(LeikaKey.parse("99050012104000"))
                .title(LocalizedText.builder("Anwohnerparkausweis beantragen")
                        .put(Locale.ENGLISH, "Apply for a residents' parking permit").build())
                .form(FimForm.load(Path.of(ReceiptContentTest.class
                        .getResource("/de/ozgsdk/portal/parkausweis-xdf3.xml").toURI())))
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS))
                .build();
    }

    @Test
    void takesTitleMunicipalityLogoAndColourFromServiceAndTenantInTheCitizensLanguage() throws Exception {
        byte[] png = ReceiptFixtures.logoWithAlpha();
        PortalTenant tenant = tenant(new Branding(Optional.of(new Branding.Logo(png, "image/png",
                LocalizedText.of("Wappen der Stadt Köln"))), "#C8102E", "#000000"));

        ReceiptContent content = ReceiptContent.builder(service, tenant, "P-1", ReceiptFixtures.SUBMITTED,
                Locale.ENGLISH).build();

        assertThat(content.serviceTitle()).isEqualTo("Apply for a residents' parking permit");
        assertThat(content.municipalityName()).isEqualTo("City of Cologne");
        assertThat(content.regionalKey()).isEqualTo(RegionalKey.parse("053150000000"));
        assertThat(content.logoPng()).hasValueSatisfying(logo -> assertThat(logo).isEqualTo(png));
        assertThat(content.brandColour()).contains("#C8102E");
        assertThat(content.locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void leavesAnSvgLogoOutBecausePdfACannotShowIt() {
        PortalTenant tenant = tenant(new Branding(Optional.of(new Branding.Logo(
                "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml",
                LocalizedText.of("Wappen"))), "#1F4E79", "#2E7D32"));

        ReceiptContent content = ReceiptContent.builder(service, tenant, "P-1", ReceiptFixtures.SUBMITTED,
                Locale.GERMAN).build();

        assertThat(content.logoPng()).isEmpty();
        assertThat(content.municipalityName()).isEqualTo("Stadt Köln");
    }

    @Test
    void blankTextsAreRefusedWithTheReceiptCodeAndThePartNamed() {
        assertThatThrownBy(() -> ReceiptSection.builder("Angaben").row(" ", "x"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code())
                        .isEqualTo(PortalError.RECEIPT_CONTENT_INVALID))
                .hasMessageContaining("row label");
        assertThatThrownBy(() -> new ReceiptPayment(de.ozgsdk.core.Money.parse("1"), "", "ePayBL"))
                .hasMessageContaining("OZG-PORTAL-400").hasMessageContaining("Kassenzeichen");
        assertThatThrownBy(() -> ReceiptContent.builder("Dienst", "Stadt Köln", RegionalKey.parse("053150000000"),
                " ", ReceiptFixtures.SUBMITTED)).hasMessageContaining("submissionId");
    }

    private static PortalTenant tenant(Branding branding) {
        return PortalTenant.builder(Tenant.of(RegionalKey.parse("053150000000"),
                        LocalizedText.builder("Stadt Köln").put(Locale.ENGLISH, "City of Cologne").build()))
                .branding(branding)
                .build();
    }
}
