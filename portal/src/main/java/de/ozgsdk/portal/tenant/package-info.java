/**
 * Tenants of a portal: one municipality per Amtlicher Regionalschlüssel with its branding, enabled services,
 * languages, payment accounts, postbox sender and back-office destinations ({@link
 * de.ozgsdk.portal.tenant.PortalTenant}).
 */
package de.ozgsdk.portal.tenant;
