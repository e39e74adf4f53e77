/**
 * Portal profiles and the compatibility check: {@link de.ozgsdk.portal.profile.PortalProfile} says what a portal
 * offers (shipped: {@code central}, {@code legacy}; others as JSON files), and
 * {@link de.ozgsdk.portal.profile.CompatibilityCheck} says whether a service runs there, with blockers and
 * degradations. See {@code portal/PORTAL.md}, section "Portal profiles and the compatibility check".
 */
package de.ozgsdk.portal.profile;
