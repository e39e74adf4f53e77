/**
 * The engine of the SAML service provider (AuthnRequest writing, bindings, signature and decryption checks, the
 * response checks); not promised to stay.
 */
package de.ozgsdk.auth.saml.internal;
