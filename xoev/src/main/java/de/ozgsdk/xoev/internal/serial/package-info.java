/**
 * Internals of the XÖV serialisation: JAXB context cache, namespace prefixes, character checks, violation collection,
 * schema set compilation and the adapters of the building blocks. Not part of the public API; may change any time.
 */
package de.ozgsdk.xoev.internal.serial;
