/**
 * Internals shared by several parts of the forms module and by the {@code ozg} command (the JSON print style); not
 * part of the public API and not promised to stay.
 */
package de.ozgsdk.forms.internal;
