/**
 * The service runtime of the OZG SDK: one online service, defined once ({@link de.ozgsdk.portal.service}), runs
 * unchanged on the central multi-tenant portal and on legacy portals. Tenants per municipality
 * ({@link de.ozgsdk.portal.tenant}), service packages, portal profiles with the compatibility check, the runtime
 * (login, form steps, review, payment, submit, receipt), the Jakarta Servlet adapter and the embedded host live in
 * the sub-packages. See {@code portal/PORTAL.md}.
 */
package de.ozgsdk.portal;
