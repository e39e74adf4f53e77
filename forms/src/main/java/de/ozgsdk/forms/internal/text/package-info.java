/**
 * Internals shared by the texts of forms (UI texts of rendered pages, violation messages): message patterns parsed
 * once. Not promised to stay.
 */
package de.ozgsdk.forms.internal.text;
