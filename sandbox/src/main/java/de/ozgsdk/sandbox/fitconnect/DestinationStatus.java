package de.ozgsdk.sandbox.fitconnect;

import java.util.Locale;

/** The {@code status} of a FIT-Connect destination ({@code PublicDestination.status}); only active ones accept. */
public enum DestinationStatus {
    /** Set up, not yet receiving. */
    CREATED,
    /** Receiving submissions. */
    ACTIVE,
    /** Temporarily not receiving. */
    INACTIVE,
    /** Shut down for good. */
    DECOMMISSIONED;

    /** The value on the wire, e.g. {@code active}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
