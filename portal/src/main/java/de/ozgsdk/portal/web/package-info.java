/**
 * The Jakarta Servlet 6 side of the portal that any Java portal can mount: security headers
 * ({@link de.ozgsdk.portal.web.SecurityHeadersFilter}), CSRF protection ({@link de.ozgsdk.portal.web.CsrfProtection}),
 * flow sessions in the database or the host's session ({@link de.ozgsdk.portal.web.FlowSessions}) and the tenant a
 * request belongs to ({@link de.ozgsdk.portal.web.TenantResolution}), and the servlet that serves the pages of the
 * online services on top of them ({@link de.ozgsdk.portal.web.OzgServlet}, see PORTAL.md "Servlet adapter").
 */
package de.ozgsdk.portal.web;
