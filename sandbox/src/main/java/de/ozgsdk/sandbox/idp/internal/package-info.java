/** The SAML engine of the Servicekonto IdP mock (request checks, response writing); not promised to stay. */
package de.ozgsdk.sandbox.idp.internal;
