/**
 * FIM form engine: the immutable, version-neutral form model ({@link de.ozgsdk.forms.FormSchema},
 * {@link de.ozgsdk.forms.FieldGroup}, {@link de.ozgsdk.forms.Field} and their parts) and the import of
 * XDatenfelder 2.0 and 3.0 messages into it ({@code FimImporter}); see {@code forms/MODEL.md}.
 */
package de.ozgsdk.forms;
