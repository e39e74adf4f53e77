/**
 * Internals of {@link de.ozgsdk.core.xml.SecureXml}: the JAXP settings, the hardened StAX reader and JAXB
 * unmarshaller, and the translation of JDK exceptions into SDK exceptions. Not part of the public API.
 */
package de.ozgsdk.core.internal.xml;
