package de.ozgsdk.portal.tenant;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a municipality's cashier's office (Kasse) books the fees of a service: the ePayBL Mandant and
 * Bewirtschafter, the Haushaltsstelle and, where the Kasse uses one, the Objektnummer.
 *
 * @param mandant         the ePayBL Mandant number, 1 to 20 letters or digits
 * @param bewirtschafter  the Bewirtschafter number, 1 to 8 letters or digits
 * @param haushaltsstelle the budget account, 1 to 40 characters
 * @param objektnummer    the cost object, if any
 */
public record PaymentAccount(String mandant, String bewirtschafter, String haushaltsstelle,
        Optional<String> objektnummer) {

    private static final Pattern MANDANT = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern BEWIRTSCHAFTER = Pattern.compile("[A-Za-z0-9]{1,8}");
    private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N} ./_:-]{1,40}");

    /** Checks every part. */
    public PaymentAccount {
        Objects.requireNonNull(objektnummer, "objektnummer");
        check(mandant, MANDANT, "the ePayBL Mandant is not 1 to 20 letters or digits");
        check(bewirtschafter, BEWIRTSCHAFTER, "the Bewirtschafter is not 1 to 8 letters or digits");
        check(haushaltsstelle, TEXT, "the Haushaltsstelle is not 1 to 40 letters, digits, spaces or . / _ : -");
        objektnummer.ifPresent(o -> check(o, TEXT, "the Objektnummer is not 1 to 40 letters, digits or . / _ : -"));
    }

    /** An account without Objektnummer. */
    public static PaymentAccount of(String mandant, String bewirtschafter, String haushaltsstelle) {
        return new PaymentAccount(mandant, bewirtschafter, haushaltsstelle, Optional.empty());
    }

    private static void check(String value, Pattern pattern, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidInputException(PortalError.TENANT_DEFINITION_INVALID, "(payment account)", what);
        }
    }
}
