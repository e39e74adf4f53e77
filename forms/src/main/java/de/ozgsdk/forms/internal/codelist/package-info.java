/**
 * Internals of the genericode code list import: the streaming StAX parser and the registry's index. Not part of the
 * public API; may change without notice.
 */
package de.ozgsdk.forms.internal.codelist;
