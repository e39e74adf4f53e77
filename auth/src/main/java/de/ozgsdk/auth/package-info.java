/**
 * Servicekonto login: the {@link de.ozgsdk.auth.AuthProvider} SPI the portal drives (start a login, complete it
 * with the identity provider's answer), the {@link de.ozgsdk.auth.Citizen} it yields with trust level, per-attribute
 * trust and postbox reference, and the {@link de.ozgsdk.auth.PendingRequestStore} of started logins and used
 * answers. The SAML 2.0 service provider for BundID and interoperable Servicekonten lives in
 * {@code de.ozgsdk.auth.saml}.
 */
package de.ozgsdk.auth;
