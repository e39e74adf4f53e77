package de.ozgsdk.payment.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentOrder;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The code samples of the payment Javadoc and PAYMENT.md: each region is copied verbatim into the docs (checked by
 * DocSnippetsTest in the examples module), and the assertions after it prove what the sample claims.
 */
class PaymentSnippetsTest {

    private final String draftId = UUID.randomUUID().toString();

    @Test
    void bookingLineWithObjektnummerAndQuantity() {
        // @start region="booking-line"
        BookingLine fee = BookingLine.of("Anwohnerparkausweis", "1.1200.431000", Money.parse("30.60"))
                .withObjektnummer("4711")
                .withQuantity(2);
        // @end
        assertThat(fee.total()).isEqualTo(Money.parse("61.20"));
        assertThat(fee.objektnummer()).contains("4711");
    }

    @Test
    void orderIsCheckedAndNamesItsRequestId() {
        // @start region="payment-order"
        PaymentOrder order = PaymentOrder.builder()
                .tenant(TenantId.parse("051110000000"))
                .applicationId(draftId)
                .purpose("Anwohnerparken 2026")
                .line(BookingLine.of("Anwohnerparkausweis", "1.1200.431000", Money.parse("30.60")))
                .returnUrl(URI.create("https://service.example.de/parken/bezahlt"))
                .build();
        // @end
        assertThat(order.total()).isEqualTo(Money.parse("30.60"));
        assertThat(order.requestId()).matches("[0-9a-f]{32}-1");
    }
}
