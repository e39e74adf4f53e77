package de.ozgsdk.xoev.fim;

import de.ozgsdk.core.ErrorCode;

/**
 * Codes of the FIM data formats ({@code OZG-XFIM-0xx} errors, {@code OZG-XFIM-1xx} notes on the generated XSD,
 * {@code OZG-XFIM-2xx} violations of form data); messages in {@code de/ozgsdk/xoev/fim/messages*.properties}.
 */
public enum FimXmlError implements ErrorCode {
    /** An element id cannot be an XML element name. */
    ID_NOT_XML_NAME("OZG-XFIM-001"),
    /** The namespace base is not an absolute URI ending with {@code :} or {@code /}. */
    NAMESPACE_INVALID("OZG-XFIM-002"),
    /** Form data are not valid against the generated XSD or the JSON Schema; the violations are listed. */
    DATA_INVALID("OZG-XFIM-003"),
    /** The XML could not be read (not well-formed, or the stream failed). */
    XML_READ_FAILED("OZG-XFIM-004"),
    /** The XML or JSON could not be written to the target. */
    WRITE_FAILED("OZG-XFIM-005"),
    /** The generated XSD could not be compiled: a defect of the SDK. */
    SCHEMA_NOT_COMPILABLE("OZG-XFIM-006"),
    /** The XML exceeds a limit (values, value length, repetitions, size). */
    LIMIT_EXCEEDED("OZG-XFIM-007"),
    /** The reader is not positioned at the root element of this schema. */
    WRONG_ROOT("OZG-XFIM-008"),
    /** The XSD given to the builder was generated from another FIM schema. */
    XSD_OF_OTHER_SCHEMA("OZG-XFIM-009"),

    /** Note: a pattern is a description, not a regular expression; not stated. */
    PATTERN_NOT_REGEX("OZG-XFIM-101"),
    /** Note: a pattern uses Java syntax XML Schema lacks; left out of the XSD. */
    PATTERN_NOT_TRANSLATABLE("OZG-XFIM-102"),
    /** Note: a pattern on a typed field applies to the text entered; not stated. */
    PATTERN_ON_TYPED_VALUE("OZG-XFIM-103"),
    /** Note: a code list was not available; its codes are not stated. */
    CODE_LIST_UNAVAILABLE("OZG-XFIM-104"),
    /** Note: codes of a typed field are stated as canonical values. */
    CODES_ON_TYPED_VALUE("OZG-XFIM-105"),
    /** Note: a minValue/maxValue is not a value of the Datentyp; not stated. */
    LIMIT_NOT_UNDERSTOOD("OZG-XFIM-106"),
    /** Note: a Multiplizität above what XML Schema processors accept is stated as unbounded. */
    MULTIPLICITY_CAPPED("OZG-XFIM-107"),
    /** Note: a FIM rule is not stated in the XSD. */
    RULE_NOT_STATED("OZG-XFIM-108"),
    /** Note: size and media types of a file field are not stated (the element holds a reference). */
    FILE_LIMITS_NOT_STATED("OZG-XFIM-109"),
    /** Note: the limits of the Präzisierung contradict each other; they are not stated. */
    LIMITS_CONTRADICT("OZG-XFIM-110"),

    /** Violation: an element that the schema does not have at this place. */
    UNKNOWN_ELEMENT("OZG-XFIM-201"),
    /** Violation: text where only elements are allowed, or elements inside a field. */
    WRONG_CONTENT("OZG-XFIM-202"),
    /** Violation: a Feldart label field holds a value. */
    LABEL_HOLDS_VALUE("OZG-XFIM-203"),
    /** Violation: a value holds a character that XML 1.0 cannot carry. */
    CHARACTER_NOT_XML("OZG-XFIM-204"),
    /** Violation: the XML is not valid against the generated XSD. */
    XSD_VIOLATION("OZG-XFIM-205"),
    /** Violation: the JSON is not valid against the JSON Schema export. */
    JSON_SCHEMA_VIOLATION("OZG-XFIM-206"),
    /** Violation: a required element (Multiplizität minimum) is missing; its FIM id and label are named. */
    MISSING_ELEMENT("OZG-XFIM-207"),
    /** Violation: an element occurs more often than its Multiplizität allows; FIM id, label and maximum named. */
    TOO_MANY_ELEMENTS("OZG-XFIM-208"),
    /** Violation: none of the alternatives of a choice group (Auswahlgruppe) is given; they are named. */
    CHOICE_MISSING("OZG-XFIM-209");

    private final String code;

    FimXmlError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.xoev.fim.messages";
    }
}
