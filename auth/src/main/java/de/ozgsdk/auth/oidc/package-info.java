/**
 * The OpenID Connect client of the Servicekonto login: {@link de.ozgsdk.auth.oidc.OidcProvider}, an
 * {@link de.ozgsdk.auth.AuthProvider} for brokers such as Keycloak in front of BundID and for Länder Servicekonten that
 * speak OIDC, with its mappings of {@code acr} to trust levels and of claims to the citizen.
 */
package de.ozgsdk.auth.oidc;
