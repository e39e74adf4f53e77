package de.ozgsdk.forms.data;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of form data handling ({@code OZG-DATA-1xx}): malformed paths, unusable JSON or form parameters,
 * exceeded limits and misconfiguration; messages in {@code de/ozgsdk/forms/data/messages*.properties}.
 *
 * <p>These are errors about the shape of the input, thrown as exceptions. Whether the values satisfy the schema is
 * told by {@link de.ozgsdk.forms.validation.FormValidator} as violations, not by these codes.
 */
public enum DataError implements ErrorCode {
    /** A data path is not of the form {@code G60000086[0].F60000227}. */
    PATH_MALFORMED("OZG-DATA-101"),
    /** The input names an element that the schema does not have at that place. */
    UNKNOWN_ELEMENT("OZG-DATA-102"),
    /** The input uses a field as a group or a group as a field. */
    PATH_KIND_MISMATCH("OZG-DATA-103"),
    /** More parameters or values than the limit. */
    TOO_MANY_VALUES("OZG-DATA-104"),
    /** A value or parameter name is longer than the limit. */
    VALUE_TOO_LONG("OZG-DATA-105"),
    /** An index or a number of repetitions is above the limit. */
    TOO_MANY_REPETITIONS("OZG-DATA-106"),
    /** The JSON text is not well-formed or exceeds the parser's limits. */
    JSON_MALFORMED("OZG-DATA-107"),
    /** A JSON value has the wrong shape for its element (e.g. an object for a field). */
    JSON_WRONG_SHAPE("OZG-DATA-108"),
    /** An {@code _add} or {@code _remove} parameter does not name a repeatable group instance. */
    ACTION_INVALID("OZG-DATA-109"),
    /** A {@link FormData.Builder} call uses an id for a field that already holds groups, or the other way round. */
    KIND_CONFLICT("OZG-DATA-110"),
    /** A code list referenced by the schema is not available and the validator was told to require it. */
    CODE_LIST_UNAVAILABLE("OZG-DATA-111"),
    /** A limit given to a builder is out of range. */
    LIMIT_INVALID("OZG-DATA-112"),
    /** The Bean Validation bridge finds no validator for a schema id. */
    SCHEMA_NOT_REGISTERED("OZG-DATA-113"),
    /** Writing JSON to a stream failed. */
    WRITE_FAILED("OZG-DATA-114"),
    /**
     * Data asked to be submitted ({@code FimForm.submission}) have violations; arguments: schema id, number of
     * violations, their paths and codes (never values).
     */
    DATA_INVALID("OZG-DATA-115");

    private final String code;

    DataError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.forms.data.messages";
    }
}
