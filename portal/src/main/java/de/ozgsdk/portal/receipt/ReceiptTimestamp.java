package de.ozgsdk.portal.receipt;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.time.Instant;
import java.util.Objects;

/**
 * The RFC 3161 time-stamp of a submission as the receipt shows it: the time the time-stamp authority (TSA) certified,
 * which counts for legal deadlines, and the authority's name.
 *
 * @param time the {@code genTime} of the time-stamp token
 * @param authority the name of the time-stamp authority, e.g. the subject of its certificate
 */
public record ReceiptTimestamp(Instant time, String authority) {

    public ReceiptTimestamp {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(authority, "authority");
        if (authority.isBlank()) {
            throw new InvalidInputException(PortalError.RECEIPT_CONTENT_INVALID, "time-stamp",
                    "the name of the time-stamp authority is blank");
        }
    }
}
