package de.ozgsdk.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.Money;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.payment.BookingLine;
import de.ozgsdk.payment.PaymentOrder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class XbdWireTest {

    private static final PaymentOrder ORDER = PaymentOrder.builder()
            .tenant(TenantId.parse("051110000000"))
            .applicationId("antrag-4711")
            .purpose("Anwohnerparken 2026")
            .line(BookingLine.of("Kopie", "1.1200.431000", Money.parse("0.10")).withQuantity(3)
                    .withObjektnummer("4711"))
            .returnUrl(URI.create("https://service.example.de/bezahlt"))
            .build();

    @Test
    void amountsAreWrittenExactlyWithTwoDecimals() {
        String json = new String(XbdWire.paymentRequest(ORDER, Instant.parse("2026-12-07T10:00:00Z")),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"grosAmount\":0.30", "\"totalNetAmount\":0.30", "\"singleNetAmount\":0.10",
                "\"quantity\":3", "\"currency\":\"EUR\"", "\"requestTimestamp\":\"2026-12-07T10:00:00Z\"",
                "\"Haushaltsstelle\":\"1.1200.431000\"", "\"Objektnummer\":\"4711\"");
        assertThat(json).doesNotContain("0.30000000000000004");
    }

    @Test
    void readsAmountOfTheAnswerWithoutRounding() {
        byte[] answer = ("{\"paymentRequest\":{\"requestId\":\"r-1\",\"grosAmount\":999999.99},"
                + "\"paymentInformation\":{\"transactionId\":\"t-1\",\"status\":\"PAYED\","
                + "\"transactionReference\":\"KZ1\",\"paymentMethod\":\"GIROPAY\"}}").getBytes(StandardCharsets.UTF_8);
        XbdWire.Transaction transaction = XbdWire.transaction(answer);
        assertThat(transaction.grosAmount().toPlainString()).isEqualTo("999999.99");
        assertThat(transaction.status()).isEqualTo(XbdWire.Status.PAYED);
    }

    @Test
    void refusesUnknownStatus() {
        byte[] answer = ("{\"paymentRequest\":{\"requestId\":\"r-1\",\"grosAmount\":1},"
                + "\"paymentInformation\":{\"transactionId\":\"t-1\",\"status\":\"PAID\"}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> XbdWire.transaction(answer)).hasMessageContaining("unknown status PAID");
    }

    @Test
    void problemWithoutJsonIsUnspecified() {
        XbdWire.Problem problem = XbdWire.problem("<html>".getBytes(StandardCharsets.UTF_8), 502);
        assertThat(problem.code()).isEqualTo("UNSPECIFIED");
        assertThat(problem.transactionId()).isEmpty();
    }
}
