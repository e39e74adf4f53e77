/** Internals of the FIM data formats: XSD writing, regex translation, XML values and rendering; not an API. */
package de.ozgsdk.xoev.internal.fim;
