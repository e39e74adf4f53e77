/**
 * Internals of {@link de.ozgsdk.forms.validation}: the DIN SPEC 91379 character set and the precompiled checks of
 * one field. Not part of the API; may change without notice.
 */
package de.ozgsdk.forms.internal.validation;
