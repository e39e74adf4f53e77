package de.ozgsdk.forms.validation;

import de.ozgsdk.core.ErrorCode;

/**
 * The stable code of a {@link Violation} ({@code OZG-VAL-1xx}): what is wrong with a value. Callers and tests key on
 * the code, never on the message text. Messages in {@code de/ozgsdk/forms/validation/messages*.properties}; the first
 * message argument is always the element's label.
 */
public enum ViolationCode implements ErrorCode {
    /** A required field or group (Multiplizität min 1) has no value. */
    REQUIRED("OZG-VAL-101"),
    /** Fewer values or group instances than the Multiplizität's minimum (above 1); argument: the minimum. */
    TOO_FEW("OZG-VAL-102"),
    /** More values or group instances than the Multiplizität's maximum; argument: the maximum. */
    TOO_MANY("OZG-VAL-103"),
    /** A {@code num} or {@code num_currency} value is not a number. */
    NOT_A_NUMBER("OZG-VAL-104"),
    /** A {@code num_int} value is not an integer. */
    NOT_AN_INTEGER("OZG-VAL-105"),
    /**
     * A {@code date} value is not a date (ISO or TT.MM.JJJJ); a value in that form naming a day its month does not
     * have is {@link #DATE_DOES_NOT_EXIST}.
     */
    NOT_A_DATE("OZG-VAL-106"),
    /** A {@code time} value is not a time of day (HH:MM or HH:MM:SS). */
    NOT_A_TIME("OZG-VAL-107"),
    /** A {@code datetime} value is not a date with time. */
    NOT_A_DATETIME("OZG-VAL-108"),
    /** A {@code bool} value is neither true nor false. */
    NOT_A_BOOLEAN("OZG-VAL-109"),
    /** A text is shorter than the Präzisierung's minLength; argument: the minimum. */
    TOO_SHORT("OZG-VAL-110"),
    /** A text is longer than the Präzisierung's maxLength; argument: the maximum. */
    TOO_LONG("OZG-VAL-111"),
    /** A value does not match the Präzisierung's pattern; argument: the pattern. */
    PATTERN_MISMATCH("OZG-VAL-112"),
    /** A number, date or time is below the Präzisierung's minValue; argument: the minimum. */
    BELOW_MINIMUM("OZG-VAL-113"),
    /** A number, date or time is above the Präzisierung's maxValue; argument: the maximum. */
    ABOVE_MAXIMUM("OZG-VAL-114"),
    /** A {@code num_currency} value has more than two decimals or more than 13 integer digits. */
    INVALID_CURRENCY_AMOUNT("OZG-VAL-115"),
    /** A value is not one of the codes of the field's code list or inline values. */
    NOT_IN_CODE_LIST("OZG-VAL-116"),
    /** A {@code text_latin} value has a character outside DIN SPEC 91379 datatype C; argument: its position. */
    CHARACTERS_NOT_LATIN("OZG-VAL-117"),
    /** The data hold an element that the schema does not have at that place. */
    UNKNOWN_ELEMENT("OZG-VAL-118"),
    /** The data hold values where the schema has a group, or group instances where it has a field. */
    WRONG_STRUCTURE("OZG-VAL-119"),
    /** More than one alternative of an Auswahlgruppe (choice group) is filled. */
    CHOICE_AMBIGUOUS("OZG-VAL-120"),
    /** A {@code label} field (static text) holds a value. */
    NO_INPUT_ALLOWED("OZG-VAL-121"),
    /**
     * A constraint of an executable rule (side file or recognised FIM rule) does not hold; reported at each of the
     * rule's target elements with the rule's message ({@link Violation#ruleId()} names the rule).
     */
    RULE_VIOLATED("OZG-VAL-122"),
    /**
     * A {@code date} or {@code datetime} value is written as a date (TT.MM.JJJJ or ISO, day 1..31, month 1..12) but
     * names a day the calendar does not have, such as 31.02.1985 or 29.02.2023: the format is right, the day is not.
     */
    DATE_DOES_NOT_EXIST("OZG-VAL-123");

    private final String code;

    ViolationCode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.forms.validation.messages";
    }
}
