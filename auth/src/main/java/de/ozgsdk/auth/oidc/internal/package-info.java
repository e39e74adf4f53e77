/** Internals of the OIDC client (discovery, key set, ID token checks, token request); not promised to stay. */
package de.ozgsdk.auth.oidc.internal;
