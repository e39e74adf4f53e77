package de.ozgsdk.xoev;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of the XÖV serialisation ({@code OZG-XOEV-1xx}); messages in
 * {@code de/ozgsdk/xoev/messages*.properties}.
 */
public enum XoevError implements ErrorCode {
    /** A document read does not conform to the schema set (or cannot be bound); see the violation list. */
    NOT_SCHEMA_VALID_ON_READ("OZG-XOEV-101"),
    /** An object to be written does not conform to the schema set; see the violation list. */
    NOT_SCHEMA_VALID_ON_WRITE("OZG-XOEV-102"),
    /** The root element of a document read is not the one the serializer reads. */
    UNEXPECTED_ROOT_ELEMENT("OZG-XOEV-103"),
    /** A value to be written contains a character that XML 1.0 does not allow (e.g. U+0001). */
    ILLEGAL_XML_CHARACTER("OZG-XOEV-104"),
    /** Writing to the caller's stream failed. */
    WRITE_FAILED("OZG-XOEV-105"),
    /** No JAXB context could be created for the classes of a serializer. */
    CONTEXT_FAILED("OZG-XOEV-106"),
    /** JAXB could not marshal an object (not a validation problem). */
    MARSHAL_FAILED("OZG-XOEV-107"),
    /** An XML Schema (XSD) of a schema set could not be compiled. */
    SCHEMA_SET_INVALID("OZG-XOEV-108"),
    /** An XSD of a schema set imports a namespace that no XSD of the set provides. */
    SCHEMA_IMPORT_UNKNOWN("OZG-XOEV-109"),
    /** A class path resource named for a schema set does not exist. */
    SCHEMA_RESOURCE_MISSING("OZG-XOEV-110"),
    /** A required value of a building block is missing. */
    VALUE_MISSING("OZG-XOEV-111"),
    /** A text value of a building block is empty or only whitespace. */
    VALUE_BLANK("OZG-XOEV-112"),
    /** A value of a building block does not have the required form (pattern, URI, length). */
    VALUE_MALFORMED("OZG-XOEV-113"),
    /** A value of a building block contains a character that XML 1.0 does not allow. */
    VALUE_ILLEGAL_CHARACTER("OZG-XOEV-114"),
    /** A code of a known code list is not one of the list's codes (field, code, list and the allowed codes named). */
    CODE_NOT_IN_LIST("OZG-XOEV-115"),
    /** A code names a code list (URI and version) that is neither known to the SDK nor declared by the caller. */
    CODE_LIST_UNKNOWN("OZG-XOEV-116"),
    /** A setting of a serializer, schema set or reader is not usable (thrown as a ConfigurationException). */
    SETTING_INVALID("OZG-XOEV-117");

    private final String code;

    XoevError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.xoev.messages";
    }
}
