package de.ozgsdk.auth;

import de.ozgsdk.core.TrustLevel;

/**
 * A Servicekonto login as the portal sees it, the same for SAML (BundID, Servicekonten of other Länder) and OIDC
 * (brokers such as Keycloak in front of BundID): {@link #start} sends the browser to the identity provider,
 * {@link #complete} checks what comes back and yields the {@link Citizen} or a typed failure.
 *
 * <p>A provider is created once at start-up, is thread-safe, and keeps the state of a running login in its
 * {@link PendingRequestStore} (request id, for OIDC also nonce and PKCE verifier), so that any node of a cluster can
 * complete what another started. Call {@link #checkConfiguration()} at start-up and refuse to start on errors.
 */
public interface AuthProvider {

    /** Names this provider in logs and in the pending requests it stores (e.g. the SAML entityID of the SP). */
    String id();

    /**
     * Starts a login that must reach at least {@code required}: creates and remembers the request and returns what
     * the portal sends to the browser.
     *
     * @throws de.ozgsdk.core.ProcessingException if the request cannot be created or remembered
     */
    LoginChallenge start(LoginContext context, TrustLevel required);

    /**
     * Checks the identity provider's answer that arrived at the callback endpoint (SAML: the POSTed
     * {@code SAMLResponse}; OIDC: {@code code} and {@code state}). Every check runs before anything in the answer is
     * used; a refused answer is a {@link LoginOutcome.Failure}, never an exception, so that the portal can show a
     * message without a stack trace. Only an unavailable store or remote system throws.
     */
    LoginOutcome complete(Callback callback);

    /**
     * Checks this provider's configuration (keys usable, IdP metadata valid and not expired, certificates not
     * expiring within 30 days), without contacting anyone unless the configuration says where metadata is fetched.
     */
    ConfigurationReport checkConfiguration();
}
