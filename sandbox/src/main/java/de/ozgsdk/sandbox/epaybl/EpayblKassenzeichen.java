package de.ozgsdk.sandbox.epaybl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kassenzeichen as the ePayBL mock holds it, for a test's assertions: who created it under which transaction
 * number, the amount and booking texts, and whether it was paid on the Paypage.
 *
 * @param kassenzeichen the Kassenzeichen the mock issued
 * @param mandantNr the Mandant it belongs to
 * @param eShopKundenNr the (pseudo) customer it was created for
 * @param eShopTransaktionsNr the {@code EShopTransaktionsNr} of the {@code buchungsListe}, if the client sent one
 * @param betrag the amount of the {@code buchungsListe}
 * @param buchungstexte the {@code buchungstext} of each {@code buchung}
 * @param bezahlt whether the citizen paid on the Paypage
 * @param zahlverfahren the payment method chosen on the Paypage, once paid
 */
public record EpayblKassenzeichen(String kassenzeichen, String mandantNr, String eShopKundenNr,
        Optional<String> eShopTransaktionsNr, BigDecimal betrag, List<String> buchungstexte, boolean bezahlt,
        Optional<String> zahlverfahren) {

    /** Checks that no part is missing and copies the list. */
    public EpayblKassenzeichen {
        Objects.requireNonNull(kassenzeichen, "kassenzeichen");
        Objects.requireNonNull(mandantNr, "mandantNr");
        Objects.requireNonNull(eShopKundenNr, "eShopKundenNr");
        Objects.requireNonNull(eShopTransaktionsNr, "eShopTransaktionsNr");
        Objects.requireNonNull(betrag, "betrag");
        buchungstexte = List.copyOf(buchungstexte);
        Objects.requireNonNull(zahlverfahren, "zahlverfahren");
    }
}
