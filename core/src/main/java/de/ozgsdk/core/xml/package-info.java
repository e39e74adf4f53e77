/**
 * Hardened XML processing: {@link de.ozgsdk.core.xml.SecureXml} creates every DOM, SAX, StAX, XSLT, XML Schema and
 * JAXB component the SDK uses, with DTDs and external resources refused and processing limits set, and reports
 * refused or broken documents with {@link de.ozgsdk.core.xml.XmlError} codes.
 */
package de.ozgsdk.core.xml;
