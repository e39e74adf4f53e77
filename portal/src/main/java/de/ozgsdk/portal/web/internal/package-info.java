/** Internals of the web adapter (fixed error pages); not part of the API. */
package de.ozgsdk.portal.web.internal;
