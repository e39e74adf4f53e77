package de.ozgsdk.auth;

import de.ozgsdk.core.ErrorCode;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.TrustLevel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link AuthProvider#complete(Callback)}: {@link Authenticated} with the {@link Citizen}, or one of the
 * {@link Failure}s, each with a stable error code and a message that is safe to show.
 */
public sealed interface LoginOutcome permits LoginOutcome.Authenticated, LoginOutcome.Failure {

    /** The relay state the login was started with, if any (it is not trusted: it came through the browser). */
    Optional<String> relayState();

    /** The logged-in citizen, if the login succeeded. */
    default Optional<Citizen> citizen() {
        return this instanceof Authenticated authenticated ? Optional.of(authenticated.user()) : Optional.empty();
    }

    /**
     * A successful login: every check passed.
     *
     * @param user       the citizen as the identity provider asserted them
     * @param relayState the relay state that came back
     */
    record Authenticated(Citizen user, Optional<String> relayState) implements LoginOutcome {

        public Authenticated {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(relayState, "relayState");
        }
    }

    /** A login that did not succeed; {@link #code()} says why. */
    sealed interface Failure extends LoginOutcome
            permits Cancelled, LevelTooLow, AttributesMissing, InvalidResponse {

        /** The stable error code, e.g. {@code OZG-AUTH-161} for a cancelled login. */
        ErrorCode code();

        /** A message for the citizen in German or English, without technical detail. */
        String userMessage(Locale locale);
    }

    /**
     * The citizen cancelled the login at the identity provider (or the IdP reported the equivalent status).
     *
     * @param relayState the relay state that came back
     */
    record Cancelled(Optional<String> relayState) implements Failure {

        public Cancelled {
            Objects.requireNonNull(relayState, "relayState");
        }

        @Override
        public ErrorCode code() {
            return AuthError.LOGIN_CANCELLED;
        }

        @Override
        public String userMessage(Locale locale) {
            return Messages.format(code(), locale);
        }
    }

    /**
     * The login reached a lower trust level than the service requires, e.g. user name and password where the
     * online ID card is needed.
     *
     * @param required   the level the login was started with
     * @param actual     the level the identity provider asserted
     * @param relayState the relay state that came back
     */
    record LevelTooLow(TrustLevel required, TrustLevel actual, Optional<String> relayState) implements Failure {

        public LevelTooLow {
            Objects.requireNonNull(required, "required");
            Objects.requireNonNull(actual, "actual");
            Objects.requireNonNull(relayState, "relayState");
        }

        @Override
        public ErrorCode code() {
            return AuthError.TRUST_LEVEL_TOO_LOW;
        }

        @Override
        public String userMessage(Locale locale) {
            return Messages.format(code(), locale, required, actual);
        }
    }

    /**
     * Attributes the service requires were not delivered (the account does not hold them, a temporary login has no
     * bPK2 or postbox, or the IdP reported {@code IDP_REQUIRED_ATTRIBUTES_MISSING}).
     *
     * @param attributeNames the wire names of the missing attributes, empty if the IdP did not name them
     * @param relayState     the relay state that came back
     */
    record AttributesMissing(List<String> attributeNames, Optional<String> relayState) implements Failure {

        public AttributesMissing {
            attributeNames = List.copyOf(attributeNames);
            Objects.requireNonNull(relayState, "relayState");
        }

        @Override
        public ErrorCode code() {
            return AuthError.REQUIRED_ATTRIBUTES_MISSING;
        }

        @Override
        public String userMessage(Locale locale) {
            return Messages.format(code(), locale, String.join(", ", attributeNames));
        }
    }

    /**
     * The answer failed a check (signature, validity window, audience, replay, ...) or the identity provider reported
     * an error; {@link #error()} carries the code and the technical message for the log. The relay state is never
     * returned from a refused answer.
     *
     * @param error the refused check
     */
    record InvalidResponse(OzgException error) implements Failure {

        public InvalidResponse {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public Optional<String> relayState() {
            return Optional.empty();
        }

        @Override
        public ErrorCode code() {
            return error.code();
        }

        @Override
        public String userMessage(Locale locale) {
            return error.userMessage(locale);
        }
    }
}
