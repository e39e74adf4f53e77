package de.ozgsdk.forms;

import de.ozgsdk.core.ErrorCode;

/**
 * Error and warning codes of the FIM import ({@code OZG-FIM-1xx} errors, {@code OZG-FIM-2xx} warnings); messages in
 * {@code de/ozgsdk/forms/fim/messages*.properties}.
 *
 * <p>Errors are thrown as {@link FimImportException}; warnings are collected in {@link FormSchema#warnings()}. Some
 * codes are an error in strict mode and a warning in lenient mode (see {@code FimImporter.Builder#lenient}).
 */
public enum FimError implements ErrorCode {
    /** The file is not well-formed XML. */
    XML_MALFORMED("OZG-FIM-101"),
    /** The file contains a DTD or entity declaration, which is refused. */
    XML_DTD_FORBIDDEN("OZG-FIM-102"),
    /** The root element is not in an XDatenfelder 2.0 or 3.0 namespace. */
    UNKNOWN_NAMESPACE("OZG-FIM-103"),
    /** The root element is an XDatenfelder message that carries no Stammdatenschema, Datenfeldgruppe or Datenfeld. */
    UNSUPPORTED_MESSAGE("OZG-FIM-104"),
    /** A required element is missing. */
    MISSING_ELEMENT("OZG-FIM-105"),
    /** An element has no id. */
    MISSING_ID("OZG-FIM-106"),
    /**
     * The same id and version is defined twice with different content; a warning in both modes, since the XSD allows
     * it (the first definition is used everywhere).
     */
    DUPLICATE_ID("OZG-FIM-107"),
    /** The Feldart is not one of the standard's codes. */
    UNKNOWN_FIELD_KIND("OZG-FIM-108"),
    /** The Datentyp is not one of the standard's codes. */
    UNKNOWN_DATA_TYPE("OZG-FIM-109"),
    /** The Multiplizität is malformed. */
    MULTIPLICITY_INVALID("OZG-FIM-110"),
    /** A Feldart or Datentyp of XDatenfelder 3 is used in an XDatenfelder 2 file. */
    CODE_NOT_IN_VERSION("OZG-FIM-111"),
    /** A value of the Präzisierung is not a number where the standard requires one. */
    PRECISION_INVALID("OZG-FIM-112"),
    /** A single-valued element appears more than once. */
    ELEMENT_REPEATED("OZG-FIM-113"),
    /** A referenced code list is not available. */
    CODE_LIST_MISSING("OZG-FIM-114"),
    /** The file exceeds a limit of the importer (nesting depth, number of elements). */
    LIMIT_EXCEEDED("OZG-FIM-115"),
    /** The file could not be read. */
    READ_FAILED("OZG-FIM-116"),
    /** An element has no name. */
    MISSING_NAME("OZG-FIM-117"),
    /** A rule type code is unknown. */
    UNKNOWN_RULE_TYPE("OZG-FIM-118"),
    /** A text given to {@link Multiplicity#parse(String)} is not a Multiplizität. */
    MULTIPLICITY_SYNTAX("OZG-FIM-119"),
    /** A value given to a model factory or builder is invalid (blank id, negative length). */
    MODEL_VALUE_INVALID("OZG-FIM-120"),
    /** A date is not an ISO date ({@code 2024-01-31}). */
    DATE_INVALID("OZG-FIM-121"),
    /** An element is not allowed where it stands by the official XSD (order, repeated, unknown, text in it). */
    XSD_ELEMENT_UNEXPECTED("OZG-FIM-122"),
    /** An element the official XSD requires here is missing. */
    XSD_ELEMENT_MISSING("OZG-FIM-123"),
    /** A value or attribute breaks its type in the official XSD (String.Latin, code list, date, pattern). */
    XSD_VALUE_INVALID("OZG-FIM-124"),

    /** Warning: an id does not have the shape the standard gives for this version. */
    ID_SHAPE("OZG-FIM-201"),
    /** Warning: an element has no version (typical for working copies). */
    VERSION_MISSING("OZG-FIM-202"),
    /** Warning: a pattern of a Präzisierung is not a regular expression; it is kept as text and not checked. */
    PATTERN_NOT_REGEX("OZG-FIM-203"),
    /** Warning: an XDatenfelder 2 Präzisierung could not be read as the usual JSON object; it is kept as text. */
    PRECISION_UNREADABLE("OZG-FIM-204"),
    /** Warning: an XDatenfelder 2 Präzisierung in the form {@code a..b} was read as a value range. */
    PRECISION_RANGE_INTERPRETED("OZG-FIM-205"),
    /** Warning: a Präzisierung key is unknown and ignored. */
    PRECISION_KEY_UNKNOWN("OZG-FIM-206"),
    /** Warning: the minimum of a Präzisierung is greater than its maximum. */
    PRECISION_CONTRADICTORY("OZG-FIM-207"),
    /** Warning: a select field has neither a code list nor inline values. */
    SELECT_WITHOUT_VALUES("OZG-FIM-208"),
    /** Warning: a Datenfeldgruppe has no child element; nobody can fill it, so it is never demanded. */
    GROUP_WITHOUT_CHILDREN("OZG-FIM-209"),
    /** Warning: an XDatenfelder 3 Freigabestatus code is not in its code list (the XSD allows any code). */
    RELEASE_STATUS_UNKNOWN("OZG-FIM-210");

    private final String code;

    FimError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.forms.fim.messages";
    }
}
