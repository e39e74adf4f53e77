/** Internals of the JSON Schema export: the schema walk, portable patterns, temporal ranges as patterns. */
package de.ozgsdk.forms.internal.jsonschema;
