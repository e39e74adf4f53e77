/**
 * Internals of {@link de.ozgsdk.forms.validation}: the DIN SPEC 91379 character set, and the evaluation of
 * executable rules over form data (where each rule is evaluated, how element ids resolve from a group instance, what
 * the rules decided). Not part of the API; may change without notice.
 */
package de.ozgsdk.forms.internal.validation;
