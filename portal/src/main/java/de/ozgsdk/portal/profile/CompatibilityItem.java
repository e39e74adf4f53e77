package de.ozgsdk.portal.profile;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One finding of the compatibility check: a blocker (the service cannot run on the portal) or a degradation (it runs,
 * but something works differently), with a stable code ({@code OZG-PORTAL-2xx}) and the part of the service it
 * concerns.
 *
 * @param code      the stable code, e.g. {@link PortalError#COMPAT_TRUST_LEVEL}
 * @param concerns  the part of the service, as the descriptor names it: {@code trustLevel}, {@code fee},
 *                  {@code backOffice.channels}, {@code form}, {@code minApiLevel}, {@code languages},
 *                  {@code notifications}, {@code prefill/G60000086.F60000227}
 * @param arguments the message arguments (ids, levels, names; never personal data)
 */
public record CompatibilityItem(PortalError code, String concerns, List<String> arguments) {

    /** Checks that every part is present. */
    public CompatibilityItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(concerns, "concerns");
        arguments = List.copyOf(arguments);
    }

    /** What it means and what to do, in German or English (other languages get German). */
    public String message(Locale locale) {
        return new InvalidInputException(code, arguments.toArray()).userMessage(locale);
    }

    /** Code, part and English message. */
    @Override
    public String toString() {
        return code.code() + " " + concerns + ": " + message(Locale.ENGLISH);
    }
}
