/**
 * Export of a FIM form as JSON Schema 2020-12 ({@link de.ozgsdk.forms.jsonschema.JsonSchemaExporter}): the schema
 * describes the JSON form of {@link de.ozgsdk.forms.data.FormDataJson} and states what
 * {@link de.ozgsdk.forms.validation.FormValidator} checks; {@link de.ozgsdk.forms.jsonschema.ExportNote}s list what it
 * cannot state.
 */
package de.ozgsdk.forms.jsonschema;
