package de.ozgsdk.portal.tenant;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.ChannelKind;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one municipality's back office receives the applications of one service: the channel kind and the outbox
 * destination name, which the portal's {@code ChannelRouter} maps to a configured channel (a FIT-Connect destination,
 * an HTTPS intake, a drop directory).
 *
 * @param channel     the channel kind; the service must accept it
 * @param destination the outbox destination name, 1 to 200 characters of A-Z, a-z, 0-9, . _ : / -
 */
public record BackOfficeDestination(ChannelKind channel, String destination) {

    private static final Pattern DESTINATION = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

    /** Checks the destination name. */
    public BackOfficeDestination {
        Objects.requireNonNull(channel, "channel");
        if (destination == null || !DESTINATION.matcher(destination).matches()) {
            throw new InvalidInputException(PortalError.TENANT_DEFINITION_INVALID, "(back-office destination)",
                    "the destination \"" + destination + "\" is not 1 to 200 characters of A-Z, a-z, 0-9, . _ : / -");
        }
    }
}
