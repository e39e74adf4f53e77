package de.ozgsdk.core.xml;

import de.ozgsdk.core.ErrorCode;

/** Error codes of the hardened XML processing ({@code OZG-XML-1xx}). */
public enum XmlError implements ErrorCode {
    /** The document contains a DOCTYPE declaration; DTDs are refused. */
    DTD_NOT_ALLOWED("OZG-XML-101"),
    /** The document or schema refers to an external resource (entity, schema, stylesheet) that is not loaded. */
    EXTERNAL_REFERENCE_NOT_ALLOWED("OZG-XML-102"),
    /** The document is not well-formed XML. */
    MALFORMED("OZG-XML-103"),
    /** The document exceeds a processing limit (element depth, attributes, name length, entity expansion). */
    LIMIT_EXCEEDED("OZG-XML-104"),
    /** The document is larger than the configured maximum number of bytes. */
    DOCUMENT_TOO_LARGE("OZG-XML-105"),
    /** An XML Schema (XSD) could not be compiled. */
    SCHEMA_INVALID("OZG-XML-106"),
    /** The document is well-formed but not valid against the XML Schema. */
    NOT_SCHEMA_VALID("OZG-XML-107"),
    /** The document could not be bound to the expected Java type (JAXB). */
    BINDING_FAILED("OZG-XML-108"),
    /** Reading the document failed (I/O error of the underlying stream). */
    READ_FAILED("OZG-XML-109"),
    /** The JDK's XML implementation refused a hardening setting; the SDK does not run XML processing unhardened. */
    HARDENING_UNSUPPORTED("OZG-XML-110"),
    /** No JAXB unmarshaller could be created for a context (no JAXB implementation on the class path). */
    UNMARSHALLER_UNAVAILABLE("OZG-XML-111"),
    /** A text node is longer than {@link SecureXml.Builder#maxTextLength(long)} characters. */
    TEXT_TOO_LONG("OZG-XML-112"),
    /** The text of a document has more than {@link SecureXml.Builder#maxTotalCharacters(long)} characters. */
    TOO_MANY_CHARACTERS("OZG-XML-113"),
    /** A schema document refers to another one that is not among the local resources the caller allowed. */
    SCHEMA_RESOURCE_NOT_ALLOWED("OZG-XML-114");

    private final String code;

    XmlError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.core.xml.messages";
    }
}
