package de.ozgsdk.portal.service;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the finished application of a service goes: the XÖV message type the back office (Fachverfahren) expects
 * and the kinds of channel it can receive it over. The concrete destination (FIT-Connect destination id, URL,
 * directory) belongs to the tenant, because every municipality runs its own back office.
 *
 * @param messageType the XÖV message type, e.g. {@code antrag.einreichung.0001}
 * @param channels    the channel kinds the back office accepts, at least one; a portal must offer one of them
 */
public record BackOfficeTarget(String messageType, Set<ChannelKind> channels) {

    /** The message type of the SDK's own application message ({@code ozg-antrag-1.0.xsd}). */
    public static final String APPLICATION_MESSAGE = "antrag.einreichung.0001";

    private static final Pattern MESSAGE_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    /** Checks the message type and that there is at least one channel kind. */
    public BackOfficeTarget {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(channels, "channels");
        if (!MESSAGE_TYPE.matcher(messageType).matches()) {
            throw new InvalidInputException(PortalError.SERVICE_DEFINITION_INVALID, "(back-office target)",
                    "the message type \"" + messageType + "\" is not 1 to 200 letters, digits, . _ : -");
        }
        if (channels.isEmpty()) {
            throw new InvalidInputException(PortalError.SERVICE_DEFINITION_INVALID, "(back-office target)",
                    "no channel kind is given (FIT_CONNECT, HTTPS, FILE_DROP)");
        }
        channels = Set.copyOf(EnumSet.copyOf(channels));
    }

    /** The SDK's application message over any of the given channel kinds. */
    public static BackOfficeTarget applicationMessage(ChannelKind first, ChannelKind... more) {
        return new BackOfficeTarget(APPLICATION_MESSAGE, EnumSet.of(first, more));
    }
}
