/**
 * Servicekonto clients: the SAML 2.0 service provider for BundID and interoperable Servicekonten, the OIDC client, and the user model with trust level and postbox reference.
 *
 * <p>This module is part of the build but not yet filled; its issue in the tracker says what it will offer.
 */
package de.ozgsdk.auth;
