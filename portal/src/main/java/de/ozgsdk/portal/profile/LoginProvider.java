package de.ozgsdk.portal.profile;

import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.portal.PortalError;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A login a portal offers (a Servicekonto connected over SAML or OIDC): the highest trust level it reaches and the
 * person attributes it delivers, which decide whether a service's trust level and prefill work on the portal.
 *
 * @param name          the name shown in reports, e.g. {@code BundID}
 * @param protocol      the protocol
 * @param maxTrustLevel the highest trust level a login reaches (BundID with the online ID card: HIGH)
 * @param attributes    the attributes it delivers
 */
public record LoginProvider(String name, Protocol protocol, TrustLevel maxTrustLevel,
                            Set<PersonAttribute> attributes) {

    /** The protocol of a login. */
    public enum Protocol {
        /** SAML 2.0 (BundID, interoperable Servicekonten). */
        SAML,
        /** OpenID Connect. */
        OIDC
    }

    /** Checks that every part is present and the name is not blank. */
    public LoginProvider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(maxTrustLevel, "maxTrustLevel");
        Objects.requireNonNull(attributes, "attributes");
        if (name.isBlank()) {
            throw new InvalidInputException(PortalError.PROFILE_INVALID, "(login provider)", "its name is blank");
        }
        attributes = attributes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attributes));
    }
}
