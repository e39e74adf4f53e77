package de.ozgsdk.portal.findability;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.net.URI;
import java.util.Locale;

/** The check of the link to an online service that markup and export publish: absolute, http(s), with a host. */
final class OnlineServiceLink {

    private OnlineServiceLink() {
    }

    static URI check(URI link, String serviceId) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!link.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || link.getHost() == null) {
            throw new InvalidInputException(PortalError.FINDABILITY_LINK_INVALID, serviceId, link.toString());
        }
        return link;
    }
}
