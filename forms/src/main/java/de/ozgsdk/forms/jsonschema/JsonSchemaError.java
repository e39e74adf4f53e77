package de.ozgsdk.forms.jsonschema;

import de.ozgsdk.core.ErrorCode;

/**
 * Codes of the JSON Schema export: {@code OZG-JSCH-0xx} are errors, {@code OZG-JSCH-1xx} are {@link ExportNote}s
 * (places where the exported JSON Schema cannot state a constraint of the form exactly).
 */
public enum JsonSchemaError implements ErrorCode {
    /** The base URI for {@code $id} is not an absolute URI ending with {@code /} or {@code :}. */
    BASE_URI_INVALID("OZG-JSCH-001"),
    /** The export could not be written as JSON text. */
    WRITE_FAILED("OZG-JSCH-002"),
    /** A FIM rule is not stated: JSON Schema has no means for it, and the validator does not run rules either. */
    RULE_NOT_STATED("OZG-JSCH-101"),
    /** A pattern is a description, not a regular expression; neither the export nor the validator checks it. */
    PATTERN_NOT_REGEX("OZG-JSCH-102"),
    /** A pattern uses Java syntax that ECMA-262 does not have; the export leaves it out. */
    PATTERN_NOT_PORTABLE("OZG-JSCH-103"),
    /** A pattern on a typed field (number, date, …) applies to the text entered, which the JSON form no longer has. */
    PATTERN_ON_TYPED_VALUE("OZG-JSCH-104"),
    /** A code list is not available to the exporter; its codes are not stated. */
    CODE_LIST_UNAVAILABLE("OZG-JSCH-105"),
    /** Codes of a typed field are stated as canonical values, the validator compares the text entered. */
    CODES_ON_TYPED_VALUE("OZG-JSCH-106"),
    /** A minValue/maxValue is not a value of the field's Datentyp; neither the export nor the validator checks it. */
    LIMIT_NOT_UNDERSTOOD("OZG-JSCH-107");

    private final String code;

    JsonSchemaError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.forms.jsonschema.messages";
    }
}
