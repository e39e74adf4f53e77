package de.ozgsdk.forms.codelist;

import de.ozgsdk.core.ErrorCode;

/** Error codes of the genericode code list import and the code list registry ({@code OZG-CL-0xx}). */
public enum CodeListError implements ErrorCode {
    /** The document's root element is not a genericode 1.0 {@code CodeList}. */
    NOT_GENERICODE("OZG-CL-001"),
    /**
     * The XML parser failed in a way core's hardened reader did not translate; usually core reports malformed or
     * refused documents itself with a {@link de.ozgsdk.core.xml.XmlError} code.
     */
    MALFORMED_XML("OZG-CL-002"),
    /** A required genericode element is missing. */
    MISSING_ELEMENT("OZG-CL-003"),
    /** A required genericode attribute is missing or empty. */
    MISSING_ATTRIBUTE("OZG-CL-004"),
    /** Two columns of the ColumnSet have the same id. */
    DUPLICATE_COLUMN("OZG-CL-005"),
    /** The ColumnSet declares no Key, so no code column is known. */
    NO_KEY("OZG-CL-006"),
    /** A Key spans several columns, which a code list of the SDK cannot use as its code. */
    COMPOSITE_KEY("OZG-CL-007"),
    /** A Key refers to a column the ColumnSet does not declare. */
    KEY_UNKNOWN_COLUMN("OZG-CL-008"),
    /** A row's Value refers to a column the ColumnSet does not declare. */
    VALUE_UNKNOWN_COLUMN("OZG-CL-009"),
    /** A row gives two values for the same column. */
    DUPLICATE_CELL("OZG-CL-010"),
    /** A row has no value in the key column. */
    MISSING_KEY_VALUE("OZG-CL-011"),
    /** A code appears twice in the key column. */
    DUPLICATE_CODE("OZG-CL-012"),
    /** The document uses a genericode construct that cannot be resolved offline (e.g. ColumnSetRef). */
    UNSUPPORTED_CONSTRUCT("OZG-CL-013"),
    /** A code list file could not be read. */
    READ_FAILED("OZG-CL-014"),
    /** A code list built in code refers to a column it does not declare. */
    LIST_UNKNOWN_COLUMN("OZG-CL-020"),
    /** A code list built in code declares a column twice. */
    LIST_DUPLICATE_COLUMN("OZG-CL-021"),
    /** A code list built in code has a row without a code. */
    LIST_MISSING_KEY_VALUE("OZG-CL-022"),
    /** A code list built in code has a code twice. */
    LIST_DUPLICATE_CODE("OZG-CL-023"),
    /** A code list built in code lacks a required part. */
    LIST_INCOMPLETE("OZG-CL-024"),
    /** The registry has no code list for the given URI and version. */
    CODE_LIST_NOT_FOUND("OZG-CL-040"),
    /** The registry has no code list for the given URI (no version asked for). */
    CODE_LIST_NOT_FOUND_UNVERSIONED("OZG-CL-041"),
    /** Two sources of the registry provide the same code list version. */
    DUPLICATE_CODE_LIST("OZG-CL-042"),
    /** A code list directory given to the registry does not exist or cannot be read. */
    DIRECTORY_UNREADABLE("OZG-CL-043"),
    /** A classpath resource given to the registry does not exist. */
    RESOURCE_MISSING("OZG-CL-044"),
    /** The remote code list source returned a different code list than asked for. */
    REMOTE_MISMATCH("OZG-CL-045"),
    /** A code list query names neither a canonical URI nor a canonical version URI. */
    QUERY_INVALID("OZG-CL-046");

    private final String code;

    CodeListError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.forms.codelist.messages";
    }
}
