/**
 * XML building blocks that the serializer, the FIM data formats and the application message share: the character
 * rules of XML 1.0, escaping, and StAX pass-throughs that report to a schema validator. Not part of the public API;
 * may change any time.
 */
package de.ozgsdk.xoev.internal.xml;
