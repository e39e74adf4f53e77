/**
 * Internals of the FIM import: the streaming XDatenfelder reader behind {@link de.ozgsdk.forms.FimImporter}; not
 * promised to stay.
 */
package de.ozgsdk.forms.internal.fim;
