package de.ozgsdk.payment.epaybl;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.payment.PaymentError;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a tenant's fees are booked in classic ePayBL: the Mandant (the ePayment client of the authority), the
 * Bewirtschafter under whom the cashier's office watches the payment, and the Kennzeichen Mahnverfahren (dunning key
 * of the cashier's office, F15). All three come from the cashier's office of the tenant.
 *
 * @param mandantNr the {@code mandantNr}, 1 to 20 letters or digits (e.g. {@code 1610000000})
 * @param bewirtschafterNr the {@code bewirtschafterNr}, 1 to 8 letters or digits
 * @param kennzeichenMahnverfahren the {@code kennzeichenMahnverfahren}, 1 to 5 letters or digits (e.g. {@code 01})
 */
public record EpayblMandant(String mandantNr, String bewirtschafterNr, String kennzeichenMahnverfahren) {

    private static final Pattern MANDANT = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern BEWIRTSCHAFTER = Pattern.compile("[A-Za-z0-9]{1,8}");
    private static final Pattern MAHNVERFAHREN = Pattern.compile("[A-Za-z0-9]{1,5}");

    /** Checks the parts against the lengths ePayBL allows. */
    public EpayblMandant {
        check("mandantNr", mandantNr, MANDANT, "1 to 20 letters or digits");
        check("bewirtschafterNr", bewirtschafterNr, BEWIRTSCHAFTER, "1 to 8 letters or digits");
        check("kennzeichenMahnverfahren", kennzeichenMahnverfahren, MAHNVERFAHREN, "1 to 5 letters or digits");
    }

    private static void check(String setting, String value, Pattern pattern, String rule) {
        Objects.requireNonNull(value, setting);
        if (!pattern.matcher(value).matches()) {
            throw new ConfigurationException(PaymentError.EPAYBL_CONFIG_INVALID, setting, "it must have " + rule);
        }
    }
}
