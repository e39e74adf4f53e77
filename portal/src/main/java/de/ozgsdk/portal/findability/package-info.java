/**
 * Findability in the Portalverbund (Eckpunkte 1, 2, 29): the schema.org {@code GovernmentService} facts of a service
 * page as RDFa ({@link de.ozgsdk.portal.findability.GovernmentServiceMarkup}) and the service descriptions of a tenant
 * as XZuFi ({@link de.ozgsdk.portal.findability.XzufiExport}).
 */
package de.ozgsdk.portal.findability;
