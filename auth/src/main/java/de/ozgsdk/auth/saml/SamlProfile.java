package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.core.TrustLevel;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * What differs between Servicekonten that speak SAML 2.0: how a trust level is requested and reported, the request
 * extensions, which attributes are required, and how an assertion becomes a {@link Citizen}. {@link BundIdProfile}
 * for BundID, {@link InteroperableProfile} for Servicekonten of other Länder with eIDAS levels,
 * {@link CompanyAccountProfile} for Mein Unternehmenskonto (organisation beside the person).
 */
public interface SamlProfile {

    /** The {@code AuthnContextClassRef} to request {@code required} with (Comparison "minimum"). */
    String authnContextClassRef(TrustLevel required);

    /**
     * The trust level an {@code AuthnContextClassRef} of an answer means, empty if the profile does not know it. By
     * default every form {@link TrustLevel#parse} knows: eIDAS LoA URIs, STORK QAA levels and level names.
     */
    default Optional<TrustLevel> trustLevel(String authnContextClassRef) {
        try {
            return Optional.of(TrustLevel.parse(authnContextClassRef));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Adds the profile's request extensions as children of {@code extensions} ({@code samlp:Extensions}, dropped
     * when it stays empty). By default none: plain SAML 2.0.
     */
    default void addExtensions(Element extensions, LoginContext context, TrustLevel required) {
    }

    /** Whether the assertion must carry its own signature (a signed response around it is not enough). */
    boolean requiresSignedAssertion();

    /** Whether the assertion must arrive encrypted. */
    boolean requiresEncryptedAssertion();

    /** The Names of required attributes missing from {@code assertion}; empty if it is complete. */
    List<String> missingAttributes(SamlAssertion assertion);

    /**
     * The trust level of the login: by default the one of the {@code AuthnContextClassRef}; a profile may lower it
     * by an attribute it trusts as well.
     */
    default Optional<TrustLevel> loginLevel(SamlAssertion assertion) {
        return trustLevel(assertion.authnContextClassRef());
    }

    /** The citizen of a verified, complete assertion at {@code level}. */
    Citizen citizen(SamlAssertion assertion, TrustLevel level);
}
