/**
 * Internals of {@link de.ozgsdk.forms.data}: value parsing and schema look-ups shared by JSON, form binding and
 * validation. Not part of the API; may change without notice.
 */
package de.ozgsdk.forms.internal.data;
