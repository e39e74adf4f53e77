/** Reading JSON files of the portal module (package descriptors, portal profiles) against their JSON Schemas. */
package de.ozgsdk.portal.internal.json;
