package de.ozgsdk.portal.receipt;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.util.Objects;

/**
 * One answer on a receipt: the label of the field and the value as displayed (formatted date, code list text,
 * "Ja"/"Nein").
 *
 * @param label the field's label
 * @param value the displayed value; empty when the field was left empty
 */
public record ReceiptRow(String label, String value) implements ReceiptItem {

    public ReceiptRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        if (label.isBlank()) {
            throw new InvalidInputException(PortalError.RECEIPT_CONTENT_INVALID, "row label",
                    "it is blank; give the label the citizen saw in the form");
        }
    }
}
