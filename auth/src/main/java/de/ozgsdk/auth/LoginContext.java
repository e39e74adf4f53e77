package de.ozgsdk.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the portal knows about the login it starts: the citizen's language (shown by the identity provider where it
 * supports it) and an opaque relay state the portal gets back in the {@link Callback}, e.g. the id of the step to
 * continue with. The relay state is sent through the browser: never put personal data or secrets into it.
 *
 * @param locale     the language of the login pages, German if the provider does not offer it
 * @param relayState opaque value returned unchanged with the answer (SAML {@code RelayState}, at most 80 bytes)
 */
public record LoginContext(Locale locale, Optional<String> relayState) {

    public LoginContext {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(relayState, "relayState");
    }

    /** A context in {@code locale} without relay state. */
    public static LoginContext of(Locale locale) {
        return new LoginContext(locale, Optional.empty());
    }

    /** This context with {@code relayState}. */
    public LoginContext withRelayState(String relayState) {
        return new LoginContext(locale, Optional.of(relayState));
    }
}
