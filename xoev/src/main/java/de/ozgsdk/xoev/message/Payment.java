package de.ozgsdk.xoev.message;

import de.ozgsdk.xoev.internal.message.Tokens;
import de.ozgsdk.xoev.internal.serial.Arguments;
import de.ozgsdk.xoev.types.Code;

/**
 * The payment of the fee of an application ({@code <zahlung>}): the Kassenzeichen the cashier's office assigned and
 * the state of the payment as a code, e.g. {@code BEZAHLT} of {@code urn:ozgsdk:codeliste:zahlungsstatus}.
 *
 * @param kassenzeichen payment reference; 1 to 200 characters, no leading, trailing or double spaces, no line breaks
 * @param status        state of the payment
 */
public record Payment(String kassenzeichen, Code status) {

    /**
     * Checks both parts.
     *
     * @throws de.ozgsdk.core.InvalidInputException {@code OZG-XOEV-111} or {@code 113} naming the part
     */
    public Payment {
        Tokens.check("kassenzeichen", "Payment", kassenzeichen);
        Arguments.present(status, "status", "Payment");
    }
}
