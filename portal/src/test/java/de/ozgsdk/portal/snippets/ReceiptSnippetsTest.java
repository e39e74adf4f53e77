package de.ozgsdk.portal.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.portal.receipt.ReceiptContent;
import de.ozgsdk.portal.receipt.ReceiptPayment;
import de.ozgsdk.portal.receipt.ReceiptPdf;
import de.ozgsdk.portal.receipt.ReceiptSection;
import de.ozgsdk.portal.receipt.ReceiptTimestamp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The receipt samples of the Javadoc and of PORTAL.md, compiled and run. */
class ReceiptSnippetsTest {

    @Test
    void receipt() {
        // @start region="receipt"
        ReceiptContent content = ReceiptContent.builder("Anmeldung eines Hundes", "Stadt Köln",
                        RegionalKey.parse("053150000000"), "A-2026-000123", Instant.parse("2026-03-02T09:15:00Z"))
                .timestamp(new ReceiptTimestamp(Instant.parse("2026-03-02T09:15:01Z"), "Sandbox TSA"))
                .payment(new ReceiptPayment(Money.parse("12,50"), "5315.0001.2345", "ePayBL"))
                .section(ReceiptSection.builder("Halterin oder Halter")
                        .row("Familienname", "Müller-Lüdenscheidt")
                        .row("Straße", "Weißdornweg 7")
                        .build())
                .build();
        byte[] pdf = new ReceiptPdf().toBytes(content);
        // @end

        assertThat(new String(pdf, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7");
    }
}
