package de.ozgsdk.portal.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.portal.runtime.ReceiptRenderer.RenderedReceipt;
import de.ozgsdk.portal.runtime.SubmissionReceipt;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.PortalTenant;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReceiptRendererTest {

    private static final UUID SUBMISSION = UUID.fromString("5b0f2d4e-8a1c-4f3e-9d2b-7c6a5e4f3d21");

    private final OnlineService service;
    private final PortalTenant tenant = PortalTenant.builder(
            Tenant.of(RegionalKey.parse("053150000000"), LocalizedText.of("Stadt Köln"))).build();

    PdfReceiptRendererTest() throws Exception {
        Path form = Path.of(getClass().getResource("/de/ozgsdk/portal/parkausweis-xdf3.xml").toURI());
        service = OnlineService.builder("anwohnerparkausweis", "1.0.0")
                .leikaKey(LeikaKey.parse("99050012104000"))
                .title(LocalizedText.builder("Anwohnerparkausweis beantragen")
                        .put(Locale.ENGLISH, "Residents' parking permit").build())
                .form(FimForm.load(form))
                .step(LocalizedText.builder("Antragstellerin oder Antragsteller").put(Locale.ENGLISH, "Applicant")
                        .build(), "G99100000001", "G99100000002")
                .step(LocalizedText.of("Fahrzeuge"), "G99100000003")
                .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.HTTPS))
                .build();
    }

    private static SubmissionReceipt receipt(Locale locale, boolean paid) {
        FormData data = FormData.builder()
                .group("G99100000001", FormData.builder().value("F99100000001", "Jürgen")
                        .value("F99100000002", "Weiß").value("F99100000003", "1980-02-29").build())
                .group("G99100000002", FormData.builder().value("F99100000004", "Domkloster 4")
                        .value("F99100000005", "50667").value("F99100000006", "Köln").build())
                .group("G99100000003", FormData.builder().value("F99100000007", "K-AB 123")
                        .value("F99100000008", "pkw").build())
                .group("G99100000003", FormData.builder().value("F99100000007", "K-XY 9")
                        .value("F99100000008", "krad").build())
                .build();
        return new SubmissionReceipt(SUBMISSION, UUID.randomUUID(), TenantId.of(RegionalKey.parse("053150000000")),
                "Stadt Köln", "anwohnerparkausweis", "1.0.0", "Anwohnerparkausweis beantragen", locale,
                Instant.parse("2026-12-07T10:15:30Z"), Instant.parse("2026-12-07T10:15:31Z"), new byte[] {1, 2},
                new byte[32], paid ? Optional.of(Money.parse("61.20")) : Optional.empty(),
                paid ? Optional.of("KZ-2026-000123") : Optional.empty(), "Ihr Antrag ist eingegangen.", data,
                Optional.empty());
    }

    @Test
    void theReceiptShowsEveryAnswerUnderItsStepWithSelectionNamesAndThePayment() throws Exception {
        RenderedReceipt rendered = new PdfReceiptRenderer("Test-TSA", "ePayBL")
                .render(receipt(Locale.GERMAN, true), service, tenant);

        assertThat(rendered.fileName()).isEqualTo("eingangsbestaetigung.pdf");
        assertThat(rendered.mediaType()).isEqualTo("application/pdf");
        String text = text(rendered.content());
        assertThat(text).contains("Antragstellerin oder Antragsteller", "Fahrzeuge", "Jürgen", "Weiß", "Domkloster 4",
                "K-AB 123", "K-XY 9", "Personenkraftwagen", "Kraftrad", SUBMISSION.toString(), "KZ-2026-000123",
                "Stadt Köln", "Fahrzeug 1", "Fahrzeug 2");
        assertThat(VeraPdf.pdfA2bFailures(rendered.content())).isEmpty();
    }

    @Test
    void anEnglishReceiptWithoutFeeHasEnglishStepTitlesAndNoPayment() throws Exception {
        RenderedReceipt rendered = new PdfReceiptRenderer("Test-TSA", "ePayBL")
                .render(receipt(Locale.ENGLISH, false), service, tenant);

        assertThat(rendered.fileName()).isEqualTo("receipt.pdf");
        String text = text(rendered.content());
        assertThat(text).contains("Applicant", "Residents' parking permit").doesNotContain("KZ-2026", "ePayBL");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
