/**
 * The service runtime (auth, form steps, review, payment, submit, receipt), save and resume, tenants, service packages, portal profiles and the compatibility check central vs legacy, the Jakarta Servlet adapter, the embedded Jetty host and the PDF receipt.
 *
 * <p>This module is part of the build but not yet filled; its issue in the tracker says what it will offer.
 */
package de.ozgsdk.portal;
