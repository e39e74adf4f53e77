package de.ozgsdk.payment;

import de.ozgsdk.core.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * One fee of a payment order as the cashier's office (Kasse) books it: Buchungstext, Haushaltsstelle, optional
 * Objektnummer, quantity and single amount (an XBezahldienste {@code item} with its {@code bookingData}; an ePayBL
 * {@code buchung}). Fees of public authorities carry no VAT, so the amounts are gross and net at once.
 *
 * <pre>{@code
 * BookingLine fee = BookingLine.of("Anwohnerparkausweis", "1.1200.431000", Money.parse("30.60"))
 *         .withObjektnummer("4711")
 *         .withQuantity(2);
 * }</pre>
 *
 * <p>The parts are checked when the order is built ({@link PaymentOrder.Builder#build()}), where the error can name
 * the line's position.
 *
 * @param buchungstext the booking text the cashier's office sees
 * @param haushaltsstelle the budget account (Haushaltsstelle) the fee is booked to
 * @param objektnummer the cost object (Objektnummer), if the cashier's office uses one
 * @param quantity how many times the single amount is due, 1 to 999999
 * @param singleAmount the amount of one unit
 */
public record BookingLine(String buchungstext, String haushaltsstelle, Optional<String> objektnummer, int quantity,
        Money singleAmount) {

    /** Checks that no part is missing; the limits are checked by the order. */
    public BookingLine {
        Objects.requireNonNull(buchungstext, "buchungstext");
        Objects.requireNonNull(haushaltsstelle, "haushaltsstelle");
        Objects.requireNonNull(objektnummer, "objektnummer");
        Objects.requireNonNull(singleAmount, "singleAmount");
    }

    /** One unit of a fee without Objektnummer. */
    public static BookingLine of(String buchungstext, String haushaltsstelle, Money amount) {
        return new BookingLine(buchungstext, haushaltsstelle, Optional.empty(), 1, amount);
    }

    /** This line with the given Objektnummer. */
    public BookingLine withObjektnummer(String number) {
        return new BookingLine(buchungstext, haushaltsstelle, Optional.of(number), quantity, singleAmount);
    }

    /** This line with the given quantity. */
    public BookingLine withQuantity(int units) {
        return new BookingLine(buchungstext, haushaltsstelle, objektnummer, units, singleAmount);
    }

    /** Single amount times quantity. */
    public Money total() {
        return singleAmount.times(quantity);
    }
}
