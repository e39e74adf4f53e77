package de.ozgsdk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.TenantId;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PaymentOrderTest {

    private static final TenantId TENANT = TenantId.parse("051110000000");
    private static final BookingLine FEE = BookingLine.of("Anwohnerparkausweis", "1.1200.431000", Money.parse("30.60"));

    private static PaymentOrder.Builder valid() {
        return PaymentOrder.builder()
                .tenant(TENANT)
                .applicationId("7d0d7a3e-3f6b-4a43-9d1c-2b8d1f0e9a11")
                .purpose("Anwohnerparken 2026")
                .line(FEE)
                .returnUrl(URI.create("https://service.example.de/parken/bezahlt"));
    }

    @Test
    void totalIsTheSumOfTheLinesTimesTheirQuantities() {
        PaymentOrder order = valid().line(BookingLine.of("Zweitausweis", "1.1200.431000", Money.parse("0.10"))
                .withQuantity(3)).build();
        assertThat(order.total()).isEqualTo(Money.parse("30.90"));
    }

    @Test
    void requestIdIsStableForTheSameAttemptAndChangesWithTheNext() {
        PaymentOrder first = valid().build();
        assertThat(valid().build().requestId()).isEqualTo(first.requestId());
        assertThat(first.requestId()).hasSizeLessThanOrEqualTo(36).matches("[0-9a-f]{32}-1");
        assertThat(first.toBuilder().attempt(999).build().requestId()).endsWith("-999").hasSize(36);
    }

    @Test
    void requestIdDiffersBetweenTenantsWithTheSameApplicationId() {
        PaymentOrder other = valid().tenant(TenantId.parse("051130000000")).build();
        assertThat(other.requestId()).isNotEqualTo(valid().build().requestId());
    }

    @Test
    void refusesPurposeLongerThanSepaAllows() {
        assertThatThrownBy(() -> valid().purpose("Gebuehr fuer Anwohnerparken 2026").build())
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo(PaymentError.PURPOSE_INVALID))
                .hasMessageContaining("32 characters, 1 to 27 are allowed");
    }

    @Test
    void refusesUmlautInPurposeAndNamesItsPosition() {
        assertThatThrownBy(() -> valid().purpose("Gebühr Parken").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'ü' at position 4");
    }

    @Test
    void refusesOrderWithoutBookingLine() {
        assertThatThrownBy(() -> valid().lines(Collections.emptyList()).build())
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code())
                        .isEqualTo(PaymentError.BOOKING_LINES_INVALID));
    }

    @Test
    void refusesMoreThanNinetyNineLines() {
        PaymentOrder.Builder builder = valid();
        for (int i = 0; i < 99; i++) {
            builder.line(FEE);
        }
        assertThatThrownBy(builder::build).hasMessageContaining("100 booking lines; 1 to 99 are allowed");
    }

    @Test
    void refusesLineWithoutHaushaltsstelleAndNamesTheLine() {
        assertThatThrownBy(() -> valid().line(BookingLine.of("Gebuehr", " ", Money.parse("1.00"))).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Booking line 2 is invalid: the Haushaltsstelle is empty");
    }

    @Test
    void refusesZeroAmount() {
        assertThatThrownBy(() -> valid().lines(List.of(BookingLine.of("Gebuehr", "1.1", Money.ZERO)))
                .build())
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo(PaymentError.AMOUNT_INVALID));
    }

    @Test
    void refusesTotalAboveTheInterfaceLimit() {
        BookingLine big = BookingLine.of("Gebuehr", "1.1", Money.parse("500000.00"));
        assertThatThrownBy(() -> valid().lines(List.of(big, big)).build())
                .hasMessageContaining("1000000.00 EUR").hasMessageContaining("exceeds 999999.00 EUR");
    }

    @Test
    void refusesPlainHttpReturnUrlExceptOnLoopback() {
        assertThatThrownBy(() -> valid().returnUrl(URI.create("http://service.example.de/bezahlt")).build())
                .hasMessageContaining("only https is allowed");
        assertThat(valid().returnUrl(URI.create("http://localhost:8080/bezahlt")).build().returnUrl().getPort())
                .isEqualTo(8080);
    }

    @Test
    void refusesRelativeReturnUrl() {
        assertThatThrownBy(() -> valid().returnUrl(URI.create("/bezahlt")).build())
                .satisfies(e -> assertThat(((InvalidInputException) e).code())
                        .isEqualTo(PaymentError.RETURN_URL_INVALID));
    }

    @Test
    void errorTellsTheFixInGerman() {
        assertThatThrownBy(() -> valid().purpose("").build())
                .satisfies(e -> assertThat(((InvalidInputException) e).userMessage(Locale.GERMAN))
                        .contains("SEPA-Verwendungszweck"));
    }
}
